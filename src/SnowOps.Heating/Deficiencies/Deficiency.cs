namespace SnowOps.Heating.Deficiencies;

/// <summary>
/// A compound found below the indoor standard, from the measurement that found it until a re-check after a repair
/// finds it at or above the standard. A failed re-check keeps it open and starts another repair round.
/// </summary>
public sealed class Deficiency
{
    /// <summary>Derived from the measurement that found it, so the same measurement never makes two.</summary>
    public Guid Id { get; set; }
    public required string CompoundId { get; set; }
    public required string CompanyId { get; set; }
    public Guid ReadingId { get; set; }
    public double AverageCelsius { get; set; }
    public double StandardCelsius { get; set; }

    /// <summary>When the measurement that found it was taken.</summary>
    public DateTimeOffset Found { get; set; }

    /// <summary>The repair round: 1 for the first repair, one more for every re-check that still finds the compound cold.</summary>
    public int Round { get; set; } = 1;

    /// <summary>The current round's repair task, once Dispatch has made it; null before.</summary>
    public Guid? RepairTaskId { get; set; }

    /// <summary>When the current round's repair was done; null while it is not.</summary>
    public DateTimeOffset? Repaired { get; set; }

    /// <summary>The current round's re-check task, once Dispatch has made it.</summary>
    public Guid? RecheckTaskId { get; set; }

    /// <summary>When a re-check after the repair found the compound at or above the standard; null while open.</summary>
    public DateTimeOffset? Closed { get; set; }

    /// <summary>The re-check measurement that closed it.</summary>
    public Guid? ClosedByReadingId { get; set; }

    public int Version { get; set; }

    public bool IsOpen => Closed is null;
}
