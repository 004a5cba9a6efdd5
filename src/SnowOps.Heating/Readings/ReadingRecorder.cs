using MassTransit;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Heating.Data;
using SnowOps.Heating.Deficiencies;
using SnowOps.Heating.Registry;

namespace SnowOps.Heating.Readings;

/// <summary>
/// Keeps each measurement once, whether it came from the bot or the API; judges it, keeps the compound's last reading,
/// tells its complaints it was checked, and hands a counted measurement to the deficiency desk. A measurement for a
/// compound not in the registry, or for a check task of another compound, is kept but not counted.
/// </summary>
public sealed class ReadingRecorder(HeatingDbContext db, ReadingJudge judge, DeficiencyDesk deficiencies, IComplaintChecks complaints)
    : IConsumer<IndoorTemperatureRecorded>
{
    public async Task Consume(ConsumeContext<IndoorTemperatureRecorded> context)
    {
        var m = context.Message;
        var cancellationToken = context.CancellationToken;
        if (await db.Readings.AnyAsync(r => r.Id == m.ReadingId, cancellationToken))
            return;
        var reading = new TemperatureReading
        {
            Id = m.ReadingId,
            TaskId = m.TaskId,
            CompoundId = m.CompoundId,
            Home = m.Home,
            Readings = m.Readings.ToList(),
            AverageCelsius = m.AverageCelsius,
            InspectorId = m.InspectorId,
            Measured = m.Measured,
            Exclusions = Exclusions.Normalise(m.Exclusions),
        };
        var compound = await db.Compounds.FirstOrDefaultAsync(c => c.CompoundId == m.CompoundId, cancellationToken);
        judge.Judge(reading, await ObstacleAsync(m, compound, cancellationToken));
        db.Readings.Add(reading);
        await complaints.MarkCheckedAsync(m.CompoundId, m.Measured, cancellationToken);
        if (compound is not null && reading.Counted)
        {
            if (compound.LastReadingAt is null || reading.Measured > compound.LastReadingAt)
            {
                compound.LastReadingCelsius = reading.AverageCelsius;
                compound.LastReadingAt = reading.Measured;
                compound.Version++;
            }
            await deficiencies.MeasuredAsync(compound, reading, context, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    async Task<ReadingJudge.Obstacle?> ObstacleAsync(IndoorTemperatureRecorded m, Compound? compound, CancellationToken cancellationToken)
    {
        if (compound is null)
            return new($"compound '{m.CompoundId}' is not in the registry");
        if (m.TaskId is not { } taskId)
            return null;
        var task = await db.HeatingTasks.AsNoTracking().FirstOrDefaultAsync(t => t.TaskId == taskId, cancellationToken);
        return TaskTracker.ChecksAnotherCompound(task, m.CompoundId)
            ? new($"task {taskId} checks compound '{task!.SubjectId}', not '{m.CompoundId}'")
            : null;
    }
}
