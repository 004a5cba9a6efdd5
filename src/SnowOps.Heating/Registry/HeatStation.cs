using NetTopologySuite.Geometries;

namespace SnowOps.Heating.Registry;

/// <summary>A heat station (换热站) of a company, feeding the compounds around it.</summary>
public sealed class HeatStation
{
    public string StationId { get; set; } = "";
    public string CompanyId { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>Where the station is (WGS 84), if known.</summary>
    public Geometry? Location { get; set; }
}
