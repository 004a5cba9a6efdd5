namespace SnowOps.Heating.Checks;

/// <summary>
/// A temperature check the scheduler decided on: requested from Dispatch on its day, or waiting for a day with capacity.
/// Its source key is stable, so the request is made once however often the scheduler runs.
/// </summary>
public sealed class ScheduledCheck
{
    public const string Requested = "requested";
    public const string Waiting = "waiting";

    public Guid Id { get; set; }
    public required string CompoundId { get; set; }
    public required string CompanyId { get; set; }

    /// <summary>The hour the compound was found due, which names the check: "heating:check:&lt;compound&gt;:&lt;yyyyMMddHH&gt;".</summary>
    public DateTimeOffset Slot { get; set; }
    public required string SourceKey { get; set; }

    /// <summary><see cref="Requested"/> or <see cref="Waiting"/>.</summary>
    public required string State { get; set; }

    /// <summary>The risk score when it was last ranked.</summary>
    public double Risk { get; set; }

    /// <summary>How often the compound was to be checked when it was found due, in hours.</summary>
    public double EveryHours { get; set; }

    /// <summary>When it was first found due.</summary>
    public DateTimeOffset Found { get; set; }

    /// <summary>When it was requested from Dispatch; null while it waits.</summary>
    public DateTimeOffset? RequestedAt { get; set; }

    /// <summary>The working day (yyyy-MM-dd, in the configured time zone) whose capacity it uses; null while it waits.</summary>
    public string? Day { get; set; }

    public DateTimeOffset? Due { get; set; }
    public Guid? SnowEventId { get; set; }

    /// <summary>Whether the request went out; one saved but not sent is sent by the next run.</summary>
    public bool Published { get; set; }

    /// <summary>Dispatch's task, once it told which task answers the request.</summary>
    public Guid? TaskId { get; set; }
}
