using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using SnowOps.Contracts;
using SnowOps.Routing.Data;
using SnowOps.Routing.Network;
using SnowOps.ServiceDefaults.Data;

namespace SnowOps.Routing.Planning;

/// <summary>
/// Plans as rows: one <see cref="PlanRecord"/> per revision and one <see cref="RouteRecord"/> per vehicle with work.
/// A widening (classes added to a planned snow event) adds its routes to the current revision, numbered
/// <c>round × <see cref="RoundStride"/> + vehicle</c> so a vehicle may hold a route of each round, and leaves a record of
/// what it planned at revision <c>-round</c>: the unique (snow event, revision) index lets only one widening claim a round.
/// </summary>
public static class PlanStore
{
    public const int RoundStride = 100_000;
    static readonly GeometryFactory Wgs84Factory = new(new PrecisionModel(), Wgs84.Srid);
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The current plan: the highest revision (widening records, at negative revisions, never are).</summary>
    public static Task<PlanRecord?> LatestAsync(RoutingDbContext db, Guid snowEventId, CancellationToken cancellationToken) =>
        db.Plans.AsNoTracking().Where(p => p.SnowEventId == snowEventId).OrderByDescending(p => p.Revision).FirstOrDefaultAsync(cancellationToken);

    public static Task<List<RouteRecord>> RoutesAsync(RoutingDbContext db, Guid snowEventId, int revision, CancellationToken cancellationToken) =>
        db.Routes.AsNoTracking().Where(r => r.SnowEventId == snowEventId && r.Revision == revision).OrderBy(r => r.Vehicle).ToListAsync(cancellationToken);

    /// <summary>
    /// The routes handed out with <see cref="PlowRoutesAssigned"/>: the first plan's and each widening's, whatever
    /// re-plans came since (re-planned routes go out with <see cref="PlowRoutesReplanned"/>).
    /// </summary>
    public static Task<List<RouteRecord>> AssignedAsync(RoutingDbContext db, Guid snowEventId, CancellationToken cancellationToken) =>
        db.Routes.AsNoTracking().Where(r => r.SnowEventId == snowEventId && (r.Revision == 0 || r.Vehicle >= RoundStride))
            .OrderBy(r => r.Vehicle).ThenBy(r => r.Revision).ToListAsync(cancellationToken);

    /// <summary>How many widenings the snow event has had.</summary>
    public static async Task<int> WideningsAsync(RoutingDbContext db, Guid snowEventId, CancellationToken cancellationToken) =>
        -(await db.Plans.Where(p => p.SnowEventId == snowEventId && p.Revision < 0).MinAsync(p => (int?)p.Revision, cancellationToken) ?? 0);

    public static Guid RouteId(Guid snowEventId, int revision, int vehicle) => revision == 0
        ? StableId.From("route", snowEventId.ToString(), vehicle.ToString(CultureInfo.InvariantCulture))
        : StableId.From("route", snowEventId.ToString(), vehicle.ToString(CultureInfo.InvariantCulture), "revision", revision.ToString(CultureInfo.InvariantCulture));

    public static Guid WidenedRouteId(Guid snowEventId, int round, int vehicle) =>
        StableId.From("route", snowEventId.ToString(), vehicle.ToString(CultureInfo.InvariantCulture), "widening", round.ToString(CultureInfo.InvariantCulture));

