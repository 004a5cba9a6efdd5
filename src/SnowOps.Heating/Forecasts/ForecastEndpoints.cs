using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SnowOps.Heating.Supply;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.ServiceDefaults.Http;

namespace SnowOps.Heating.Forecasts;

public static class ForecastEndpoints
{
    /// <summary>How far back the forecast in force is shown when no <c>from</c> is given.</summary>
    static readonly TimeSpan ShownBefore = TimeSpan.FromHours(6);

    public static IEndpointRouteBuilder MapForecastEndpoints(this IEndpointRouteBuilder app)
    {
        var forecast = app.MapGroup("/api/heating/forecast").WithTags("Heating");
        forecast.MapPost("/", SubmitAsync).RequireAuthorization(Policies.SubmitAlerts).Accepts<ForecastIntake.ForecastRequest>("application/json")
            .WithSummary("Submit an outdoor temperature forecast: { source, issued, zone?, points: [{ at, celsius }] }; the same source, zone and issue time twice is one forecast.");
        forecast.MapGet("/", InForceAsync).RequireAuthorization(Policies.Watch)
            .WithSummary("The forecast points in force (latest issue wins) for the city or a zone.");
        return app;
    }

    static async Task<IResult> SubmitAsync(HttpRequest request, ClaimsPrincipal caller, ForecastIntake intake, SupplyAdvisor advisor,
        IOptionsMonitor<ForecastOptions> options, IOptions<JsonOptions> json, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var body = await BoundedBody.ReadAsync(request, options.CurrentValue.MaxBodyBytes, cancellationToken);
        if (body is null)
            return Problems.TooLarge($"A forecast is limited to {options.CurrentValue.MaxBodyBytes} bytes.");
        ForecastIntake.ForecastRequest? parsed;
        try
        {
            parsed = body.Length == 0 ? null : JsonSerializer.Deserialize<ForecastIntake.ForecastRequest>(body, json.Value.SerializerOptions);
        }
        catch (JsonException e)
        {
            return Problems.BadRequest($"The body is not a forecast: {e.Message}");
        }
        if (parsed is null)
            return Problems.BadRequest("The body is empty; send { source, issued, points: [{ at, celsius }] }.");

        var result = await intake.AcceptAsync(parsed, caller.Identity?.Name ?? "unknown", cancellationToken);
        switch (result.Outcome)
        {
            case ForecastIntake.Outcome.Invalid:
                return Problems.BadRequest(result.Problem!);
            case ForecastIntake.Outcome.Unprocessable:
                return Problems.Unprocessable(result.Problem!);
            case ForecastIntake.Outcome.TooMany:
                return Problems.TooLarge(result.Problem!);
            case ForecastIntake.Outcome.Conflict:
                return Problems.Conflict(result.Problem!);
        }
        var issue = result.Issue!;
        var answer = new { issueId = issue.Id, outcome = result.Outcome.ToString(), source = issue.Source, issued = issue.Issued,
            zone = issue.Zone == ForecastIssue.City ? null : issue.Zone, points = issue.Points.Count, from = issue.From, until = issue.Until };
        if (result.Outcome == ForecastIntake.Outcome.Duplicate)
            return Results.Ok(answer);

        // A new forecast may bring the cold nearer: advise at once rather than at the next scheduled run.
        try
        {
            await advisor.AdviseAsync(cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logs.CreateLogger(typeof(ForecastEndpoints)).LogError(e, "Supply advice after forecast {IssueId} failed; the next scheduled run tries again", issue.Id);
        }
        return Results.Created("/api/heating/forecast", answer);
    }

    static async Task<IResult> InForceAsync(OutdoorForecast forecast, TimeProvider clock, DateTimeOffset? from, DateTimeOffset? until, string? zone,
        CancellationToken cancellationToken)
    {
        var start = from ?? clock.GetUtcNow() - ShownBefore;
        var end = until ?? DateTimeOffset.MaxValue;
        if (end < start)
            return Problems.BadRequest("until must not come before from.");
        var series = await forecast.SeriesAsync(start, end, zone, cancellationToken);
        var points = series.Points(start, end);
        return Results.Ok(new
        {
            zone = string.IsNullOrWhiteSpace(zone) ? null : zone.Trim(),
            lowestCelsius = points.Count == 0 ? (double?)null : points.Min(p => p.Celsius),
            points = points.Select(p => new { at = p.At, celsius = p.Celsius, source = p.Source, issued = p.Issued,
                zone = p.Zone == ForecastIssue.City ? null : p.Zone }),
        });
    }
}
