namespace SnowOps.Status.Public;

/// <summary>The public lookup's limits, under <c>SnowOps:Status:Public</c>.</summary>
public sealed class PublicOptions
{
    public const string Section = "SnowOps:Status:Public";

    /// <summary>Requests one client address may make in a minute before it is answered 429.</summary>
    public int PermitsPerMinute { get; set; } = 60;

    /// <summary>How far from a point a served street may be and still be its answer.</summary>
    public double NearestStreetMeters { get; set; } = 100;

    /// <summary>The longest street name a lookup accepts.</summary>
    public int MaxNameLength { get; set; } = 100;
}
