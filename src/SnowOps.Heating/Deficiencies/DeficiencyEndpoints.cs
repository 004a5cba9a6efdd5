using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SnowOps.Heating.Data;
using SnowOps.ServiceDefaults.Auth;

namespace SnowOps.Heating.Deficiencies;

/// <summary>GET /api/heating/deficiencies: the deficiencies found, newest first, with where their repair and re-check stand.</summary>
public static class DeficiencyEndpoints
{
    const int Limit = 500;

    public static IEndpointRouteBuilder MapDeficiencyEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/heating/deficiencies").WithTags("Heating")
            .MapGet("/", ListAsync).RequireAuthorization(Policies.Watch)
            .WithSummary($"Deficiencies, newest first (at most {Limit}); ?open=true|false, ?company=, ?compound=.");
        return app;
    }

    static async Task<IResult> ListAsync(bool? open, string? company, string? compound, HeatingDbContext db, CancellationToken cancellationToken)
    {
        var query = db.Deficiencies.AsNoTracking();
        if (open is { } wanted)
            query = wanted ? query.Where(d => d.Closed == null) : query.Where(d => d.Closed != null);
        if (!string.IsNullOrWhiteSpace(company))
            query = query.Where(d => d.CompanyId == company.Trim());
        if (!string.IsNullOrWhiteSpace(compound))
            query = query.Where(d => d.CompoundId == compound.Trim());
        var found = await query.OrderByDescending(d => d.Found).Take(Limit).ToListAsync(cancellationToken);
        return Results.Ok(found.Select(d => new
        {
            deficiencyId = d.Id,
            d.CompoundId,
            d.CompanyId,
            d.ReadingId,
            d.AverageCelsius,
            d.StandardCelsius,
            d.Found,
            open = d.IsOpen,
            d.Round,
            d.RepairTaskId,
            d.Repaired,
            d.RecheckTaskId,
            d.Closed,
            d.ClosedByReadingId,
        }));
    }
}
