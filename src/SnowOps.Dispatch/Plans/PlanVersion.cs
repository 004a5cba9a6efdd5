namespace SnowOps.Dispatch.Plans;

/// <summary>One version of a plan template. Versions are never changed: an edit adds the next one, and a snow event keeps the version it started with.</summary>
public sealed class PlanVersion
{
    public required string Name { get; set; }
    public int Version { get; set; }

    /// <summary>The template as JSON.</summary>
    public required string Body { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset Created { get; set; }

    /// <summary>A retired plan is no longer proposed for new warnings; its versions stay for the events that used them.</summary>
    public bool Retired { get; set; }
}
