using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NetTopologySuite.Geometries;
using SnowOps.Routing.Data;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.ServiceDefaults.Data;
using SnowOps.ServiceDefaults.Http;

namespace SnowOps.Routing.Network;

public static class NetworkEndpoints
{
    static readonly GeometryFactory Wgs84Factory = new(new PrecisionModel(), Wgs84.Srid);

    public static IEndpointRouteBuilder MapNetworkEndpoints(this IEndpointRouteBuilder app)
    {
        var network = app.MapGroup("/api/network").WithTags("Road network");
        network.MapGet("/", GetAsync).RequireAuthorization(Policies.Watch)
            .WithSummary("The road network as GeoJSON, optionally only some classes (?priority=P1,P2) or an area (?bbox=minLon,minLat,maxLon,maxLat).");
        network.MapGet("/summary", SummaryAsync).RequireAuthorization(Policies.Watch)
            .WithSummary("Counts and kilometres by priority class, intersections, de-icing segments, connected components.");
        network.MapPost("/", ImportAsync).RequireAuthorization(Policies.Administer)
            .Accepts<string>(NetworkFormats.GeoJsonTypes[0], [.. NetworkFormats.GeoJsonTypes.Skip(1), .. NetworkFormats.PbfTypes])
            .WithSummary("Replace the road network with an OpenStreetMap PBF extract or a GeoJSON FeatureCollection of streets.");
        return app;
    }

    static async Task<IResult> GetAsync(string? priority, string? bbox, RoutingDbContext db, CancellationToken cancellationToken)
    {
        var (query, error) = NetworkQuery.Parse(priority, bbox);
        if (query is null)
            return Problems.BadRequest(error!, "The network query is not valid");
        var segments = db.Segments.AsNoTracking();
        if (query.Priorities.Count > 0)
            segments = segments.Where(s => query.Priorities.Contains(s.PriorityClass));
        // PostGIS answers the box with its index; SQLite keeps geometry as text, so there the box is applied below.
        if (query.Box is { } box && db.Database.IsNpgsql())
        {
            var area = Wgs84Factory.ToGeometry(box);
            segments = segments.Where(s => s.Geometry.Intersects(area));
        }
        var found = await segments.OrderBy(s => s.Id).ToListAsync(cancellationToken);
        return Results.Text(NetworkGeoJson.Write(found.Where(query.InBox)), "application/geo+json");
    }

    static async Task<IResult> SummaryAsync(RoutingDbContext db, CancellationToken cancellationToken)
    {
        // Everything but the lines, which would only be read to be thrown away.
        var segments = await db.Segments.AsNoTracking()
            .Select(s => new SegmentFacts(s.PriorityClass, s.LengthMeters, s.FromNode, s.ToNode, s.OneWay, s.Bridge, s.Slope, s.EmergencyAccess, s.NeedsDeIcing))
            .ToListAsync(cancellationToken);
        return Results.Ok(NetworkSummary.Of(segments));
    }

    static async Task<IResult> ImportAsync(HttpRequest request, RoutingDbContext db, IOptions<RoutingOptions> options, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (NetworkFormats.FromContentType(request.ContentType) is not { } format)
            return Problems.UnsupportedMediaType($"Content-Type '{request.ContentType}' is not a road network; send GeoJSON ({string.Join(", ", NetworkFormats.GeoJsonTypes)}) or an OpenStreetMap PBF extract ({string.Join(", ", NetworkFormats.PbfTypes)}).");

        // The server's own body limit would end the request with an exception; the network's limit answers with a problem.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = settings.MaxImportBytes + 1;
        var body = await BoundedBody.ReadAsync(request, settings.MaxImportBytes, cancellationToken);
        if (body is null)
            return Problems.TooLarge($"Network imports are limited to {settings.MaxImportBytes} bytes (SnowOps:Routing:MaxImportBytes).");
        if (body.Length == 0)
            return Problems.BadRequest("The body is empty.", "The network was not imported");

        var clock = Stopwatch.StartNew();
        List<RoadSegment> segments;
        try
        {
            segments = NetworkImport.Read(new MemoryStream(body, writable: false), format, settings, cancellationToken);
        }
        catch (NoStreetsException e)
        {
            return Problems.Unprocessable(e.Message);
        }
        catch (FormatException e)
        {
            return Problems.BadRequest(e.Message, "The network was not imported");
        }
        var read = clock.Elapsed;
        await NetworkStore.ReplaceAsync(db, segments, cancellationToken);
        return Results.Ok(new
        {
            format = format.ToString(),
            readMs = Math.Round(read.TotalMilliseconds),
            storeMs = Math.Round((clock.Elapsed - read).TotalMilliseconds),
            summary = NetworkSummary.Of(segments),
        });
    }
}
