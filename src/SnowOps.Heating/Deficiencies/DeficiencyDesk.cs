using System.Globalization;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SnowOps.Contracts;
using SnowOps.Heating.Data;
using SnowOps.Heating.Readings;
using SnowOps.Heating.Registry;

namespace SnowOps.Heating.Deficiencies;

/// <summary>
/// Deficiency → repair → re-check. A counted measurement below the standard, where the compound has no open deficiency,
/// opens one, announces it, and asks Dispatch for a repair; once the repair is done a re-check is asked for; a counted
/// measurement taken after the repair closes the deficiency if it meets the standard, and starts another repair round
/// if it does not. Changes are left to the caller's save; messages go out once that save succeeded.
/// </summary>
/// <remarks>
/// Opening or moving a deficiency also bumps the compound's version, so two measurements of one compound handled at
/// once cannot both open one: the second save fails on the version, is retried, and finds the first one's deficiency.
/// </remarks>
public sealed class DeficiencyDesk(HeatingDbContext db, IOptionsMonitor<DeficiencyRules> rules)
{
    public const string RequestedBy = "heating";

    /// <summary>A counted measurement of a compound in the registry.</summary>
    public async Task MeasuredAsync(Compound compound, TemperatureReading reading, IPublishEndpoint publish, CancellationToken cancellationToken)
    {
        var open = await db.Deficiencies.Where(d => d.CompoundId == compound.CompoundId && d.Closed == null)
            .OrderBy(d => d.Found).FirstOrDefaultAsync(cancellationToken);
        if (open is not null)
        {
            if (open.Repaired is { } repaired && reading.Measured >= repaired)
                await RecheckedAsync(open, compound, reading, publish, cancellationToken);
            return;
        }
        if (reading.BelowStandard)
            await OpenAsync(compound, reading, publish, cancellationToken);
    }

    /// <summary>The repair of a round was done: ask for the re-check, once.</summary>
    public async Task RepairedAsync(Deficiency deficiency, int round, Guid taskId, DateTimeOffset completed, IPublishEndpoint publish,
        CancellationToken cancellationToken)
    {
        if (!deficiency.IsOpen || round != deficiency.Round || deficiency.Repaired is not null)
            return;
        deficiency.Repaired = completed;
        deficiency.RepairTaskId ??= taskId;
        deficiency.Version++;
        var compound = await db.Compounds.AsNoTracking().FirstOrDefaultAsync(c => c.CompoundId == deficiency.CompoundId, cancellationToken);
        var zone = await ZoneAsync(deficiency.CompanyId, cancellationToken);
        await publish.Publish(new CrewTaskRequested(DeficiencyKeys.RecheckKey(deficiency.Id, round), null, TaskKind.TemperatureCheck,
            $"Re-check indoor temperature after the heating repair at {NameOf(compound) ?? deficiency.CompoundId}",
            compound?.Geometry?.AsText(), zone, completed.AddHours(rules.CurrentValue.RecheckWithinHours), RequestedBy, deficiency.CompoundId),
            cancellationToken);
    }

    async Task OpenAsync(Compound compound, TemperatureReading reading, IPublishEndpoint publish, CancellationToken cancellationToken)
    {
        var deficiency = new Deficiency
        {
            Id = DeficiencyKeys.IdFor(reading.Id),
            CompoundId = compound.CompoundId,
            CompanyId = compound.CompanyId,
            ReadingId = reading.Id,
            AverageCelsius = reading.AverageCelsius,
            StandardCelsius = reading.StandardCelsius,
            Found = reading.Measured,
        };
        db.Deficiencies.Add(deficiency);
        compound.Version++;
        await FlagIfRepeatedAsync(compound, deficiency.Found, cancellationToken);
        await publish.Publish(new HeatingDeficiencyFound(deficiency.Id, compound.CompoundId, compound.CompanyId, reading.Id,
            reading.AverageCelsius, reading.StandardCelsius, reading.Measured), cancellationToken);
        await RequestRepairAsync(deficiency, compound, reading, publish, cancellationToken);
    }

    async Task RecheckedAsync(Deficiency deficiency, Compound compound, TemperatureReading reading, IPublishEndpoint publish,
        CancellationToken cancellationToken)
    {
        deficiency.Version++;
        compound.Version++;
        if (!reading.BelowStandard)
        {
            deficiency.Closed = reading.Measured;
            deficiency.ClosedByReadingId = reading.Id;
            return;
        }
        deficiency.Round++;
        deficiency.RepairTaskId = null;
        deficiency.Repaired = null;
        deficiency.RecheckTaskId = null;
        await RequestRepairAsync(deficiency, compound, reading, publish, cancellationToken);
    }

    async Task RequestRepairAsync(Deficiency deficiency, Compound compound, TemperatureReading reading, IPublishEndpoint publish,
        CancellationToken cancellationToken)
    {
        var title = string.Create(CultureInfo.InvariantCulture,
            $"Repair heating at {NameOf(compound) ?? compound.CompoundId}: {reading.AverageCelsius} °C measured against {reading.StandardCelsius} °C");
        if (deficiency.Round > 1)
            title += $" (round {deficiency.Round})";
        await publish.Publish(new CrewTaskRequested(DeficiencyKeys.RepairKey(deficiency.Id, deficiency.Round), null, TaskKind.HeatingRepair,
            title, compound.Geometry?.AsText(), await ZoneAsync(compound.CompanyId, cancellationToken),
            reading.Measured.AddHours(rules.CurrentValue.RepairWithinHours), RequestedBy, compound.CompoundId), cancellationToken);
    }

    /// <summary>Deficiencies found within the window, this one included, flag the compound; it stays flagged.</summary>
    async Task FlagIfRepeatedAsync(Compound compound, DateTimeOffset found, CancellationToken cancellationToken)
    {
        if (compound.MonitoredSince is not null)
            return;
        var since = found.AddDays(-rules.CurrentValue.RepeatedWithinDays);
        var earlier = await db.Deficiencies.CountAsync(d => d.CompoundId == compound.CompoundId && d.Found >= since && d.Found <= found,
            cancellationToken);
        if (earlier + 1 < rules.CurrentValue.RepeatedDeficiencies)
            return;
        compound.MonitoredSince = found;
    }

    static string? NameOf(Compound? compound) => string.IsNullOrWhiteSpace(compound?.Name) ? null : compound.Name;

    async Task<string?> ZoneAsync(string companyId, CancellationToken cancellationToken) =>
        await db.Companies.AsNoTracking().Where(c => c.CompanyId == companyId).Select(c => c.Zone).FirstOrDefaultAsync(cancellationToken);
}
