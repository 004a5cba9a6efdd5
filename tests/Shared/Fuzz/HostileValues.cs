namespace SnowOps.Testing;

/// <summary>
/// Values the fuzzer puts where an alert expects text, numbers, dates or coordinates: each one a way real
/// documents have been broken, by accident or on purpose.
/// </summary>
public static class HostileValues
{
    public static readonly string[] Text =
    [
        "", " ", "NaN", "Infinity", "-Infinity", "1e308", "-1e308", "1e400", "99999999999999999999999999", "-0", "-1",
        "0000-00-00", "0000-00-00T00:00:00Z", "9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00",
        "2024-02-30T06:00:00+01:00", "2024-01-05T06:00:00+25:00", "2024-01-05", "yesterday",
        "\u0001\u0002\u001b[31m", "\t\r\n", "&amp;&lt;&gt;", "&#x1F;", "&#0;", "&lol;", "<![CDATA[<alert/>]]>",
        "Alert", "Update", "Cancel", "Ack", "Error", "Actual", "Exercise", "Draft", "alert", "Extreme", "Minor",
        "91,181", "-90.0001,0", "0,180.5", "NaN,NaN", "Infinity,0", "1e308,1e308", "45,9 NaN", "45,9 -5", "45,9 1e308", "45,9 0",
        "0,0 0,1 1,0 1,1 0,0", "0,0 1,1 1,0 0,1 0,0", "0,0 0,1 1,1 1,0", "1,1 1,1 1,1 1,1", "0,0 1,1 2,2 0,0",
        "0,0 0,1 1,1 0,0", "0,0;0,1;1,1;0,0", "0,0,0 0,1,0 1,1,0 0,0,0", "0,0 0,1", "89.9,0 89.9,179.9 -89.9,179.9 -89.9,0 89.9,0",
        "sender,identifier,2024-01-05T06:00:00Z", ",,, ,", "a b c d e f",
        "超强暴雪 🌨 \u202Eevil", "\uFEFF", new string('A', 10_000), new string('9', 5_000),
    ];

    /// <summary>JSON values, written raw so that they can be what a serializer would never produce.</summary>
    public static readonly string[] Json =
    [
        "null", "true", "false", "0", "-1", "1e308", "1e400", "-1e400", "123456789012345678901234567890", "\"\"", "\" \"",
        "\"NaN\"", "\"\\u0000\"", "\"\\ud800\"", "\"\\udfff x\"", "\"\\u001b[31m\"", "[]", "{}", "[null]", "{\"type\":null}",
        "\"0000-00-00\"", "\"2024-13-45T99:99:99Z\"", "\"9999-12-31T23:59:59-14:00\"", "\"date:now -22254 seconds\"",
        "\"Feature\"", "\"FeatureCollection\"", "\"Alert\"", "\"Cancel\"", "\"Update\"",
        "\"" + new string('x', 10_000) + "\"",
        "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}",
        "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1],[1,0],[0,1]]]}",
        "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1],[2,2],[0,0]]]}",
        "{\"type\":\"Polygon\",\"coordinates\":[[[200,100],[201,100],[201,101],[200,100]]]}",
        "{\"type\":\"Polygon\",\"coordinates\":[[[1e400,0],[1,1],[1,0],[1e400,0]]]}",
        "{\"type\":\"Polygon\",\"coordinates\":[[[0,0]]]}", "{\"type\":\"Polygon\",\"coordinates\":[]}",
        "{\"type\":\"Polygon\",\"coordinates\":[[[\"a\",\"b\"],[1,1],[1,0],[0,0]]]}",
        "{\"type\":\"Polygon\",\"coordinates\":[[[0,0,0,0,0],[1,1],[1,0],[0,0]]]}",
        "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[0,0],[0,1],[1,1],[1,0],[0,0]]],[[[0.5,0.5],[0.5,2],[2,2],[2,0.5],[0.5,0.5]]]]}",
        "{\"type\":\"Point\",\"coordinates\":[0,0]}", "{\"type\":\"LineString\",\"coordinates\":[[0,0],[1,1]]}",
        "{\"type\":\"GeometryCollection\",\"geometries\":[{\"type\":\"Point\",\"coordinates\":[0,0]}]}",
        "{\"type\":\"Banana\",\"coordinates\":7}", "{\"type\":\"Polygon\"}", "{\"coordinates\":[[[0,0],[1,1],[1,0],[0,0]]]}",
    ];

    public static readonly string[] Namespaces =
    [
        "urn:oasis:names:tc:emergency:cap:1.1", "http://www.incident.com/cap/1.0", "", "urn:oasis:names:tc:emergency:cap:1.3",
        "URN:OASIS:NAMES:TC:EMERGENCY:CAP:1.2", "http://www.w3.org/2000/xmlns/", "urn:oasis:names:tc:emergency:cap:1.2 ",
    ];

    public static readonly string[] Encodings = ["windows-1252", "ISO-8859-1", "GB18030", "Shift_JIS", "UTF-16", "utf-7", "foo", "US-ASCII", "IBM037", "UTF-32"];

    public static string Deep(string open, string close, int depth) =>
        string.Concat(Enumerable.Repeat(open, depth)) + string.Concat(Enumerable.Repeat(close, depth));

    /// <summary>A DOCTYPE that would read a local file (XXE) or expand to gigabytes (billion laughs) if it were allowed.</summary>
    public static string Doctype(string root, bool laughs) => laughs
        ? $"<!DOCTYPE {root} [<!ENTITY lol \"lol\">"
          + string.Concat(Enumerable.Range(1, 9).Select(i => $"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : (i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture))};", 10))}\">"))
          + "]>"
        : $"<!DOCTYPE {root} [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";
}
