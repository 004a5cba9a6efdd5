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
/// <param name="Exclusions">What made the measurement invalid by the method, as named by the inspector (e.g. "window-open",
/// "radiator-covered"); null or empty when nothing did. A measurement with an exclusion is kept but counts neither as a pass
/// nor as a deficiency.</param>
public sealed record IndoorTemperatureRecorded(
    Guid ReadingId,
    Guid? TaskId,
    string CompoundId,
    IReadOnlyList<double> Readings,
    double AverageCelsius,
    string InspectorId,
    DateTimeOffset Measured,
    string? Home = null,
    IReadOnlyList<string>? Exclusions = null);

/// <summary>A measurement found homes of a compound below the indoor standard.</summary>
/// <param name="DeficiencyId">Stable id of the finding; the same measurement never makes two.</param>
/// <param name="CompoundId">The compound.</param>
/// <param name="CompanyId">The heating company that serves it and must repair.</param>
/// <param name="ReadingId">The measurement that found it.</param>
/// <param name="AverageCelsius">What was measured.</param>
/// <param name="StandardCelsius">The standard it fell short of (the day or the night one).</param>
/// <param name="Found">When it was measured.</param>
public sealed record HeatingDeficiencyFound(
    Guid DeficiencyId, string CompoundId, string CompanyId, Guid ReadingId, double AverageCelsius, double StandardCelsius, DateTimeOffset Found);

/// <summary>Advice to a heat station: the supply-water temperature the outdoor forecast calls for.</summary>
/// <param name="StationId">The heat station.</param>
/// <param name="CompanyId">Its company.</param>
/// <param name="From">When the advice applies from (ahead of the cold).</param>
/// <param name="Until">Until when.</param>
/// <param name="OutdoorCelsius">The forecast outdoor temperature the advice is for (the lowest of the period).</param>
/// <param name="SupplyCelsius">The supply-water temperature advised.</param>
/// <param name="Advised">When the advice was made.</param>
public sealed record SupplyTemperatureAdvised(
    string StationId, string CompanyId, DateTimeOffset From, DateTimeOffset Until, double OutdoorCelsius, double SupplyCelsius, DateTimeOffset Advised);
