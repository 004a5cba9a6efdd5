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
}
