namespace SnowOps.Routing.Planning.Replan;

/// <summary>What makes a re-plan request malformed (400), before the plan is looked at.</summary>
public static class ReplanChecks
{
    const int MaxItems = 100_000;

    public static string? Problem(ReplanBody body)
    {
        var broken = body.BrokenVehicles ?? [];
        var blocked = body.BlockedSegments ?? [];
        var finished = body.FinishedSegments ?? [];
        var positions = body.Positions ?? [];
        if (broken.Count + blocked.Count + finished.Count + positions.Count == 0)
            return "Nothing to re-plan for: name broken vehicles, blocked or finished segments, or the vehicles' positions.";
        if (broken.Count + blocked.Count + finished.Count + positions.Count > MaxItems)
            return $"A re-plan request names at most {MaxItems} vehicles and segments.";
        if (broken.Any(string.IsNullOrWhiteSpace) || positions.Any(p => string.IsNullOrWhiteSpace(p.Vehicle)))
            return "A vehicle id is empty.";
        if (positions.FirstOrDefault(p => !double.IsFinite(p.Lon) || !double.IsFinite(p.Lat) || p.Lon is < -180 or > 180 || p.Lat is < -90 or > 90) is { } bad)
            return $"The position of '{bad.Vehicle}' ({bad.Lon}, {bad.Lat}) is outside longitude -180..180 / latitude -90..90.";
        if (positions.FirstOrDefault(p => p.ShiftHoursLeft is { } h && !(h >= 0 && h <= 48)) is { } tired)
            return $"shiftHoursLeft of '{tired.Vehicle}' must be between 0 and 48.";
        if (positions.GroupBy(p => p.Vehicle).FirstOrDefault(g => g.Count() > 1) is { } twice)
            return $"'{twice.Key}' has two positions.";
        if (positions.FirstOrDefault(p => broken.Contains(p.Vehicle)) is { } both)
            return $"'{both.Vehicle}' is reported broken and given a position; a broken vehicle gets no route.";
        if (blocked.Intersect(finished).FirstOrDefault() is var overlap and not 0)
            return $"Segment {overlap} is reported both blocked and finished.";
        return null;
    }
}
