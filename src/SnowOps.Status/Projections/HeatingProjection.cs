using MassTransit;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Status.Data;
using SnowOps.Status.Live;

namespace SnowOps.Status.Projections;

/// <summary>
/// Projects heating: each compound's newest valid measurement (by measuring time) with whether it fell below the
/// standard, and every deficiency found once.
/// </summary>
public sealed class HeatingProjection(StatusDbContext db, IStatusFeed feed) :
    IConsumer<IndoorTemperatureRecorded>,
    IConsumer<HeatingDeficiencyFound>
{
    public Task Consume(ConsumeContext<IndoorTemperatureRecorded> context) => Project(context.Message, context.CancellationToken);
    public Task Consume(ConsumeContext<HeatingDeficiencyFound> context) => Project(context.Message, context.CancellationToken);

    public async Task Project(IndoorTemperatureRecorded m, CancellationToken cancellationToken)
    {
        // A measurement the method excludes (window open, radiator covered) says nothing about the compound's heating.
        if (m.Exclusions is { Count: > 0 })
            return;
        var row = await db.CompoundReadings.FindAsync([m.CompoundId], cancellationToken);
        if (row is null)
            db.CompoundReadings.Add(row = new CompoundReadingRow { CompoundId = m.CompoundId });
        else if (!IsNewer(m.Measured, m.ReadingId, row))
            return;
        (row.ReadingId, row.AverageCelsius, row.Measured) = (m.ReadingId, m.AverageCelsius, m.Measured);
        // The deficiency this measurement found may have arrived first.
        row.BelowStandard = db.Deficiencies.Local.Any(d => d.ReadingId == m.ReadingId)
            || await db.Deficiencies.AnyAsync(d => d.ReadingId == m.ReadingId, cancellationToken);
        if (await db.SaveIfChangedAsync(cancellationToken))
            await feed.CompoundReadingChanged(row, cancellationToken);
    }

    public async Task Project(HeatingDeficiencyFound m, CancellationToken cancellationToken)
    {
        if (await db.Deficiencies.FindAsync([m.DeficiencyId], cancellationToken) is not null)
            return;
        db.Deficiencies.Add(new DeficiencyRow
        {
            DeficiencyId = m.DeficiencyId, CompoundId = m.CompoundId, CompanyId = m.CompanyId, ReadingId = m.ReadingId,
            AverageCelsius = m.AverageCelsius, StandardCelsius = m.StandardCelsius, Found = m.Found,
        });
        var reading = await db.CompoundReadings.FindAsync([m.CompoundId], cancellationToken);
        // The deficiency alone is not on the dashboard; the compound it marks below standard is.
        var marks = reading is not null && reading.ReadingId == m.ReadingId && !reading.BelowStandard;
        if (reading is not null && marks)
            reading.BelowStandard = true;
        await db.SaveChangesAsync(cancellationToken);
        if (reading is not null && marks)
            await feed.CompoundReadingChanged(reading, cancellationToken);
    }

    /// <summary>Newest by measuring time; two measurements at the same time are ordered by id, so arrival order never decides.</summary>
    static bool IsNewer(DateTimeOffset measured, Guid readingId, CompoundReadingRow row) =>
        measured > row.Measured || (measured == row.Measured && readingId.CompareTo(row.ReadingId) >= 0);
}
