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

/// <summary>Plans as rows: one <see cref="PlanRecord"/> per revision and one <see cref="RouteRecord"/> per vehicle with work.</summary>
public static class PlanStore
{
    static readonly GeometryFactory Wgs84Factory = new(new PrecisionModel(), Wgs84.Srid);
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task<PlanRecord?> LatestAsync(RoutingDbContext db, Guid snowEventId, CancellationToken cancellationToken) =>
        db.Plans.AsNoTracking().Where(p => p.SnowEventId == snowEventId).OrderByDescending(p => p.Revision).FirstOrDefaultAsync(cancellationToken);

    public static Task<List<RouteRecord>> RoutesAsync(RoutingDbContext db, Guid snowEventId, int revision, CancellationToken cancellationToken) =>
        db.Routes.AsNoTracking().Where(r => r.SnowEventId == snowEventId && r.Revision == revision).OrderBy(r => r.Vehicle).ToListAsync(cancellationToken);

    public static Guid RouteId(Guid snowEventId, int revision, int vehicle) => revision == 0
        ? StableId.From("route", snowEventId.ToString(), vehicle.ToString(CultureInfo.InvariantCulture))
        : StableId.From("route", snowEventId.ToString(), vehicle.ToString(CultureInfo.InvariantCulture), "revision", revision.ToString(CultureInfo.InvariantCulture));

    public static PlanRecord Plan(Guid snowEventId, int revision, PlowPlan plan, IReadOnlyList<string> classes, int plows, DateTimeOffset now, double seconds) => new()
    {
        Id = StableId.From("plan", snowEventId.ToString(), revision.ToString(CultureInfo.InvariantCulture)),
        SnowEventId = snowEventId,
        Revision = revision,
        PriorityClasses = [.. classes],
        Plows = plows,
        PavementCelsius = plan.PavementCelsius,
        GramsPerSquareMeter = plan.GramsPerSquareMeter,
        Unserved = JsonSerializer.Serialize(plan.Unserved, Json),
        Created = now,
        PlanningSeconds = Math.Round(seconds, 3),
    };

    public static List<RouteRecord> Routes(Guid snowEventId, int revision, PlowPlan plan, IReadOnlyDictionary<long, RoadSegment> segments) =>
        plan.Routes.Where(r => r.HasWork).Select(route =>
        {
            var served = route.Services.Select(s => s.SegmentId).Distinct().Select(id => segments[id]).ToList();
            var classes = route.Services.Select(s => s.PriorityClass).Distinct().Order(StringComparer.Ordinal).ToList();
            return new RouteRecord
            {
                Id = RouteId(snowEventId, revision, route.Vehicle.Number),
                SnowEventId = snowEventId,
                Revision = revision,
                Vehicle = route.Vehicle.Number,
                VehicleId = route.Vehicle.Id,
                VehicleKind = route.Vehicle.Kind.ToString(),
                BaseName = route.BaseName,
                Name = $"{route.Vehicle.Id}: {string.Join(", ", classes)}",
                PriorityClass = classes[0],
                LengthMeters = Math.Round(served.Sum(s => s.LengthMeters), 1),
                ServiceMeters = Math.Round(route.ServiceMeters, 1),
                DeadheadMeters = Math.Round(route.DeadheadMeters, 1),
                Seconds = route.Seconds,
                DeIcerKg = Math.Round(route.DeIcerKg, 1),
                Geometry = Wgs84Factory.CreateMultiLineString(served.Select(s => (LineString)s.Geometry).ToArray()),
                Streets = served.Select(s => s.Name).OfType<string>().Distinct().ToList(),
                Steps = JsonSerializer.Serialize(route.Steps, Json),
            };
        }).ToList();

    public static List<PlanStep> StepsOf(RouteRecord route) => JsonSerializer.Deserialize<List<PlanStep>>(route.Steps, Json) ?? [];

    public static List<UnservedWork> UnservedOf(PlanRecord plan) => JsonSerializer.Deserialize<List<UnservedWork>>(plan.Unserved, Json) ?? [];

    public static PlannedRoute Contract(RouteRecord r) => new(
        r.Id, r.Name, r.PriorityClass, r.LengthMeters, new WKTWriter().Write(r.Geometry), r.Streets,
        r.VehicleId, r.VehicleKind, Math.Round(r.Seconds / 3600.0, 2), r.DeadheadMeters, r.DeIcerKg);
}
