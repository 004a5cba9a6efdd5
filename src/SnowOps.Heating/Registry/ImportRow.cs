using System.Globalization;
using NetTopologySuite.Geometries;

namespace SnowOps.Heating.Registry;

/// <summary>
/// One row of an import (a CSV line, a GeoJSON feature or a JSON object): its fields by normalised name, and its geometry.
/// A field the file does not carry is absent, which leaves a stored value alone; a field present but blank clears it.
/// </summary>
public sealed class ImportRow(int number, IReadOnlyDictionary<string, string?> fields, Geometry? geometry = null)
{
    /// <summary>The row's number as a person counts them: the first data line or feature is 1.</summary>
    public int Number { get; } = number;

    public Geometry? Geometry { get; } = geometry;

    /// <summary>Field names as compared: lower case, without '_', '-' or spaces ("built_year", "BuiltYear" → "builtyear").</summary>
    public static string Normalise(string name) =>
        new([.. name.Trim().ToLowerInvariant().Where(c => c is not ('_' or '-' or ' '))]);

    public bool Has(params string[] names) => names.Any(n => fields.ContainsKey(n));

    /// <summary>The first of the names the row carries, trimmed; null when absent or blank.</summary>
    public string? Text(params string[] names)
    {
        foreach (var name in names)
            if (fields.TryGetValue(name, out var value))
                return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        return null;
    }

    public int? Integer(List<string> errors, params string[] names) =>
        Text(names) is not { } text ? null
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
        : Fail<int>(errors, $"{names[0]} '{text}' is not a whole number");

    public double? Real(List<string> errors, params string[] names) =>
        Text(names) is not { } text ? null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value
        : Fail<double>(errors, $"{names[0]} '{text}' is not a number");

    public bool? Flag(List<string> errors, params string[] names) => Text(names)?.ToLowerInvariant() switch
    {
        null => null,
        "true" or "yes" or "1" or "y" => true,
        "false" or "no" or "0" or "n" => false,
        var text => Fail<bool>(errors, $"{names[0]} '{text}' is not true or false"),
    };

    static T? Fail<T>(List<string> errors, string error) where T : struct
    {
        errors.Add(error);
        return null;
    }
}

/// <summary>What is wrong with one row of an import.</summary>
public sealed record RowProblem(int Row, IReadOnlyList<string> Reasons);
