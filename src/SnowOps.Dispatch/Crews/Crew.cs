using SnowOps.Contracts;

namespace SnowOps.Dispatch.Crews;

/// <summary>A crew on the roster.</summary>
public sealed class Crew
{
    public required string Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The kinds of task it takes; empty means any.</summary>
    public List<TaskKind> Kinds { get; set; } = [];
    public string? Zone { get; set; }
    public string? VehicleId { get; set; }
    public bool AlwaysOnDuty { get; set; }

    /// <summary>A crew taken off the roster keeps its history but gets no new work.</summary>
    public bool Retired { get; set; }
    public int Version { get; set; }

    public bool Takes(TaskKind kind) => Kinds.Count == 0 || Kinds.Contains(kind);
}

/// <summary>A crew's shift: on duty from Start to End, with a vehicle and a zone for that shift.</summary>
public sealed class Shift
{
    public Guid Id { get; set; }
    public required string CrewId { get; set; }
    public DateTimeOffset Start { get; set; }
    public DateTimeOffset End { get; set; }

    /// <summary>The vehicle for this shift; the crew's own when null.</summary>
    public string? VehicleId { get; set; }

    /// <summary>The zone for this shift; the crew's own when null.</summary>
    public string? Zone { get; set; }
    public required string CreatedBy { get; set; }
}
