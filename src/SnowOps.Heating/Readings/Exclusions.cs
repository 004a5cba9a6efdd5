namespace SnowOps.Heating.Readings;

/// <summary>
/// What makes a measurement invalid by the method: a window open, a radiator covered, and whatever else the inspector
/// names. Names are kept as given, trimmed and lower-cased ("Window open" and "window open" are one).
/// </summary>
public static class Exclusions
{
    public const string WindowOpen = "window-open";
    public const string RadiatorCovered = "radiator-covered";

    public const int MaximumCount = 10;
    public const int MaximumLength = 64;

    /// <summary>Why the names cannot be kept, or null when they can.</summary>
    public static string? Problem(IReadOnlyList<string?>? names)
    {
        if (names is null)
            return null;
        if (names.Count > MaximumCount)
            return $"At most {MaximumCount} exclusions can be named; {names.Count} were given.";
        if (names.Any(string.IsNullOrWhiteSpace))
            return "An exclusion must have a name (e.g. \"window-open\", \"radiator-covered\").";
        var tooLong = names.FirstOrDefault(n => n!.Trim().Length > MaximumLength);
        return tooLong is null ? null : $"Exclusion names are at most {MaximumLength} characters: '{tooLong[..MaximumLength]}…'.";
    }

    /// <summary>The names as kept: trimmed, lower-case, each once, in the order given; blank names left out.</summary>
    public static List<string> Normalise(IEnumerable<string?>? names) =>
        names is null
            ? []
            : names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim().ToLowerInvariant())
                .Select(n => n.Length > MaximumLength ? n[..MaximumLength] : n).Distinct().Take(MaximumCount).ToList();
}
