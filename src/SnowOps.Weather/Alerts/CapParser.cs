using System.Globalization;
using System.Xml.Linq;

namespace SnowOps.Weather.Alerts;

/// <summary>
/// Reads CAP 1.2 namespace-aware, with DTDs and external entities refused (no XXE, no entity expansion),
/// and ignores what SnowOps does not use (signatures, stylesheets, comments).
/// </summary>
public static class CapParser
{
    public const string Cap12 = "urn:oasis:names:tc:emergency:cap:1.2";
    const string Cap11 = "urn:oasis:names:tc:emergency:cap:1.1";
    const string Cap10 = "http://www.incident.com/cap/1.0";

    public static CapAlert Parse(Stream document)
    {
        var root = SafeXml.Load(document).Root ?? throw new AlertRejected("The document is empty.");
        if (root.Name.LocalName != "alert")
            throw new AlertRejected($"The root element is <{root.Name.LocalName}>; a CAP document has <alert>.");
        if (root.Name.NamespaceName is Cap11 or Cap10)
            throw new AlertRejected($"This is CAP in namespace {root.Name.NamespaceName}; SnowOps accepts CAP 1.2 ({Cap12}).");
        if (root.Name.NamespaceName != Cap12)
            throw new AlertRejected($"The <alert> element is in namespace '{root.Name.NamespaceName}'; CAP 1.2 uses {Cap12}.");

        XNamespace ns = Cap12;
        return new CapAlert(
            Identifier: Required(root, ns + "identifier"),
            Sender: Required(root, ns + "sender"),
            Sent: ParseTime(Required(root, ns + "sent"), "sent"),
            Status: Required(root, ns + "status"),
            MsgType: Required(root, ns + "msgType"),
            Scope: Required(root, ns + "scope"),
            References: ParseReferences((string?)root.Element(ns + "references")),
            Infos: root.Elements(ns + "info").Select(i => ParseInfo(i, ns)).ToList());
    }

    static CapInfo ParseInfo(XElement info, XNamespace ns)
    {
        var areas = info.Elements(ns + "area").ToList();
        return new CapInfo(
            Language: (string?)info.Element(ns + "language") ?? "en-US",
            Event: Required(info, ns + "event"),
            Severity: Required(info, ns + "severity"),
            Headline: (string?)info.Element(ns + "headline"),
            Onset: OptionalTime(info, ns + "onset"),
            Expires: OptionalTime(info, ns + "expires"),
            EventCodes: Pairs(info, ns + "eventCode", ns),
            Parameters: Pairs(info, ns + "parameter", ns),
            AreaDescription: areas.Count == 0 ? null : string.Join("; ", areas.Select(a => (string?)a.Element(ns + "areaDesc")).OfType<string>()),
            Area: CapArea.Read(areas, ns));
    }

    static Dictionary<string, string> Pairs(XElement parent, XName name, XNamespace ns)
    {
        var pairs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in parent.Elements(name))
        {
            var key = ((string?)pair.Element(ns + "valueName"))?.Trim();
            if (!string.IsNullOrEmpty(key))
                pairs.TryAdd(key, ((string?)pair.Element(ns + "value"))?.Trim() ?? "");
        }
        return pairs;
    }

    static List<CapReference> ParseReferences(string? references) =>
        string.IsNullOrWhiteSpace(references)
            ? []
            : references.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                .Select(triple => triple.Split(','))
                .Where(parts => parts.Length >= 2)
                .Select(parts => new CapReference(parts[0], parts[1]))
                .ToList();

    static string Required(XElement parent, XName name)
    {
        var value = ((string?)parent.Element(name))?.Trim();
        return string.IsNullOrEmpty(value)
            ? throw new AlertRejected($"<{parent.Name.LocalName}> has no <{name.LocalName}>, which CAP 1.2 requires.")
            : value;
    }

    static DateTimeOffset? OptionalTime(XElement parent, XName name)
    {
        var value = ((string?)parent.Element(name))?.Trim();
        return string.IsNullOrEmpty(value) ? null : ParseTime(value, name.LocalName);
    }

    static DateTimeOffset ParseTime(string value, string element) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new AlertRejected($"<{element}> '{value}' is not a CAP date-time such as 2024-01-05T06:00:00+08:00.");
}
