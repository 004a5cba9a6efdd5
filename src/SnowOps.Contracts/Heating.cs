namespace SnowOps.Contracts;

/// <summary>An inspector measured the indoor temperature in a home.</summary>
/// <param name="ReadingId">Stable id of this measurement; the same id twice is one measurement.</param>
/// <param name="TaskId">The temperature-check task it answers, if any.</param>
/// <param name="CompoundId">The residential compound.</param>
/// <param name="Readings">The raw readings taken at the room centre, in °C.</param>
/// <param name="AverageCelsius">The result: extremes dropped, the rest averaged.</param>
/// <param name="InspectorId">Who measured.</param>
/// <param name="Measured">When.</param>
/// <param name="Home">Which home of the compound, as the inspector names it (e.g. "3-2-401" for building, unit, flat), if given.</param>
public sealed record IndoorTemperatureRecorded(
    Guid ReadingId,
    Guid? TaskId,
    string CompoundId,
    IReadOnlyList<double> Readings,
    double AverageCelsius,
    string InspectorId,
    DateTimeOffset Measured,
    string? Home = null);
