namespace SnowOps.Status.Public;

/// <summary>What the public is told about one street: when it was last plowed and treated, and whether a crew is on it now.</summary>
public sealed record StreetStatus(string Name, ServiceTime? LastPlowed, ServiceTime? LastTreated, bool InProgress);

/// <summary>When a street was served, and in which snow event.</summary>
public sealed record ServiceTime(DateTimeOffset At, Guid SnowEventId, string? SnowEvent);
