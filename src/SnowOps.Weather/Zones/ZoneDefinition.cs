namespace SnowOps.Weather.Zones;

/// <summary>A zone as configured under <c>SnowOps:Weather:Zones</c>; the area is WKT in WGS 84 (lon lat).</summary>
public sealed class ZoneDefinition
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string Wkt { get; set; } = "";
    public List<string> Geocodes { get; set; } = [];
}
