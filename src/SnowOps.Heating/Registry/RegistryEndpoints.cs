using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SnowOps.Heating.Complaints;
using SnowOps.Heating.Data;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.ServiceDefaults.Http;

namespace SnowOps.Heating.Registry;

/// <summary>Reading the registry, and changing or removing one compound.</summary>
public static class RegistryEndpoints
{
    const long MaxBody = 1024 * 1024;

    public static IEndpointRouteBuilder MapRegistryEndpoints(this IEndpointRouteBuilder app)
    {
        var heating = app.MapGroup("/api/heating").WithTags("Heating");
        heating.MapGet("/companies", CompaniesAsync).RequireAuthorization(Policies.Watch)
            .WithSummary("Heating companies with their inspectors and daily check capacity (?page, ?pageSize).");
        heating.MapPut("/companies/{id}", PutCompanyAsync).RequireAuthorization(Policies.Administer).Accepts<JsonElement>("application/json")
            .WithSummary("Add or change a company: { name, inspectors, checks_per_inspector_per_day, zone } (fields left out keep their values).");
        heating.MapGet("/stations", StationsAsync).RequireAuthorization(Policies.Watch)
            .WithSummary("Heat stations (?company, ?page, ?pageSize).");
        heating.MapGet("/compounds", CompoundsAsync).RequireAuthorization(Policies.Watch)
            .WithSummary("Compounds (?company, ?station, ?page, ?pageSize).");
        heating.MapGet("/compounds/{id}", CompoundAsync).RequireAuthorization(Policies.Watch)
            .WithSummary("One compound, with its last reading and whether it is monitored continuously.");
        heating.MapPut("/compounds/{id}", PutAsync).RequireAuthorization(Policies.Administer).Accepts<JsonElement>("application/json")
            .WithSummary("Add or change a compound: the import's fields as one JSON object; give the read version to change one.");
        heating.MapDelete("/compounds/{id}", DeleteAsync).RequireAuthorization(Policies.Administer)
            .WithSummary("Remove a compound (?version=N guards against removing one changed since it was read); its readings and complaints keep its id.");
        return app;
    }

    static async Task<IResult> CompaniesAsync(int? page, int? pageSize, HeatingDbContext db, CancellationToken cancellationToken)
    {
        if (Paging.Problem(page, pageSize) is { } problem)
            return problem;
        var query = db.Companies.AsNoTracking().OrderBy(c => c.CompanyId);
        return Results.Ok(await Paging.PageAsync(query, page, pageSize, c => new
        {
            companyId = c.CompanyId, c.Name, c.Inspectors, c.ChecksPerInspectorPerDay, c.DailyCapacity, c.Zone,
        }, cancellationToken));
    }

    static async Task<IResult> StationsAsync(string? company, int? page, int? pageSize, HeatingDbContext db, CancellationToken cancellationToken)
    {
        if (Paging.Problem(page, pageSize) is { } problem)
            return problem;
        var query = db.Stations.AsNoTracking();
        if (company is not null)
            query = query.Where(s => s.CompanyId == company);
        return Results.Ok(await Paging.PageAsync(query.OrderBy(s => s.StationId), page, pageSize, s => new
        {
            stationId = s.StationId, companyId = s.CompanyId, s.Name, wkt = RegistryGeometry.Wkt(s.Location),
        }, cancellationToken));
    }

    static async Task<IResult> CompoundsAsync(string? company, string? station, int? page, int? pageSize, HeatingDbContext db,
        CancellationToken cancellationToken)
    {
        if (Paging.Problem(page, pageSize) is { } problem)
            return problem;
        var query = db.Compounds.AsNoTracking();
        if (company is not null)
            query = query.Where(c => c.CompanyId == company);
        if (station is not null)
            query = query.Where(c => c.StationId == station);
        return Results.Ok(await Paging.PageAsync(query.OrderBy(c => c.CompoundId), page, pageSize, c => View(c, null), cancellationToken));
    }

    static async Task<IResult> CompoundAsync(string id, HeatingDbContext db, CancellationToken cancellationToken)
    {
        var compound = await db.Compounds.AsNoTracking().FirstOrDefaultAsync(c => c.CompoundId == id, cancellationToken);
        if (compound is null)
            return Problems.NotFound($"No compound '{id}'.");
        var latest = await db.Readings.AsNoTracking().Where(r => r.CompoundId == id)
            .OrderByDescending(r => r.Measured).FirstOrDefaultAsync(cancellationToken);
        return Results.Ok(View(compound, latest is null ? null : (latest.AverageCelsius, latest.Measured)));
    }

