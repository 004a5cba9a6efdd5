namespace SnowOps.Heating.Complaints;

/// <summary>How complaints are matched and counted, under <c>SnowOps:Heating</c>.</summary>
public sealed class ComplaintOptions
{
    public const string Section = "SnowOps:Heating";

    /// <summary>The rolling window complaints are counted over, in days (<c>SnowOps:Heating:ComplaintWindowDays</c>).</summary>
    public int ComplaintWindowDays { get; set; } = 7;

    /// <summary>
    /// A position outside every compound is matched to the nearest compound no farther than this, in metres
    /// (<c>SnowOps:Heating:ComplaintMatchMeters</c>).
    /// </summary>
    public double ComplaintMatchMeters { get; set; } = 150;
}
