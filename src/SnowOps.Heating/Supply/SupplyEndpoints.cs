using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SnowOps.Heating.Data;
using SnowOps.ServiceDefaults.Auth;

namespace SnowOps.Heating.Supply;

public static class SupplyEndpoints
{
    public static IEndpointRouteBuilder MapSupplyEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/heating/supply", ListAsync).RequireAuthorization(Policies.Watch).WithTags("Heating")
            .WithSummary("The current supply-temperature advice per heat station, with what it was made from: forecast low, curve value, offset, plan raise, cap.");
        return app;
    }

    static async Task<IResult> ListAsync(HeatingDbContext db, IOptionsMonitor<SupplyOptions> options, string? companyId, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var query = db.SupplyAdvice.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(companyId))
            query = query.Where(a => a.CompanyId == companyId.Trim());
        var advice = await query.OrderBy(a => a.CompanyId).ThenBy(a => a.StationId).ToListAsync(cancellationToken);
        var raises = await db.SupplyRaises.AsNoTracking().Where(r => r.Ended == null && r.RaiseCelsius > 0).ToListAsync(cancellationToken);
        return Results.Ok(new
        {
            curve = settings.EffectiveCurve.Select(p => new { outdoorCelsius = p.OutdoorCelsius, supplyCelsius = p.SupplyCelsius }),
            maxSupplyCelsius = settings.MaxSupplyCelsius,
            leadHours = settings.LeadHours,
            minChangeCelsius = settings.MinChangeCelsius,
            activeRaises = raises.Select(r => new { snowEventId = r.SnowEventId, raiseCelsius = r.RaiseCelsius, requested = r.Requested }),
            stations = advice.Select(a => new
            {
                stationId = a.StationId, companyId = a.CompanyId, supplyCelsius = a.SupplyCelsius, from = a.From, until = a.Until,
                forecastLowCelsius = a.OutdoorCelsius, curveCelsius = a.CurveCelsius, offsetCelsius = a.OffsetCelsius,
                planRaiseCelsius = a.RaiseCelsius, raiseSnowEventId = a.RaiseSnowEventId, capCelsius = a.CapCelsius, capped = a.Capped,
                advised = a.Advised, confirmed = a.Confirmed,
            }),
        });
    }
}
