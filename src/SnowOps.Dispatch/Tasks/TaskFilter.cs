using SnowOps.Contracts;

namespace SnowOps.Dispatch.Tasks;

/// <summary>The filters of GET /api/tasks, read from the query string; every bad value is named.</summary>
public sealed record TaskFilter(Guid? SnowEventId, IReadOnlyList<TaskState> States, TaskKind? Kind, string? CrewId, bool? Overdue, int Limit)
{
    public const int DefaultLimit = 200;
    public const int MaxLimit = 1000;

    public static (TaskFilter? Filter, string? Problem) Parse(string? snowEventId, string? state, string? kind, string? crewId, string? overdue,
        string? limit)
    {
        var problems = new List<string>();
        Guid? eventId = null;
        if (snowEventId is not null)
        {
            if (Guid.TryParse(snowEventId, out var id))
                eventId = id;
            else
                problems.Add("snowEventId must be a snow event's id (a GUID; 00000000-0000-0000-0000-000000000000 for standing work)");
        }
        var states = new List<TaskState>();
        foreach (var name in (state ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (EnumNames.Parse<TaskState>(name) is { } s)
                states.Add(s);
            else
                problems.Add($"state '{name}' is not one of {string.Join(", ", Enum.GetNames<TaskState>())}");
        }
        TaskKind? wantedKind = null;
        if (kind is not null && (wantedKind = EnumNames.Parse<TaskKind>(kind)) is null)
            problems.Add($"kind must be one of {string.Join(", ", Enum.GetNames<TaskKind>())}");
        if (crewId is { Length: 0 or > 64 })
            problems.Add("crewId must be 1 to 64 characters");
        bool? wantedOverdue = null;
        if (overdue is not null)
        {
            if (bool.TryParse(overdue, out var o))
                wantedOverdue = o;
            else
                problems.Add("overdue must be true or false");
        }
        var take = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, out take) || take is < 1 or > MaxLimit))
            problems.Add($"limit must be a whole number from 1 to {MaxLimit}");
        return problems.Count > 0
            ? (null, string.Join("; ", problems) + ".")
            : (new TaskFilter(eventId, states, wantedKind, crewId, wantedOverdue, take), null);
    }
}
