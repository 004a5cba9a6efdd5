namespace SnowOps.Contracts;

/// <summary>Order to Routing: plan plow routes for a snow event.</summary>
/// <param name="SnowEventId">The snow event the routes are for.</param>
/// <param name="PriorityClasses">The road priority classes to cover, e.g. "P1", "P2".</param>
/// <param name="Vehicles">How many vehicles are available.</param>
public sealed record PlowRoutesRequested(Guid SnowEventId, IReadOnlyList<string> PriorityClasses, int Vehicles);

/// <summary>Routing planned the routes asked for.</summary>
/// <param name="SnowEventId">The snow event the routes are for.</param>
/// <param name="Routes">One route per vehicle that has work; empty when no road network is loaded.</param>
public sealed record PlowRoutesAssigned(Guid SnowEventId, IReadOnlyList<PlannedRoute> Routes);

/// <summary>One vehicle's route.</summary>
/// <param name="RouteId">Stable id of the route.</param>
/// <param name="Name">A human name, e.g. "P1 route 2".</param>
/// <param name="PriorityClass">The highest priority class on the route.</param>
/// <param name="LengthMeters">Length of the streets served.</param>
/// <param name="GeometryWkt">The streets served as a WKT MultiLineString in WGS 84.</param>
/// <param name="Streets">Street names in the order served.</param>
public sealed record PlannedRoute(
    Guid RouteId,
    string Name,
    string PriorityClass,
    double LengthMeters,
    string GeometryWkt,
    IReadOnlyList<string> Streets);
