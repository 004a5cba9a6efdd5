using NetTopologySuite.Geometries;

namespace SnowOps.Heating.Registry;

/// <summary>A residential compound (小区) and what is known of how warm its homes stay.</summary>
public sealed class Compound
{
    public string CompoundId { get; set; } = "";
    public string Name { get; set; } = "";
    public string CompanyId { get; set; } = "";
    public string? StationId { get; set; }

    /// <summary>The street address complaints are matched against when they carry no position.</summary>
    public string? Address { get; set; }

    /// <summary>The compound's outline (or a point), WGS 84.</summary>
    public Geometry? Geometry { get; set; }

    /// <summary>The year its buildings were built; older compounds lose heat faster.</summary>
    public int? BuiltYear { get; set; }

    public int Households { get; set; }

    /// <summary>Known cold spots: homes or stairwells that run cold (end units, top floors, over passages).</summary>
    public int ColdSpots { get; set; }

    /// <summary>In an area the city marks as low-temperature (a cold area).</summary>
    public bool ColdArea { get; set; }

    /// <summary>The average of the last measurement, and when it was taken.</summary>
    public double? LastReadingCelsius { get; set; }
    public DateTimeOffset? LastReadingAt { get; set; }

    /// <summary>Checked continuously, after repeated deficiencies; null when not.</summary>
    public DateTimeOffset? MonitoredSince { get; set; }

    /// <summary>How often the compound is checked in normal times, overriding the city's default.</summary>
    public double? CheckEveryHours { get; set; }

    /// <summary>Bumped on every change, so two writers cannot overwrite each other.</summary>
    public int Version { get; set; }
}
