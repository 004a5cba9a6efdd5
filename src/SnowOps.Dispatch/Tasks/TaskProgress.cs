using SnowOps.Contracts;

namespace SnowOps.Dispatch.Tasks;

/// <summary>
/// The usable part of a crew's progress report: a share clamped to 0–100, a segment count that is not negative,
/// and a position only when both coordinates are on the globe. What is not usable is left out, not guessed.
/// </summary>
public sealed record TaskProgress(double? PercentDone, int? SegmentsDone, double? Latitude, double? Longitude)
{
    public static TaskProgress Of(TaskProgressReported report)
    {
        double? percent = report.PercentDone is { } p && double.IsFinite(p) ? Math.Clamp(p, 0, 100) : null;
        int? segments = report.SegmentsDone is >= 0 ? report.SegmentsDone : null;
        return IsPosition(report.Latitude, report.Longitude)
            ? new TaskProgress(percent, segments, report.Latitude, report.Longitude)
            : new TaskProgress(percent, segments, null, null);
    }

    // 0,0 is where a receiver without a fix says it is.
    static bool IsPosition(double? latitude, double? longitude) =>
        latitude is { } lat && longitude is { } lon
        && double.IsFinite(lat) && double.IsFinite(lon)
        && lat is >= -90 and <= 90 && lon is >= -180 and <= 180
        && !(lat == 0 && lon == 0);

    public void ApplyTo(CrewTask task, DateTimeOffset reported)
    {
        task.LastReport = reported;
        task.PercentDone = PercentDone ?? task.PercentDone;
        task.SegmentsDone = SegmentsDone ?? task.SegmentsDone;
        if (Latitude is not null)
            (task.Latitude, task.Longitude) = (Latitude, Longitude);
    }
}
