namespace SnowOps.Weather.Alerts;

/// <summary>
/// How much of a document SnowOps reads before it calls it absurd (<c>SnowOps:Weather:Limits</c>). The
/// defaults are far above what real agencies send (DWD's largest sample has 820 areas and one polygon of
/// 677 points) and low enough that no single document can tie up a core or the geometry engine.
/// </summary>
public sealed class AlertLimits
{
    public static AlertLimits Default { get; } = new();

    /// <summary>Deepest element (XML) or value (JSON) nesting; CAP itself needs 5, NWS GeoJSON about 8.</summary>
    public int MaxDepth { get; set; } = 32;

    /// <summary>CAP <c>area</c> blocks in one document, over all its info blocks.</summary>
    public int MaxAreas { get; set; } = 2000;

    /// <summary>Polygons and circles in one document (NWS: polygons of its geometry).</summary>
    public int MaxShapes { get; set; } = 1000;

    /// <summary>Coordinate pairs in one document, over all its polygons.</summary>
    public int MaxPoints { get; set; } = 100_000;

    /// <summary>Info blocks (languages) in one CAP alert, or alerts in one NWS collection.</summary>
    public int MaxInfos { get; set; } = 64;
}
