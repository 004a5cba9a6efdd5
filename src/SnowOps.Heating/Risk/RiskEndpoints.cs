using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SnowOps.Heating.Data;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.ServiceDefaults.Http;

namespace SnowOps.Heating.Risk;

public static class RiskEndpoints
{
    const int MostTop = 10_000;

    public sealed record RankedCompound(int Rank, string CompoundId, string Name, string CompanyId, double Total, IReadOnlyList<RiskPart> Parts);

    public sealed record RiskAnswer(DateTimeOffset Computed, double? LowestForecastCelsius, IReadOnlyList<string> First, int Compounds,
        IReadOnlyList<RankedCompound> Ranked);

    public static IEndpointRouteBuilder MapRiskEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/heating/risk").WithTags("Heating")
            .MapGet("/", RankAsync).RequireAuthorization(Policies.Watch)
            .WithSummary("Compounds ranked by risk, highest first, each score with its parts (name, value, points, why).");
        return app;
    }

    static async Task<IResult> RankAsync(string? company, int? top, RiskRanking ranking, HeatingDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var count = top ?? 50;
        if (count is < 1 or > MostTop)
            return Problems.BadRequest($"top must be 1 to {MostTop}.");
        var companyId = string.IsNullOrWhiteSpace(company) ? null : company.Trim();
        if (companyId is not null && !await db.Companies.AnyAsync(c => c.CompanyId == companyId, cancellationToken))
            return Problems.NotFound($"There is no heating company '{companyId}'.");
        var now = clock.GetUtcNow();
        var (context, scores) = await ranking.RankAsync(companyId, now, cancellationToken);
        var shown = scores.Take(count).ToList();
        var ids = shown.Select(s => s.CompoundId).ToList();
        var names = await db.Compounds.AsNoTracking().Where(c => ids.Contains(c.CompoundId))
            .ToDictionaryAsync(c => c.CompoundId, c => c.Name, cancellationToken);
        var ranked = shown.Select((s, i) => new RankedCompound(i + 1, s.CompoundId, names.GetValueOrDefault(s.CompoundId, ""), s.CompanyId, s.Total, s.Parts))
            .ToList();
        return Results.Ok(new RiskAnswer(now, context.LowestForecastCelsius, [.. context.First.Order(StringComparer.Ordinal)], scores.Count, ranked));
    }
}
