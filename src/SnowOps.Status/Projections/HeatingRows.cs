namespace SnowOps.Status.Projections;

/// <summary>A compound's newest valid indoor temperature measurement.</summary>
public sealed class CompoundReadingRow
{
    public string CompoundId { get; set; } = "";
    public Guid ReadingId { get; set; }
    public double AverageCelsius { get; set; }
    public DateTimeOffset Measured { get; set; }

    /// <summary>Whether Heating found that measurement below the indoor standard.</summary>
    public bool BelowStandard { get; set; }
}

/// <summary>A heating deficiency Heating found, for the company that must repair it.</summary>
public sealed class DeficiencyRow
{
    public Guid DeficiencyId { get; set; }
    public string CompoundId { get; set; } = "";
    public string CompanyId { get; set; } = "";
    public Guid ReadingId { get; set; }
    public double AverageCelsius { get; set; }
    public double StandardCelsius { get; set; }
    public DateTimeOffset Found { get; set; }
}

/// <summary>A problem a crew reported on a task; the task and the time identify it, so a redelivery is the same row.</summary>
public sealed class TaskProblemRow
{
    public Guid TaskId { get; set; }
    public DateTimeOffset Reported { get; set; }
    public string CrewId { get; set; } = "";
    public string Problem { get; set; } = "";
}
