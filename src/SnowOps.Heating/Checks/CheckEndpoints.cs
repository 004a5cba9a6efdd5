using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SnowOps.Heating.Data;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.ServiceDefaults.Http;

namespace SnowOps.Heating.Checks;

public static class CheckEndpoints
{
    public sealed record CheckView(string CompoundId, string SourceKey, string State, double Risk, DateTimeOffset? RequestedAt, DateTimeOffset? Due,
        Guid? TaskId, Guid? SnowEventId);

    public sealed record CompanyDay(string CompanyId, string Name, int Capacity, int Used, int Waiting, IReadOnlyList<CheckView> Checks);

    public sealed record DayAnswer(string Date, IReadOnlyList<CompanyDay> Companies);

    public static IEndpointRouteBuilder MapCheckEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/heating/checks").WithTags("Heating")
            .MapGet("/", DayAsync).RequireAuthorization(Policies.Watch)
            .WithSummary("The day's temperature checks per company, highest risk first, with the capacity used; today also lists the checks waiting.");
        return app;
    }

    static async Task<IResult> DayAsync(string? date, HeatingDbContext db, IOptionsMonitor<CheckOptions> options, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        var todayDate = o.DayOf(clock.GetUtcNow());
        var day = todayDate;
        if (!string.IsNullOrWhiteSpace(date) && !DateOnly.TryParseExact(date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            return Problems.BadRequest($"date must be a day as yyyy-MM-dd; got '{date}'.");
        var text = CheckScheduler.Day(day);
        var checks = await db.ScheduledChecks.AsNoTracking()
            .Where(c => c.Day == text || (day == todayDate && c.State == ScheduledCheck.Waiting))
            .ToListAsync(cancellationToken);
        var companies = await db.Companies.AsNoTracking().ToListAsync(cancellationToken);
        var ids = companies.Select(c => c.CompanyId).Union(checks.Select(c => c.CompanyId), StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var answer = ids.Select(id =>
        {
            var company = companies.FirstOrDefault(c => c.CompanyId == id);
            var mine = checks.Where(c => c.CompanyId == id).OrderBy(c => c.State == ScheduledCheck.Waiting).ThenByDescending(c => c.Risk)
                .ThenBy(c => c.CompoundId, StringComparer.Ordinal).ToList();
            return new CompanyDay(id, company?.Name ?? "", company?.DailyCapacity ?? 0, mine.Count(c => c.Day == text),
                mine.Count(c => c.State == ScheduledCheck.Waiting),
                [.. mine.Select(c => new CheckView(c.CompoundId, c.SourceKey, c.State, c.Risk, c.RequestedAt, c.Due, c.TaskId, c.SnowEventId))]);
        }).ToList();
        return Results.Ok(new DayAnswer(text, answer));
    }
}
