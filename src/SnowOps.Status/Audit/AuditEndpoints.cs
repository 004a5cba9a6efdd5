using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.ServiceDefaults.Http;
using SnowOps.Status.Data;

namespace SnowOps.Status.Audit;

public static class AuditEndpoints
{
    const int MaxTake = 1000;

    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/status/audit", ListAsync).RequireAuthorization(Policies.Watch).WithTags("Status")
            .WithSummary("Who asked for which change and what they were answered, newest first; ?who=, ?from=, ?to=, ?refused=true, ?take= (at most 1000).");
        return app;
    }

    static async Task<IResult> ListAsync(StatusDbContext db, string? who, DateTimeOffset? from, DateTimeOffset? to, bool? refused, int? take,
        CancellationToken cancellationToken)
    {
        if (take is < 1 or > MaxTake)
            return Problems.BadRequest($"take must be between 1 and {MaxTake}.");
        if (from is not null && to is not null && from > to)
            return Problems.BadRequest("from must not be after to.");
        var rows = db.Audit.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(who))
            rows = rows.Where(a => a.Who == who);
        if (refused == true)
            rows = rows.Where(a => a.Status == StatusCodes.Status401Unauthorized || a.Status == StatusCodes.Status403Forbidden);
        // Every entry is dated in UTC; bounds are taken to UTC too, so the comparison holds in SQLite's binary form as well.
        if (from?.ToUniversalTime() is { } start)
            rows = rows.Where(a => a.At >= start);
        if (to?.ToUniversalTime() is { } end)
            rows = rows.Where(a => a.At <= end);
        var found = await rows.OrderByDescending(a => a.At).Take(take ?? 200).ToListAsync(cancellationToken);
        return Results.Ok(found.Select(a => new { a.AuditId, a.Who, a.Roles, a.Method, a.Path, a.Status, a.At, a.Modules, a.TraceId }));
    }
}
