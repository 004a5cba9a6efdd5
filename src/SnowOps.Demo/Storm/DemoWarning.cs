using System.Globalization;
using System.Text.RegularExpressions;

namespace SnowOps.Demo.Storm;

/// <summary>
/// The shipped warning with its times moved, all by the same amount, so that its onset falls the given time after
/// <paramref name="now"/>: it is in force when played and the snow starts soon after. Nothing else changes.
/// </summary>
public static partial class DemoWarning
{
    [GeneratedRegex("<(sent|effective|onset|expires)>([^<]+)</\\1>")]
    private static partial Regex Times();

    [GeneratedRegex("<onset>([^<]+)</onset>")]
    private static partial Regex Onset();

    public static string Redate(string capXml, DateTimeOffset now, TimeSpan onsetIn)
    {
        var onset = Onset().Match(capXml) is { Success: true } found
            ? DateTimeOffset.Parse(found.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException("The demo's warning has no onset to move.");
        var shift = now + onsetIn - onset;
        return Times().Replace(capXml, m =>
        {
            var time = DateTimeOffset.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            var moved = (time + shift).ToOffset(time.Offset);
            return $"<{m.Groups[1].Value}>{moved.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)}</{m.Groups[1].Value}>";
        });
    }
}
