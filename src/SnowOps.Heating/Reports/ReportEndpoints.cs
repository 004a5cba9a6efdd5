using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SnowOps.Heating.Data;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.ServiceDefaults.Http;

namespace SnowOps.Heating.Reports;

/// <summary>GET /api/heating/report (JSON, or CSV with ?format=csv) and GET /api/heating/report.csv.</summary>
public static class ReportEndpoints
{
    const int DefaultDays = 30;
    const int MaximumDays = 366 * 2;

    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/heating").WithTags("Heating");
        group.MapGet("/report", (HttpRequest request, string? format, ReportBuilder builder, HeatingDbContext db, TimeProvider clock,
                CancellationToken cancellationToken) => ReportAsync(request, format, builder, db, clock, cancellationToken))
            .RequireAuthorization(Policies.Watch)
            .WithSummary($"Pass rates per company and compound, deficiencies open and closed, time to fix and from complaint to check; "
                + $"?from=&to= (default: the last {DefaultDays} days), ?company=, ?format=csv.");
        group.MapGet("/report.csv", (HttpRequest request, ReportBuilder builder, HeatingDbContext db, TimeProvider clock,
                CancellationToken cancellationToken) => ReportAsync(request, "csv", builder, db, clock, cancellationToken))
            .RequireAuthorization(Policies.Watch)
            .WithSummary("The report as CSV, one row per compound.");
        return app;
    }

    static async Task<IResult> ReportAsync(HttpRequest request, string? format, ReportBuilder builder, HeatingDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        if (!csv && format is not null && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
            return Problems.BadRequest($"format must be json or csv, not '{format}'.");
        if (!TryTime(request, "to", out var to) || !TryTime(request, "from", out var from))
            return Problems.BadRequest("from and to must be ISO 8601 times, e.g. 2026-12-01T00:00:00+08:00.");
        var until = to ?? clock.GetUtcNow();
        var since = from ?? until.AddDays(-DefaultDays);
        if (since >= until)
            return Problems.BadRequest("from must be before to.");
        if (until - since > TimeSpan.FromDays(MaximumDays))
            return Problems.BadRequest($"A report covers at most {MaximumDays} days.");
        var company = request.Query["company"].ToString() is { Length: > 0 } named ? named.Trim() : null;
        if (company is not null && !await db.Companies.AnyAsync(c => c.CompanyId == company, cancellationToken))
            return Problems.NotFound($"No heating company '{company}'.");
        var report = await builder.BuildAsync(since, until, company, cancellationToken);
        return csv
            ? Results.File(System.Text.Encoding.UTF8.GetBytes(ReportCsv.Write(report)), "text/csv; charset=utf-8", "heating-report.csv")
            : Results.Ok(report);
    }

    static bool TryTime(HttpRequest request, string name, out DateTimeOffset? time)
    {
        time = null;
        var text = request.Query[name].ToString();
        if (text.Length == 0)
            return true;
        if (!DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal,
                out var parsed))
            return false;
        time = parsed;
        return true;
    }
}
