using System.Text.RegularExpressions;
using NetTopologySuite.IO;
using SnowOps.Contracts;
using SnowOps.ServiceDefaults.Data;

namespace SnowOps.Dispatch.Plans;

/// <summary>What makes a plan template usable; every problem is named, so a dispatcher can fix them all at once.</summary>
public static partial class PlanValidator
{
    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex NamePattern();

    public static IReadOnlyList<string> Check(PlanTemplate plan)
    {
        var errors = new List<string>();
        if (!NamePattern().IsMatch(plan.Name ?? ""))
            errors.Add("name: 1 to 64 of a-z, 0-9, '.', '_', '-', starting with a letter or digit");
        if (plan.Hazards is null || plan.Hazards.Count == 0 || plan.Hazards.Any(h => h == Hazard.Other || !Enum.IsDefined(h)))
            errors.Add("hazards: at least one of Snowstorm, Blizzard, WinterStorm, RoadIcing, ColdWave");
        if (plan.MinLevel == AlertLevel.Unknown || !Enum.IsDefined(plan.MinLevel))
            errors.Add("minLevel: Blue, Yellow, Orange or Red");
        if (plan.AutoActivateAt is { } auto && (auto == AlertLevel.Unknown || !Enum.IsDefined(auto)))
            errors.Add("autoActivateAt: Blue, Yellow, Orange or Red, or leave it out");
        if (plan.PlowVehicles is < 0 or > 10_000)
            errors.Add("plowVehicles: 0 to 10000");
        if (plan.PlowPriorityClasses?.Count > 0 && plan.PlowVehicles == 0)
            errors.Add("plowVehicles: a plan that plows needs at least one vehicle");
        if (plan.PlowPriorityClasses?.Any(c => string.IsNullOrWhiteSpace(c) || c.Length > 16) == true)
            errors.Add("plowPriorityClasses: names of 1 to 16 characters");
        if (!Finite(plan.PlowDueHours, 0, 720))
            errors.Add("plowDueHours: 0 to 720");
        if (!Finite(plan.StandbyHours, 0.5, 24))
            errors.Add("standbyHours: 0.5 to 24 (a shift is at most a day)");
        if (plan.Standby?.Any(c => string.IsNullOrWhiteSpace(c) || c.Length > 64) == true)
            errors.Add("standby: crew or vehicle ids of 1 to 64 characters");
        if (!Finite(plan.AcceptWithinMinutes, 0.5, 1440))
            errors.Add("acceptWithinMinutes: 0.5 to 1440");
        if (plan.Resends is < 0 or > 10)
            errors.Add("resends: 0 to 10");
        foreach (var (task, i) in (plan.Tasks ?? []).Select((t, i) => (t, i)))
        {
            if (string.IsNullOrWhiteSpace(task.Title) || task.Title.Length > 200)
                errors.Add($"tasks[{i}].title: 1 to 200 characters");
            if (task.Count is < 1 or > 10_000)
                errors.Add($"tasks[{i}].count: 1 to 10000");
            if (task.Phase is not (SnowPhase.Prepare or SnowPhase.Clear or SnowPhase.Restore))
                errors.Add($"tasks[{i}].phase: Prepare, Clear or Restore");
            if (!Enum.IsDefined(task.Kind) || !Enum.IsDefined(task.DueFrom))
                errors.Add($"tasks[{i}]: unknown kind or dueFrom");
            if (!Finite(task.DueHours, -72, 720))
                errors.Add($"tasks[{i}].dueHours: -72 to 720");
        }
        var targets = plan.ServiceTargets ?? [];
        foreach (var (target, i) in targets.Select((t, i) => (t, i)))
        {
            if (string.IsNullOrWhiteSpace(target.Name) || target.Name.Length > 100)
                errors.Add($"serviceTargets[{i}].name: 1 to 100 characters");
            if (!Finite(target.Hours, 0.1, 720))
                errors.Add($"serviceTargets[{i}].hours: 0.1 to 720");
            if (!Finite(target.SharePercent, 0.1, 100))
                errors.Add($"serviceTargets[{i}].sharePercent: more than 0, at most 100");
            if (!Finite(target.WarnMinutes, 0, 1440))
                errors.Add($"serviceTargets[{i}].warnMinutes: 0 to 1440");
        }
        if (targets.GroupBy(t => t.Name).Any(g => g.Count() > 1))
            errors.Add("serviceTargets: names must differ");
        foreach (var (area, i) in (plan.KeptSnowAreas ?? []).Select((a, i) => (a, i)))
        {
            if (string.IsNullOrWhiteSpace(area.Name))
                errors.Add($"keptSnowAreas[{i}].name: required");
            if (!IsArea(area.AreaWkt))
                errors.Add($"keptSnowAreas[{i}].areaWkt: a valid WKT polygon or multipolygon in WGS 84 (lon lat)");
        }
        if (plan.Heating is { } heating && (!Finite(heating.RaiseSupplyCelsius, 0, 30) || !Finite(heating.CheckEveryHours, 0.5, 720)))
            errors.Add("heating: raiseSupplyCelsius 0 to 30, checkEveryHours 0.5 to 720");
        return errors;
    }

    static bool Finite(double value, double min, double max) => double.IsFinite(value) && value >= min && value <= max;

    static bool IsArea(string? wkt)
    {
        if (string.IsNullOrWhiteSpace(wkt) || wkt.Length > 1_000_000)
            return false;
        try
        {
            return Wgs84.IsArea(Wgs84.ReadWkt(wkt));
        }
        catch (Exception e) when (e is ParseException or ArgumentException or FormatException)
        {
            return false;
        }
    }
}