    static async Task<IResult> PutAsync(string id, HttpRequest request, HeatingDbContext db, RegistryImporter importer,
        CompoundIndex index, CancellationToken cancellationToken)
    {
        if (RegistryRows.IdProblem(id) is { } idProblem)
            return Problems.BadRequest(idProblem);
        var (row, unreadable) = await ReadOneAsync(request, "compound", cancellationToken);
        if (row is null)
            return unreadable!;
        if (RegistryRows.CompoundIdOf(row) is { } named && named != id)
            return Problems.BadRequest($"The body names compound '{named}', the path '{id}'.");

        var errors = new List<string>();
        var version = row.Integer(errors, "version");
        var stored = await db.Compounds.FirstOrDefaultAsync(c => c.CompoundId == id, cancellationToken);
        var candidate = RegistryRows.Compound(stored, id, row, await importer.KnownAsync(cancellationToken), errors);
        if (errors.Count > 0)
            return Problems.Unprocessable(string.Join("; ", errors) + ".");
        if (stored is not null && version is { } v && v != stored.Version)
            return Problems.Conflict($"Compound '{id}' is at version {stored.Version}, not {v}: it was changed since it was read; read it again.");
        if (stored is null)
            db.Compounds.Add(candidate);
        else if (!RegistryRows.Same(stored, candidate))
        {
            RegistryRows.CopyInto(stored, candidate);
            stored.Version++;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict($"Compound '{id}' was changed by someone else at the same moment; read it again and retry.");
        }
        index.Invalidate();
        var view = View(stored ?? candidate, null);
        return stored is null ? Results.Created($"/api/heating/compounds/{id}", view) : Results.Ok(view);
    }

    static async Task<IResult> DeleteAsync(string id, int? version, HeatingDbContext db, CompoundIndex index, CancellationToken cancellationToken)
    {
        var compound = await db.Compounds.FirstOrDefaultAsync(c => c.CompoundId == id, cancellationToken);
        if (compound is null)
            return Problems.NotFound($"No compound '{id}'.");
        if (version is { } v && v != compound.Version)
            return Problems.Conflict($"Compound '{id}' is at version {compound.Version}, not {v}: it was changed since it was read; read it again.");
        db.Compounds.Remove(compound);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict($"Compound '{id}' was changed by someone else at the same moment; read it again and retry.");
        }
        index.Invalidate();
        return Results.NoContent();
    }

    static async Task<IResult> PutCompanyAsync(string id, HttpRequest request, HeatingDbContext db, RegistryImporter importer,
        CancellationToken cancellationToken)
    {
        if (RegistryRows.IdProblem(id) is { } idProblem)
            return Problems.BadRequest(idProblem);
        var (row, unreadable) = await ReadOneAsync(request, "company", cancellationToken);
        if (row is null)
            return unreadable!;
        if (RegistryRows.CompanyIdOf(row) is { } named && named != id)
            return Problems.BadRequest($"The body names company '{named}', the path '{id}'.");
        var errors = new List<string>();
        var stored = await db.Companies.FirstOrDefaultAsync(c => c.CompanyId == id, cancellationToken);
        var candidate = RegistryRows.Company(stored, id, row, await importer.KnownAsync(cancellationToken), errors);
        if (errors.Count > 0)
            return Problems.Unprocessable(string.Join("; ", errors) + ".");
        if (stored is null)
            db.Companies.Add(candidate);
        else
            RegistryRows.CopyInto(stored, candidate);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict($"Company '{id}' was added by someone else at the same moment; read it again and retry.");
        }
        var c = stored ?? candidate;
        var view = new { companyId = c.CompanyId, c.Name, c.Inspectors, c.ChecksPerInspectorPerDay, c.DailyCapacity, c.Zone };
        return stored is null ? Results.Created($"/api/heating/companies/{id}", view) : Results.Ok(view);
    }

    /// <summary>One JSON object (or GeoJSON Feature) from the body, or the problem to answer.</summary>
    static async Task<(ImportRow? Row, IResult? Problem)> ReadOneAsync(HttpRequest request, string what, CancellationToken cancellationToken)
    {
        var body = await BoundedBody.ReadAsync(request, MaxBody, cancellationToken);
        if (body is null)
            return (null, Problems.TooLarge($"A {what} is at most {MaxBody} bytes."));
        try
        {
            var file = ImportReaders.Json(body);
            return file.Rows is [var row] && file.Problems.Count == 0
                ? (row, null)
                : (null, Problems.BadRequest($"Send one JSON object (or one GeoJSON Feature) for the {what}."));
        }
        catch (JsonException e)
        {
            return (null, Problems.BadRequest(e.Message, "The body is not JSON"));
        }
    }

    /// <summary>A compound as the API shows it; <paramref name="latest"/> is the newest stored reading, when looked up.</summary>
    public static object View(Compound c, (double Celsius, DateTimeOffset At)? latest)
    {
        var last = c.LastReadingAt is { } at && c.LastReadingCelsius is { } celsius && (latest is null || at >= latest.Value.At)
            ? (celsius, at)
            : latest;
        return new
        {
            compoundId = c.CompoundId, c.Name, companyId = c.CompanyId, stationId = c.StationId, c.Address,
            wkt = RegistryGeometry.Wkt(c.Geometry), c.BuiltYear, c.Households, c.ColdSpots, c.ColdArea, c.CheckEveryHours,
            lastReading = last is { } l ? new { celsius = l.Item1, at = l.Item2 } : null,
            monitored = c.MonitoredSince is not null, c.MonitoredSince, c.Version,
        };
    }
}
