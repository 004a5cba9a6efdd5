using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SnowOps.CrewBot.Chats;

/// <summary>
/// One home's readings as an inspector types them: "3-2-401: 18.6 18.4 18.9 18.7 19.0", the label before the (last) colon
/// optional. Readings are separated by spaces, commas followed by a space, Chinese commas (，、) or semicolons, and may carry
/// °C, ℃, ° or 度. A comma between two digits is a decimal comma ("18,6" is 18.6), as phones in many countries type it;
/// readings without spaces between them ("18.6,18.4") are therefore not read as two numbers but refused, never guessed.
/// </summary>
public sealed partial record ReadingsMessage(string? Label, IReadOnlyList<double> Readings, IReadOnlyList<string> NotNumbers)
{
    static readonly char[] Colons = [':', '：'];
    static readonly char[] Separators = [' ', '\t', '\n', '\r', ',', '，', '、', ';', '；'];

    public static ReadingsMessage Parse(string text)
    {
        var normal = Normalise(text);
        var colon = normal.LastIndexOfAny(Colons);
        var label = colon < 0 ? null : normal[..colon].Trim();
        var body = DecimalComma().Replace(Unit().Replace(colon < 0 ? normal : normal[(colon + 1)..], " "), ".");
        var readings = new List<double>();
        var notNumbers = new List<string>();
        foreach (var token in body.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (double.TryParse(WithoutUnit(token), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var reading))
                readings.Add(reading);
            else
                notNumbers.Add(token);
        }
        return new ReadingsMessage(string.IsNullOrEmpty(label) ? null : label, readings, notNumbers);
    }

    /// <summary>Full-width digits, points and minus signs (Chinese input methods) as ASCII, so they read as numbers.</summary>
    static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
            builder.Append(c switch
            {
                >= '０' and <= '９' => (char)('0' + (c - '０')),
                '．' => '.',
                '－' or '−' => '-',
                _ => c,
            });
        return builder.ToString();
    }

    /// <summary>"18.6C": the C of a unit written without its degree sign.</summary>
    static string WithoutUnit(string token) => token.Length > 1 && token[^1] is 'C' or 'c' ? token[..^1] : token;

    [GeneratedRegex(@"(?<=\d),(?=\d)")]
    private static partial Regex DecimalComma();

    [GeneratedRegex(@"°\s*[Cc]?|℃|度")]
    private static partial Regex Unit();
}
