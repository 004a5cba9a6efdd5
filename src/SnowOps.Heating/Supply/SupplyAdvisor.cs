using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SnowOps.Contracts;
using SnowOps.Heating.Data;
using SnowOps.Heating.Forecasts;
using SnowOps.ServiceDefaults.Messaging.Outbox;

namespace SnowOps.Heating.Supply;

/// <summary>
/// Advises every heat station on its supply-water temperature: the station's curve at the lowest outdoor temperature
/// forecast for the next <see cref="SupplyOptions.LeadHours"/>, plus the station's offset and the raise of any active
/// snow event, capped. Published only when it moves by at least <see cref="SupplyOptions.MinChangeCelsius"/> from the
/// station's last advice, so a run with the same inputs publishes nothing.
/// </summary>
public sealed class SupplyAdvisor(HeatingDbContext db, TransactionalOutbox outbox, OutdoorForecast forecast, IOptionsMonitor<SupplyOptions> options, IPublishEndpoint publish,
    TimeProvider clock, ILogger<SupplyAdvisor> logger)
{
    /// <summary>What one station's advice is made of.</summary>
    public sealed record Calculation(double OutdoorCelsius, double CurveCelsius, double OffsetCelsius, double RaiseCelsius, Guid? RaiseSnowEventId,
        double CapCelsius, double SupplyCelsius, bool Capped);

    /// <summary>The schedule, a new forecast and a plan's raise can each start a run; in one process they take turns.</summary>
    static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>Advises the stations whose advice changed; returns how many were advised.</summary>
    public Task<int> AdviseAsync(CancellationToken cancellationToken) =>
        outbox.RunAsync(db, () => AdviseInUnitAsync(cancellationToken), cancellationToken);

    async Task<int> AdviseInUnitAsync(CancellationToken cancellationToken)
    {
        await OneAtATime.WaitAsync(cancellationToken);
        try
        {
            return await AdviseStationsAsync(cancellationToken);
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    async Task<int> AdviseStationsAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var now = clock.GetUtcNow();
        var until = now.AddHours(settings.LeadHours);
        var stations = await db.Stations.AsNoTracking().OrderBy(s => s.StationId).ToListAsync(cancellationToken);
        var zones = await db.Companies.AsNoTracking().ToDictionaryAsync(c => c.CompanyId, c => c.Zone, cancellationToken);
        var raise = await db.SupplyRaises.AsNoTracking().Where(r => r.Ended == null && r.RaiseCelsius > 0)
            .OrderByDescending(r => r.RaiseCelsius).FirstOrDefaultAsync(cancellationToken);
        var last = await db.SupplyAdvice.ToDictionaryAsync(a => a.StationId, cancellationToken);
        var lows = new Dictionary<string, double?>();

        var advised = 0;
        foreach (var station in stations)
        {
            var zone = zones.GetValueOrDefault(station.CompanyId) ?? ForecastIssue.City;
            if (!lows.TryGetValue(zone, out var low))
                lows[zone] = low = await forecast.LowestInZoneAsync(now, until, zone, cancellationToken);
            if (low is not { } outdoor)
                continue;
            var calculation = Calculate(settings, station.StationId, outdoor, raise);
            if (last.TryGetValue(station.StationId, out var previous)
                && Math.Abs(previous.SupplyCelsius - calculation.SupplyCelsius) < settings.MinChangeCelsius)
            {
                previous.Confirmed = now;
                continue;
            }
            await publish.Publish(new SupplyTemperatureAdvised(station.StationId, station.CompanyId, now, until, calculation.OutdoorCelsius,
                calculation.SupplyCelsius, now), cancellationToken);
            Keep(previous, station.StationId, station.CompanyId, now, until, calculation);
            advised++;
        }
        await db.SaveChangesAsync(cancellationToken);
        if (advised > 0)
            logger.LogInformation("Supply advice: {Advised} station(s) advised for {From:O} to {Until:O}", advised, now, until);
        return advised;
    }

    /// <summary>The station's advice for an outdoor temperature and an active raise.</summary>
    public static Calculation Calculate(SupplyOptions settings, string stationId, double outdoorCelsius, SupplyRaise? raise)
    {
        var own = settings.For(stationId);
        var curve = new SupplyCurve(own?.Curve is { Count: > 0 } stationCurve ? stationCurve : settings.EffectiveCurve);
        var fromCurve = curve.At(outdoorCelsius);
        var offset = own?.OffsetCelsius ?? 0;
        var raised = raise?.RaiseCelsius ?? 0;
        var wanted = fromCurve + offset + raised;
        var supply = Math.Min(wanted, settings.MaxSupplyCelsius);
        return new Calculation(Math.Round(outdoorCelsius, 1), Math.Round(fromCurve, 1), offset, raised, raise?.SnowEventId, settings.MaxSupplyCelsius,
            Math.Round(supply, 1), wanted > settings.MaxSupplyCelsius);
    }

    void Keep(SupplyAdvice? previous, string stationId, string companyId, DateTimeOffset now, DateTimeOffset until, Calculation c)
    {
        var advice = previous ?? db.SupplyAdvice.Add(new SupplyAdvice { StationId = stationId }).Entity;
        advice.CompanyId = companyId;
        (advice.From, advice.Until, advice.Advised, advice.Confirmed) = (now, until, now, now);
        (advice.OutdoorCelsius, advice.CurveCelsius, advice.OffsetCelsius) = (c.OutdoorCelsius, c.CurveCelsius, c.OffsetCelsius);
        (advice.RaiseCelsius, advice.RaiseSnowEventId, advice.CapCelsius, advice.Capped) = (c.RaiseCelsius, c.RaiseSnowEventId, c.CapCelsius, c.Capped);
        advice.SupplyCelsius = c.SupplyCelsius;
    }
}
