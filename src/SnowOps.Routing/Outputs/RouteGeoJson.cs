using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;

namespace SnowOps.Routing.Outputs;

/// <summary>A route as a GeoJSON FeatureCollection: one LineString feature per leg, in driving order.</summary>
public static class RouteGeoJson
{
    static readonly JsonSerializerOptions Options = new() { Converters = { new GeoJsonConverterFactory() } };

    public static string Write(string vehicle, IReadOnlyList<RouteLeg> legs)
    {
        var features = new FeatureCollection();
        foreach (var leg in legs)
        {
            features.Add(new Feature(leg.Geometry, new AttributesTable
            {
                { "vehicle", vehicle },
                { "order", leg.Order },
                { "kind", leg.Service ? "service" : "deadhead" },
                { "street", leg.Street },
                { "priority", leg.PriorityClass },
                { "deIcing", leg.DeIcing },
                { "pass", leg.Pass },
                { "startMinutes", Math.Round(leg.Start / 60.0, 1) },
                { "endMinutes", Math.Round(leg.End / 60.0, 1) },
                { "meters", Math.Round(leg.Meters, 1) },
                { "deIcerKg", Math.Round(leg.DeIcerKg, 1) },
            }));
        }
        return JsonSerializer.Serialize(features, Options);
    }
}
