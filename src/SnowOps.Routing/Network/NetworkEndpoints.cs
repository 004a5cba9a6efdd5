using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;
using SnowOps.Routing.Data;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.ServiceDefaults.Http;

namespace SnowOps.Routing.Network;

public static class NetworkEndpoints
{
    const long MaxImportBytes = 64L * 1024 * 1024;
    static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    public static IEndpointRouteBuilder MapNetworkEndpoints(this IEndpointRouteBuilder app)
    {
        var network = app.MapGroup("/api/network").WithTags("Road network");
        network.MapGet("/", GetAsync).RequireAuthorization(Policies.Watch).WithSummary("The road network as GeoJSON.");
        network.MapPost("/", ImportAsync).RequireAuthorization(Policies.Administer)
            .Accepts<string>("application/geo+json", "application/json")
            .WithSummary("Replace the road network with a GeoJSON FeatureCollection of streets (OSM-style properties).");
        return app;
    }

    static async Task<IResult> GetAsync(RoutingDbContext db, CancellationToken cancellationToken)
    {
        var segments = await db.Segments.AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var features = new FeatureCollection();
        foreach (var s in segments)
        {
            features.Add(new Feature(s.Geometry, new AttributesTable
            {
                { "id", s.Id }, { "name", s.Name }, { "highway", s.Highway }, { "priority", s.PriorityClass },
                { "deIcing", s.NeedsDeIcing }, { "lengthMeters", Math.Round(s.LengthMeters, 1) },
            }));
        }
        return Results.Text(JsonSerializer.Serialize(features, GeoJson), "application/geo+json");
    }

    static async Task<IResult> ImportAsync(HttpRequest request, RoutingDbContext db, IOptions<RoutingOptions> options, CancellationToken cancellationToken)
    {
        var body = await BoundedBody.ReadAsync(request, MaxImportBytes, cancellationToken);
        if (body is null)
            return Problems.TooLarge($"Network imports are limited to {MaxImportBytes} bytes.");
        List<RoadSegment> segments;
        try
        {
            segments = NetworkImport.Read(new MemoryStream(body), options.Value.Priorities);
        }
        catch (FormatException e)
        {
            return Problems.BadRequest(e.Message, "The network was not imported");
        }

        // Replace as a whole: the network is reference data, and a half-replaced one would plan wrong routes.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Segments.ExecuteDeleteAsync(cancellationToken);
        db.Segments.AddRange(segments);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Results.Ok(new
        {
            segments = segments.Count,
            lengthKm = Math.Round(segments.Sum(s => s.LengthMeters) / 1000, 2),
            byPriority = segments.GroupBy(s => s.PriorityClass).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
        });
    }
}
