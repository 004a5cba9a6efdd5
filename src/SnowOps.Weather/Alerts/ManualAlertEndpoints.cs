using System.Security.Claims;
using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using SnowOps.Contracts;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.ServiceDefaults.Data;
using SnowOps.ServiceDefaults.Http;

namespace SnowOps.Weather.Alerts;

/// <summary>A dispatcher enters a warning by hand: a phone call from the met office, a signal seen on television.</summary>
public static class ManualAlertEndpoints
{
    public sealed record ManualAlert(Hazard? Hazard, AlertLevel? Level, string? Headline, string? AreaWkt,
        DateTimeOffset? Onset, DateTimeOffset? Expires);

    /// <summary>Event names the hazard rules read back as the same hazard.</summary>
    static readonly Dictionary<Hazard, string> EventNames = new()
    {
        [Hazard.Snowstorm] = "snowstorm", [Hazard.Blizzard] = "blizzard", [Hazard.WinterStorm] = "winter storm",
        [Hazard.RoadIcing] = "road icing", [Hazard.ColdWave] = "cold wave",
    };

    public static IEndpointRouteBuilder MapManualAlertEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/alerts/manual", EnterAsync).RequireAuthorization(Policies.Dispatch).WithTags("Alerts")
            .WithSummary("Enter a warning by hand: { hazard, level, headline, areaWkt?, onset?, expires? }.");
        return app;
    }

    static async Task<IResult> EnterAsync(ManualAlert body, ClaimsPrincipal user, AlertIntake intake, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (body.Hazard is not { } hazard || !EventNames.TryGetValue(hazard, out var eventName))
            return Problems.BadRequest($"hazard must be one of {string.Join(", ", EventNames.Keys)}.");
        if (body.Level is not { } level || level == AlertLevel.Unknown)
            return Problems.BadRequest("level must be Blue, Yellow, Orange or Red.");
        if (string.IsNullOrWhiteSpace(body.Headline) || body.Headline.Length > 500)
            return Problems.BadRequest("headline is required (at most 500 characters).");
        if (body.Expires is { } expires && expires <= (body.Onset ?? clock.GetUtcNow()))
            return Problems.Unprocessable("expires must come after onset (or after now).");
        Geometry? area = null;
        if (!string.IsNullOrWhiteSpace(body.AreaWkt))
        {
            try
            {
                area = Wgs84.ReadWkt(body.AreaWkt);
            }
            catch (ParseException e)
            {
                return Problems.BadRequest($"areaWkt is not WKT: {e.Message}");
            }
            if (!Wgs84.IsArea(area))
                return Problems.Unprocessable("areaWkt must be a valid polygon or multipolygon (lon lat).");
        }

        var now = clock.GetUtcNow();
        var by = user.Identity?.Name ?? "unknown";
        var info = new CapInfo("manual", eventName, Severity(level), body.Headline, body.Onset, body.Expires,
            new Dictionary<string, string>(), new Dictionary<string, string>(), null, area, []);
        var cap = new CapAlert($"manual-{NewId.NextGuid()}", $"manual:{by}", now, "Actual", "Alert", "Public", [], [info]);
        var result = await intake.AcceptAsync(cap, JsonSerializer.Serialize(body), "application/json", cancellationToken);
        return Results.Created($"/api/alerts/{result.AlertId}", new { alertId = result.AlertId, outcome = result.Outcome.ToString(), detail = result.Detail });
    }

    static string Severity(AlertLevel level) => level switch
    {
        AlertLevel.Red => "Extreme",
        AlertLevel.Orange => "Severe",
        AlertLevel.Yellow => "Moderate",
        _ => "Minor",
    };
}
