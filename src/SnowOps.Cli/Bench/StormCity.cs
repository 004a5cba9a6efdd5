using System.Globalization;
using SnowOps.Contracts;
using SnowOps.Dispatch.Plans;
using SnowOps.ServiceDefaults.Data;

namespace SnowOps.Cli.Bench;

/// <summary>
/// The city the storm falls on: its crews, all standing (on duty at all times), and the plans whose activation gives the
/// storm's work. Three in ten crews drive plows and one in ten spreaders (one vehicle each); the rest are street crews that
/// take any work. A storm's tasks are, as in a city's real plan, a few route tasks per vehicle and many small jobs: each
/// plow gets one route (and the shops along it a frontage notice), each spreader one de-icing route, all delivered in one
/// <see cref="PlowRoutesAssigned"/> as Routing publishes it; the rest are the plan's own lines sent out on activation:
/// de-icing of bridges, footbridges, ramps and slopes by hand (30 %), intersections, crossings and bus stops (20 %) and
/// notices to the street-front shops of each block (50 %).
/// </summary>
public sealed class StormCity
{
    public const string StormPlan = "storm-city";
    public const string WarmupPlan = "storm-warmup";

    /// <summary>A plan line counts at most this many tasks; more become further lines.</summary>
    const int MaxLineCount = 10_000;

    public sealed record Storm(string PlanName, int Tasks, int PlowRoutes, int SpreaderRoutes, int DeIcing, int Intersections, int Notices)
    {
        public int RouteTasks => 2 * PlowRoutes + SpreaderRoutes;
    }

    StormCity(int crews, int tasks)
    {
        if (crews >= 3)
        {
            PlowCrews = (int)Math.Round(crews * 0.3, MidpointRounding.AwayFromZero);
            SpreaderCrews = Math.Max(1, (int)Math.Round(crews * 0.1, MidpointRounding.AwayFromZero));
        }
        StreetCrews = crews - PlowCrews - SpreaderCrews;
        Main = Mix(StormPlan, tasks);
        // Small enough not to weigh on the run, large enough that every path of Dispatch's code has run before the clock starts.
        Warmup = Mix(WarmupPlan, Math.Clamp(tasks / 10, Math.Min(tasks, 10), 100));
    }

    public static StormCity For(int crews, int tasks) => new(crews, tasks);

    public int PlowCrews { get; }
    public int SpreaderCrews { get; }
    public int StreetCrews { get; }
    public int Crews => PlowCrews + SpreaderCrews + StreetCrews;
    public Storm Main { get; }
    public Storm Warmup { get; }

    public static string PlowVehicle(int n) => "plow-" + n.ToString(CultureInfo.InvariantCulture);
    public static string SpreaderVehicle(int n) => "spreader-" + n.ToString(CultureInfo.InvariantCulture);

    public List<CrewDefinition> CrewDefinitions()
    {
        var crews = new List<CrewDefinition>(Crews);
        for (var n = 1; n <= PlowCrews; n++)
            crews.Add(new CrewDefinition { Id = $"{PlowVehicle(n)}-crew", Kinds = [TaskKind.PlowRoute], VehicleId = PlowVehicle(n), AlwaysOnDuty = true });
        for (var n = 1; n <= SpreaderCrews; n++)
            crews.Add(new CrewDefinition { Id = $"{SpreaderVehicle(n)}-crew", Kinds = [TaskKind.DeIcing], VehicleId = SpreaderVehicle(n), AlwaysOnDuty = true });
        for (var n = 1; n <= StreetCrews; n++)
            crews.Add(new CrewDefinition { Id = "street-" + n.ToString(CultureInfo.InvariantCulture), AlwaysOnDuty = true });
        return crews;
    }

    public List<PlanTemplate> Plans() => [Plan(Main), Plan(Warmup)];

