namespace SnowOps.Dispatch.Clock;

/// <summary>A service-target alert already raised for a snow event (at risk, or missed), so it is raised once.</summary>
public sealed class TargetWarning
{
    public Guid SnowEventId { get; set; }
    public required string Target { get; set; }

    /// <summary>"at-risk" or "missed".</summary>
    public required string Kind { get; set; }
    public DateTimeOffset Raised { get; set; }
}
