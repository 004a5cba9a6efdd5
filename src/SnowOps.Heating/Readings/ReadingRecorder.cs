using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SnowOps.Contracts;
using SnowOps.Heating.Data;

namespace SnowOps.Heating.Readings;

/// <summary>Keeps each measurement once, whether it came from the bot or the API.</summary>
public sealed class ReadingRecorder(HeatingDbContext db, IOptionsMonitor<MeasuringMethod> method) : IConsumer<IndoorTemperatureRecorded>
{
    public async Task Consume(ConsumeContext<IndoorTemperatureRecorded> context)
    {
        var m = context.Message;
        if (await db.Readings.AnyAsync(r => r.Id == m.ReadingId, context.CancellationToken))
            return;
        db.Readings.Add(new TemperatureReading
        {
            Id = m.ReadingId,
            TaskId = m.TaskId,
            CompoundId = m.CompoundId,
            Home = m.Home,
            Readings = m.Readings.ToList(),
            AverageCelsius = m.AverageCelsius,
            BelowStandard = !method.CurrentValue.MeetsStandard(m.AverageCelsius),
            InspectorId = m.InspectorId,
            Measured = m.Measured,
        });
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