    /// <summary>A plan's steps per vehicle: a vehicle with a route of a widening drives it after its earlier ones.</summary>
    public static Dictionary<string, List<PlanStep>> StepsByVehicle(IEnumerable<RouteRecord> routes) =>
        routes.GroupBy(r => r.VehicleId).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Vehicle).SelectMany(StepsOf).ToList());

    public static PlanRecord Plan(Guid snowEventId, int revision, PlowPlan plan, IReadOnlyList<string> classes, int plows, DateTimeOffset now, double seconds) => new()
    {
        Id = StableId.From("plan", snowEventId.ToString(), revision.ToString(CultureInfo.InvariantCulture)),
        SnowEventId = snowEventId,
        Revision = revision,
        PriorityClasses = [.. classes],
        Plows = plows,
        PavementCelsius = plan.PavementCelsius,
        GramsPerSquareMeter = plan.GramsPerSquareMeter,
        Unserved = UnservedJson(plan.Unserved),
        Created = now,
        PlanningSeconds = Math.Round(seconds, 3),
    };

    /// <summary>
    /// The routes of a plan as rows; with a <paramref name="round"/> above 0, the routes a widening adds to the revision,
    /// each with its own duration (it starts when the vehicle is back from its earlier route).
    /// </summary>
    public static List<RouteRecord> Routes(Guid snowEventId, int revision, PlowPlan plan, IReadOnlyDictionary<long, RoadSegment> segments, int round = 0) =>
        plan.Routes.Where(r => r.HasWork).Select(route =>
        {
            var served = route.Services.Select(s => s.SegmentId).Distinct().Select(id => segments[id]).ToList();
            var classes = route.Services.Select(s => s.PriorityClass).Distinct().Order(StringComparer.Ordinal).ToList();
            return new RouteRecord
            {
                Id = round > 0 ? WidenedRouteId(snowEventId, round, route.Vehicle.Number) : RouteId(snowEventId, revision, route.Vehicle.Number),
                SnowEventId = snowEventId,
                Revision = revision,
                Vehicle = round * RoundStride + route.Vehicle.Number,
                VehicleId = route.Vehicle.Id,
                VehicleKind = route.Vehicle.Kind.ToString(),
                BaseName = route.BaseName,
                Name = $"{route.Vehicle.Id}: {string.Join(", ", classes)}",
                PriorityClass = classes[0],
                LengthMeters = Math.Round(served.Sum(s => s.LengthMeters), 1),
                ServiceMeters = Math.Round(route.ServiceMeters, 1),
                DeadheadMeters = Math.Round(route.DeadheadMeters, 1),
                Seconds = round > 0 ? route.Seconds - route.Steps[0].Start : route.Seconds,
                DeIcerKg = Math.Round(route.DeIcerKg, 1),
                Geometry = Wgs84Factory.CreateMultiLineString(served.Select(s => (LineString)s.Geometry).ToArray()),
                Streets = served.Select(s => s.Name).OfType<string>().Distinct().ToList(),
                Steps = JsonSerializer.Serialize(route.Steps, Json),
            };
        }).ToList();

    /// <summary>A vehicle's routes in one plan as one, for its files: their steps in order and their sums.</summary>
    public static RouteRecord OfVehicle(IReadOnlyList<RouteRecord> routes)
    {
        var first = routes[0];
        return routes.Count == 1 ? first : new RouteRecord
        {
            Id = first.Id,
            SnowEventId = first.SnowEventId,
            Revision = first.Revision,
            Vehicle = first.Vehicle,
            VehicleId = first.VehicleId,
            VehicleKind = first.VehicleKind,
            BaseName = first.BaseName,
            Name = string.Join("; ", routes.Select(r => r.Name)),
            PriorityClass = routes.Select(r => r.PriorityClass).Min(StringComparer.Ordinal)!,
            LengthMeters = routes.Sum(r => r.LengthMeters),
            ServiceMeters = routes.Sum(r => r.ServiceMeters),
            DeadheadMeters = routes.Sum(r => r.DeadheadMeters),
            Seconds = routes.Sum(r => r.Seconds),
            DeIcerKg = routes.Sum(r => r.DeIcerKg),
            Geometry = Wgs84Factory.CreateMultiLineString(routes.SelectMany(r => Enumerable.Range(0, r.Geometry.NumGeometries).Select(r.Geometry.GetGeometryN))
                .OfType<LineString>().ToArray()),
            Streets = routes.SelectMany(r => r.Streets).Distinct().ToList(),
            Steps = JsonSerializer.Serialize(routes.SelectMany(StepsOf).ToList(), Json),
        };
    }

    public static List<PlanStep> StepsOf(RouteRecord route) => JsonSerializer.Deserialize<List<PlanStep>>(route.Steps, Json) ?? [];

    public static string UnservedJson(IEnumerable<UnservedWork> unserved) => JsonSerializer.Serialize(unserved, Json);

    public static List<UnservedWork> UnservedOf(PlanRecord plan) => JsonSerializer.Deserialize<List<UnservedWork>>(plan.Unserved, Json) ?? [];

    public static PlannedRoute Contract(RouteRecord r) => new(
        r.Id, r.Name, r.PriorityClass, r.LengthMeters, new WKTWriter().Write(r.Geometry), r.Streets,
        r.VehicleId, r.VehicleKind, Math.Round(r.Seconds / 3600.0, 2), r.DeadheadMeters, r.DeIcerKg);
}
