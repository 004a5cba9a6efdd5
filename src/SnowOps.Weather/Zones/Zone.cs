using NetTopologySuite.Geometries;

namespace SnowOps.Weather.Zones;

/// <summary>A district or sub-district of the city: where alerts are matched and work is planned.</summary>
public sealed class Zone
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required Geometry Area { get; set; }

    /// <summary>Agency area codes that mean this zone, as "NAME=value" (e.g. "WARNCELLID=809172124", "UGC=MNZ053").</summary>
    public List<string> Geocodes { get; set; } = [];
}
