using SnowOps.Routing.Fleet;
using SnowOps.Routing.Network;

namespace SnowOps.Routing;

/// <summary>Settings under <c>SnowOps:Routing</c>.</summary>
public sealed class RoutingOptions
{
    public PriorityRules Priorities { get; set; } = new();
    public FleetOptions Fleet { get; set; } = new();
    public DeIcingOptions DeIcing { get; set; } = new();
    public PlannerOptions Planner { get; set; } = new();

    /// <summary>Which ways are streets, their direction and their passes.</summary>
    public RoadRules Roads { get; set; } = new();

    /// <summary>An OSM extract (.osm.pbf) or GeoJSON file imported at start-up when no network is stored yet.</summary>
    public string? NetworkFile { get; set; }

    /// <summary>Larger bodies to <c>POST /api/network</c> get 413.</summary>
    public long MaxImportBytes { get; set; } = 64L * 1024 * 1024;
}
