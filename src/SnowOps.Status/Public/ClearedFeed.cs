using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.IO;
using NetTopologySuite.IO.Converters;
using SnowOps.ServiceDefaults.Data;
using SnowOps.Status.Projections;

namespace SnowOps.Status.Public;

/// <summary>Cleared streets as a GeoJSON FeatureCollection: one feature per completed plow or de-icing route task.</summary>
public static class ClearedFeed
{
    public const string ContentType = "application/geo+json";

    static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    public static string Write(IEnumerable<(TaskRow Task, IReadOnlyList<string> Streets, string? SnowEvent)> cleared)
    {
        var features = new FeatureCollection();
        foreach (var (task, streets, snowEvent) in cleared)
        {
            NetTopologySuite.Geometries.Geometry geometry;
            try
            {
                geometry = Wgs84.ReadWkt(task.GeometryWkt!);
            }
            catch (ParseException)
            {
                continue;
            }
            features.Add(new Feature(geometry, new AttributesTable
            {
                { "kind", task.Kind.ToString() }, { "priorityClass", task.PriorityClass }, { "completed", task.StateChanged },
                { "snowEventId", task.SnowEventId }, { "snowEvent", snowEvent }, { "streets", streets.ToArray() },
            }));
        }
        return JsonSerializer.Serialize(features, GeoJson);
    }
}