    /// <summary>The routes Routing would publish for a storm: one per vehicle with work, a short line of streets each.</summary>
    public static IReadOnlyList<PlannedRoute> Routes(Guid snowEventId, Storm storm)
    {
        var routes = new List<PlannedRoute>(storm.PlowRoutes + storm.SpreaderRoutes);
        for (var n = 1; n <= storm.PlowRoutes; n++)
            routes.Add(Route(snowEventId, PlowVehicle(n), "Plow", n % 2 == 1 ? "P1" : "P2", n));
        for (var n = 1; n <= storm.SpreaderRoutes; n++)
            routes.Add(Route(snowEventId, SpreaderVehicle(n), "Spreader", "P1", storm.PlowRoutes + n));
        return routes;
    }

    Storm Mix(string plan, int tasks)
    {
        var routeBudget = tasks / 5;
        var plowRoutes = Math.Min(PlowCrews, routeBudget / 3);
        // Spreader routes come in the same answer as the plow routes: a plan that does not plow asks Routing for nothing.
        var spreaderRoutes = plowRoutes == 0 ? 0 : Math.Min(SpreaderCrews, routeBudget - 2 * plowRoutes);
        var rest = tasks - 2 * plowRoutes - spreaderRoutes;
        var deIcing = rest * 3 / 10;
        var intersections = rest * 2 / 10;
        return new Storm(plan, tasks, plowRoutes, spreaderRoutes, deIcing, intersections, rest - deIcing - intersections);
    }

    static PlanTemplate Plan(Storm storm)
    {
        var lines = new List<TaskTemplate>();
        Lines(lines, storm.DeIcing, TaskKind.DeIcing, "Salt bridges, footbridges, ramps and slopes by hand", 2);
        Lines(lines, storm.Intersections, TaskKind.PlowRoute, "Clear intersections, crossings and bus stops", 6);
        Lines(lines, storm.Notices, TaskKind.FrontageNotice, "Notify the street-front shops of a block to clear their frontage", 4);
        return new PlanTemplate
        {
            Name = storm.PlanName,
            Hazards = [Hazard.Snowstorm, Hazard.Blizzard],
            MinLevel = AlertLevel.Orange,
            PlowPriorityClasses = storm.PlowRoutes > 0 ? ["P1", "P2"] : [],
            PlowVehicles = storm.PlowRoutes,
            PlowDueHours = 6,
            FrontageNotices = true,
            // Long enough that no task is sent again while the benchmark runs: resends are not what it measures.
            AcceptWithinMinutes = 120,
            Tasks = lines,
        };
    }

    static void Lines(List<TaskTemplate> lines, int count, TaskKind kind, string title, double dueHours)
    {
        for (var part = 1; count > 0; part++)
        {
            var take = Math.Min(count, MaxLineCount);
            lines.Add(new TaskTemplate
            {
                Kind = kind,
                Title = count > MaxLineCount || part > 1 ? $"{title}, part {part}" : title,
                Count = take,
                Phase = SnowPhase.Prepare,
                DueFrom = PlanMoment.Activation,
                DueHours = dueHours,
            });
            count -= take;
        }
    }

    static PlannedRoute Route(Guid snowEventId, string vehicle, string kind, string priorityClass, int n)
    {
        // A short street line in a grid of 120 m blocks around Beijing's centre: what a task needs is a place, not a real street.
        var lon = 116.30 + n % 100 * 0.0014;
        var lat = 39.85 + n / 100 * 0.0011;
        var wkt = string.Create(CultureInfo.InvariantCulture,
            $"MULTILINESTRING (({lon:F6} {lat:F6}, {lon + 0.0014:F6} {lat:F6}, {lon + 0.0014:F6} {lat + 0.0011:F6}))");
        var street = $"Storm Street {n}";
        return new PlannedRoute(StableId.From("storm-route", snowEventId.ToString(), vehicle), $"{vehicle}: {priorityClass}", priorityClass, 240, wkt,
            [street, street + " North"], vehicle, kind, 1.5, 400, kind == "Spreader" ? 180 : 0);
    }
}
