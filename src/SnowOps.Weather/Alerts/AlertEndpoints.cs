using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NetTopologySuite.IO;
using SnowOps.Contracts;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.ServiceDefaults.Http;
using SnowOps.Weather.Data;

namespace SnowOps.Weather.Alerts;

public static class AlertEndpoints
{
    public static IEndpointRouteBuilder MapAlertEndpoints(this IEndpointRouteBuilder app)
    {
        var alerts = app.MapGroup("/api/alerts").WithTags("Alerts");
        alerts.MapPost("/", SubmitAsync).RequireAuthorization(Policies.SubmitAlerts)
            .Accepts<string>("application/cap+xml", "application/xml", "text/xml", "application/geo+json", "application/json")
            .WithSummary("Submit a CAP 1.2 alert (XML) or an NWS alerts API document (GeoJSON).");
        alerts.MapGet("/", ListAsync).RequireAuthorization(Policies.Watch).WithSummary("Active and recent alerts.");
        alerts.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Policies.Watch).WithSummary("One alert with its original document.");
        return app;
    }

    static async Task<IResult> SubmitAsync(HttpRequest request, ClaimsPrincipal caller, AlertIntake intake, SourcePolicy sources,
        IOptions<WeatherOptions> options, CancellationToken cancellationToken)
    {
        var kind = DocumentKind(request.ContentType);
        if (kind is null)
            return Problems.UnsupportedMediaType($"Content-Type '{request.ContentType}' is not an alert format. Send CAP 1.2 as application/cap+xml or application/xml, or NWS GeoJSON as application/geo+json.");

        var body = await BoundedBody.ReadAsync(request, options.Value.MaxDocumentBytes, cancellationToken);
        if (body is null)
            return Problems.TooLarge($"Alert documents are limited to {options.Value.MaxDocumentBytes} bytes.");
        if (body.Length == 0)
            return Problems.BadRequest("The body is empty; send the alert document.");

        IReadOnlyList<CapAlert> parsed;
        try
        {
            using var stream = new MemoryStream(body);
            var limits = options.Value.Limits;
            parsed = kind == "cap" ? [CapParser.Parse(stream, limits)] : NwsParser.Parse(stream, limits);
        }
        catch (AlertRejected rejected)
        {
            return Problems.BadRequest(rejected.Message, "The alert was not accepted");
        }

        if (sources.Refusal(caller, parsed.Select(a => a.Sender)) is { } refusal)
            return Problems.Forbidden(refusal);

        var document = kind == "cap" ? BoundedXml.Text(body) : Encoding.UTF8.GetString(body);
        var results = new List<IntakeResult>();
        foreach (var alert in parsed)
            results.Add(await intake.AcceptAsync(alert, document, request.ContentType!, cancellationToken));

        var created = results.FirstOrDefault(r => r.Outcome != IntakeOutcome.Duplicate);
        var response = results.Select(r => new { alertId = r.AlertId, outcome = r.Outcome.ToString(), detail = r.Detail, notes = r.Notes });
        return created is null
            ? Results.Ok(response)
            : Results.Created($"/api/alerts/{created.AlertId}", response);
    }

    static async Task<IResult> ListAsync(WeatherDbContext db, string? state, string? hazard, string? level, string? zone,
        CancellationToken cancellationToken)
    {
        var query = db.Alerts.AsNoTracking();
        if (!TryParse<AlertState>(state, "state", out var wantedState, out var problem)
            || !TryParse<Hazard>(hazard, "hazard", out var wantedHazard, out problem)
            || !TryParse<AlertLevel>(level, "level", out var wantedLevel, out problem))
            return problem!;
        if (wantedState is { } s)
            query = query.Where(a => a.State == s);
        if (wantedHazard is { } h)
            query = query.Where(a => a.Hazard == h);
        var alerts = await query.OrderByDescending(a => a.Received).Take(500).ToListAsync(cancellationToken);
        // Levels are stored by name and zones as a short list per alert: both are compared here, the same on both databases.
        var filtered = alerts
            .Where(a => wantedLevel is not { } l || a.Level >= l)
            .Where(a => string.IsNullOrEmpty(zone) || a.Zones.Contains(zone));
        return Results.Ok(filtered.Take(200).Select(a => Summary(a, includeDocument: false)));
    }

    static bool TryParse<T>(string? text, string name, out T? value, out IResult? problem)
        where T : struct, Enum
    {
        (value, problem) = (null, null);
        if (string.IsNullOrEmpty(text))
            return true;
        if (Enum.TryParse<T>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
        {
            value = parsed;
            return true;
        }
        problem = Problems.BadRequest($"{name} must be one of {string.Join(", ", Enum.GetNames<T>())}.");
        return false;
    }

    static async Task<IResult> GetAsync(Guid id, WeatherDbContext db, CancellationToken cancellationToken)
    {
        var alert = await db.Alerts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        return alert is null ? Problems.NotFound($"No alert {id}.") : Results.Ok(Summary(alert, includeDocument: true));
    }

    static object Summary(WeatherAlert a, bool includeDocument) => new
    {
        id = a.Id,
        a.Sender,
        a.Identifier,
        a.Sent,
        a.Status,
        a.MsgType,
        hazard = a.Hazard.ToString(),
        level = a.Level.ToString(),
        a.Event,
        a.Headline,
        a.AreaDescription,
        areaWkt = a.Area is null ? null : new WKTWriter().Write(a.Area),
        zones = a.Zones,
        a.Effective,
        a.Onset,
        a.Expires,
        state = a.State.ToString(),
        a.Scope,
        a.Source,
        a.Restriction,
        a.Addresses,
        a.Codes,
        a.Note,
        a.Incidents,
        a.Language,
        a.Languages,
        a.Notes,
        a.Received,
        document = includeDocument ? a.Document : null,
        contentType = includeDocument ? a.ContentType : null,
    };

    static string? DocumentKind(string? contentType)
    {
        var media = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        return media switch
        {
            "application/cap+xml" or "application/xml" or "text/xml" => "cap",
            "application/geo+json" or "application/json" => "nws",
            _ => null,
        };
    }
}
