namespace SnowOps.Heating.Risk;

/// <summary>One part of a risk score: what was seen, the points it gave, and why, in words.</summary>
/// <param name="Name">The part: age, low-readings, cold-area, cold-spots, complaints, forecast.</param>
/// <param name="Value">What the part looked at (years, readings, spots, complaints, °C), or null when nothing is known.</param>
/// <param name="Points">The points it adds to the total.</param>
/// <param name="Why">The reason, in a sentence.</param>
public sealed record RiskPart(string Name, double? Value, double Points, string Why);

/// <summary>A compound's risk: the total is the sum of the parts' points.</summary>
public sealed record RiskScore(string CompoundId, string CompanyId, double Total, IReadOnlyList<RiskPart> Parts);

/// <summary>What the score of one compound is made from.</summary>
/// <param name="CompoundId">The compound.</param>
/// <param name="CompanyId">Its heating company.</param>
/// <param name="BuiltYear">When its buildings were built, if known.</param>
/// <param name="ColdArea">In an area the city marks as low-temperature.</param>
/// <param name="ColdSpots">Known cold spots.</param>
/// <param name="BelowStandard">Readings below the standard within the window.</param>
/// <param name="NearStandard">Readings at or just above the standard within the window.</param>
/// <param name="Complaints">Complaints within the complaints' rolling window.</param>
public sealed record CompoundFacts(
    string CompoundId, string CompanyId, int? BuiltYear, bool ColdArea, int ColdSpots, int BelowStandard, int NearStandard, int Complaints);

/// <summary>What is the same for every compound of one ranking: the year, the forecast and the boosted parts.</summary>
/// <param name="ReferenceYear">The year age is counted to.</param>
/// <param name="LowestForecastCelsius">The coldest forecast temperature ahead, or null when there is no forecast.</param>
/// <param name="First">The plan's first compounds in force: "old", "cold-area", "complaints".</param>
public sealed record RiskContext(int ReferenceYear, double? LowestForecastCelsius, IReadOnlySet<string> First);
