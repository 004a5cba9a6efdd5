using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.ServiceDefaults.Http;

namespace SnowOps.Heating.Registry;

/// <summary>
/// POST /api/heating/{companies|stations|compounds}/import: a CSV file (text/csv) or JSON (application/json: a GeoJSON
/// FeatureCollection or an array of objects; application/geo+json). All-or-nothing: a file with any bad row saves nothing
/// and is answered 422 with every bad row's number and reasons.
/// </summary>
public static class ImportEndpoints
{
    /// <summary>At most this many bad rows are listed in a 422; the count says how many there were.</summary>
    const int ListedProblems = 500;

    static readonly string[] Accepted = ["text/csv", "application/json", "application/geo+json"];

    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        var heating = app.MapGroup("/api/heating").WithTags("Heating");
        heating.MapPost("/companies/import", (HttpRequest r, RegistryImporter i, IOptionsMonitor<RegistryOptions> o, CancellationToken t) =>
                ImportAsync(r, o.CurrentValue, "companies", f => i.CompaniesAsync(f, t), t))
            .RequireAuthorization(Policies.Administer).Accepts<string>(false, Accepted[0], Accepted[1..])
            .WithSummary("Import heating companies (company_id, name, inspectors, checks_per_inspector_per_day, zone); upsert by id.");
        heating.MapPost("/stations/import", (HttpRequest r, RegistryImporter i, IOptionsMonitor<RegistryOptions> o, CancellationToken t) =>
                ImportAsync(r, o.CurrentValue, "stations", f => i.StationsAsync(f, t), t))
            .RequireAuthorization(Policies.Administer).Accepts<string>(false, Accepted[0], Accepted[1..])
            .WithSummary("Import heat stations (station_id, company_id, name, lon/lat or a Point); upsert by id.");
        heating.MapPost("/compounds/import", (HttpRequest r, RegistryImporter i, IOptionsMonitor<RegistryOptions> o, CancellationToken t) =>
                ImportAsync(r, o.CurrentValue, "compounds", f => i.CompoundsAsync(f, t), t))
            .RequireAuthorization(Policies.Administer).Accepts<string>(false, Accepted[0], Accepted[1..])
            .WithSummary("Import compounds (compound_id, name, company_id, station_id, address, built_year, households, cold_spots, "
                + "cold_area, check_every_hours, and a Polygon/MultiPolygon/Point as GeoJSON geometry, wkt or lon/lat); upsert by id.");
        return app;
    }

    static async Task<IResult> ImportAsync(HttpRequest request, RegistryOptions options, string what,
        Func<ImportFile, Task<RegistryImporter.Outcome>> import, CancellationToken cancellationToken)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is null || !Accepted.Contains(mediaType))
            return Problems.UnsupportedMediaType($"Send {what} as one of {string.Join(", ", Accepted)}, not '{request.ContentType}'.");
        var body = await BoundedBody.ReadAsync(request, options.ImportMaxBytes, cancellationToken);
        if (body is null)
            return Problems.TooLarge($"An import is at most {options.ImportMaxBytes} bytes; split the file.");

        ImportFile file;
        try
        {
            file = mediaType == "text/csv" ? ImportReaders.Csv(body) : ImportReaders.Json(body);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return Problems.BadRequest(e.Message, "The file cannot be read");
        }
        if (file.Rows.Count + file.Problems.Count == 0)
            return Problems.BadRequest($"The file holds no {what}.");

        RegistryImporter.Outcome outcome;
        try
        {
            outcome = await import(file);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict($"Some of these {what} were changed by someone else at the same moment; nothing was saved; send the file again.");
        }
        if (outcome.Result is { } result)
            return Results.Ok(new { created = result.Created, updated = result.Updated, unchanged = result.Unchanged });
        return Results.Problem(
            $"{outcome.Problems.Count} of {file.Rows.Count + file.Problems.Count} rows cannot be imported; nothing was saved.",
            statusCode: StatusCodes.Status422UnprocessableEntity, title: "The request cannot be carried out",
            extensions: new Dictionary<string, object?>
            {
                ["rows"] = outcome.Problems.Take(ListedProblems).Select(p => new { row = p.Row, reasons = p.Reasons }).ToList(),
            });
    }
}
