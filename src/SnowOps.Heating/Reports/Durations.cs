namespace SnowOps.Heating.Reports;

/// <summary>A spread of durations in hours: how many, the median, the 90th percentile (nearest rank) and the longest.</summary>
public sealed record Durations(int Count, double? MedianHours, double? P90Hours, double? MaxHours)
{
    public static Durations Of(IEnumerable<double> hours)
    {
        var sorted = hours.Order().ToArray();
        if (sorted.Length == 0)
            return new(0, null, null, null);
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        var p90 = sorted[(int)Math.Ceiling(0.9 * sorted.Length) - 1];
        return new(sorted.Length, Round(median), Round(p90), Round(sorted[^1]));
    }

    static double Round(double hours) => Math.Round(hours, 2);
}
