namespace SnowOps.Routing.Network;

/// <summary>A hospital, fire station or other place whose access streets are plowed first.</summary>
public sealed class AccessSite
{
    public string? Name { get; set; }
    public double Longitude { get; set; }
    public double Latitude { get; set; }
}
