using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NetTopologySuite.IO;
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

    static async Task<IResult> SubmitAsync(HttpRequest request, AlertIntake intake, IOptions<WeatherOptions> options, CancellationToken cancellationToken)
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

    static async Task<IResult> ListAsync(WeatherDbContext db, string? state, CancellationToken cancellationToken)
    {
        var query = db.Alerts.AsNoTracking();
        if (!string.IsNullOrEmpty(state))
        {
            if (!Enum.TryParse<AlertState>(state, ignoreCase: true, out var wanted))
                return Problems.BadRequest($"state must be one of {string.Join(", ", Enum.GetNames<AlertState>())}.");
            query = query.Where(a => a.State == wanted);
        }
        var alerts = await query.OrderByDescending(a => a.Received).Take(200).ToListAsync(cancellationToken);
        return Results.Ok(alerts.Select(a => Summary(a, includeDocument: false)));
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
        a.Onset,
        a.Expires,
        state = a.State.ToString(),
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
