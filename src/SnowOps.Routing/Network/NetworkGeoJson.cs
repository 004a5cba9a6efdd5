using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;

namespace SnowOps.Routing.Network;

/// <summary>The network as a GeoJSON FeatureCollection, one LineString per segment.</summary>
public static class NetworkGeoJson
{
    static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    public static string Write(IEnumerable<RoadSegment> segments)
    {
        var features = new FeatureCollection();
        foreach (var s in segments)
        {
            features.Add(new Feature(s.Geometry, new AttributesTable
            {
                { "id", s.Id }, { "wayId", s.WayId }, { "name", s.Name }, { "highway", s.Highway }, { "priority", s.PriorityClass },
                { "oneWay", s.OneWay }, { "passes", s.Passes }, { "passesBackward", s.PassesBackward },
                { "bridge", s.Bridge }, { "slope", s.Slope }, { "emergencyAccess", s.EmergencyAccess }, { "deIcing", s.NeedsDeIcing },
                { "lengthMeters", Math.Round(s.LengthMeters, 1) }, { "fromNode", s.FromNode }, { "toNode", s.ToNode },
            }));
        }
        return JsonSerializer.Serialize(features, GeoJson);
    }
}
