using SnowOps.Routing.Network;

namespace SnowOps.Routing;

/// <summary>Settings under <c>SnowOps:Routing</c>.</summary>
public sealed class RoutingOptions
{
    public PriorityRules Priorities { get; set; } = new();
}
