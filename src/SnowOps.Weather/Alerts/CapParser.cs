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

    /// <summary>The length of the sender and identifier columns; longer ones would fail in the database, not here.</summary>
    const int MaxKeyLength = 512;

    static readonly string[] Statuses = ["Actual", "Exercise", "System", "Test", "Draft"];
    static readonly string[] MsgTypes = ["Alert", "Update", "Cancel", "Ack", "Error"];

    public static CapAlert Parse(Stream document, AlertLimits? limits = null)
    {
        limits ??= AlertLimits.Default;
        var root = BoundedXml.Load(document, limits.MaxDepth).Root ?? throw new AlertRejected("The document is empty.");
        if (root.Name.LocalName != "alert")
            throw new AlertRejected($"The root element is <{root.Name.LocalName}>; a CAP document has <alert>.");
        if (root.Name.NamespaceName is Cap11 or Cap10)
            throw new AlertRejected($"This is CAP in namespace {root.Name.NamespaceName}; SnowOps accepts CAP 1.2 ({Cap12}).");
        if (root.Name.NamespaceName != Cap12)
            throw new AlertRejected($"The <alert> element is in namespace '{CapArea.Shorten(root.Name.NamespaceName)}'; CAP 1.2 uses {Cap12}.");

        XNamespace ns = Cap12;
        var infos = root.Elements(ns + "info").ToList();
        if (infos.Count > limits.MaxInfos)
            throw new AlertRejected($"The alert has {infos.Count} <info> blocks; SnowOps takes at most {limits.MaxInfos}.");
        CapArea.CheckSize(infos.Elements(ns + "area").ToList(), ns, limits);

        var msgType = OneOf(root, ns + "msgType", MsgTypes);
        if (msgType == "Alert" && infos.Count == 0)
            throw new AlertRejected("This CAP Alert has no <info>: no event, severity or area, so nothing to act on.");
        return new CapAlert(
            Identifier: Key(root, ns + "identifier"),
            Sender: Key(root, ns + "sender"),
            Sent: ParseTime(Required(root, ns + "sent"), "sent"),
            Status: OneOf(root, ns + "status", Statuses),
            MsgType: msgType,
            Scope: Required(root, ns + "scope"),
            References: ParseReferences((string?)root.Element(ns + "references")),
            Infos: infos.Select(i => ParseInfo(i, ns)).ToList())
        {
            Details = new CapDetails(
                Source: Optional(root, ns + "source"),
                Restriction: Optional(root, ns + "restriction"),
                Addresses: Optional(root, ns + "addresses"),
                Codes: root.Elements(ns + "code").Select(c => c.Value.Trim()).Where(c => c.Length > 0).Take(64).ToList(),
                Note: Optional(root, ns + "note"),
                Incidents: Optional(root, ns + "incidents")),
        };
    }

    static string? Optional(XElement parent, XName name)
    {
        var value = ((string?)parent.Element(name))?.Trim();
        return string.IsNullOrEmpty(value) ? null : value.Length <= 2000 ? value : value[..2000];
    }

    static CapInfo ParseInfo(XElement info, XNamespace ns)
    {
        var areas = info.Elements(ns + "area").ToList();
        var (area, notes) = CapArea.Read(areas, ns);
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
            Area: area,
            Geocodes: areas.SelectMany(a => a.Elements(ns + "geocode"))
                .Select(g => $"{((string?)g.Element(ns + "valueName"))?.Trim()}={((string?)g.Element(ns + "value"))?.Trim()}")
                .Distinct()
                .ToList())
        {
            Notes = notes,
            Effective = OptionalTime(info, ns + "effective"),
        };
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

    static string Key(XElement parent, XName name)
    {
        var value = Required(parent, name);
        return value.Length <= MaxKeyLength
            ? value
            : throw new AlertRejected($"<{name.LocalName}> is {value.Length} characters long; SnowOps takes at most {MaxKeyLength}.");
    }

    /// <summary>CAP enumerates these values; anything else is a broken document, not a new kind of alert.</summary>
    static string OneOf(XElement parent, XName name, string[] allowed)
    {
        var value = Required(parent, name);
        return allowed.FirstOrDefault(a => a.Equals(value, StringComparison.OrdinalIgnoreCase))
            ?? throw new AlertRejected($"<{name.LocalName}> '{CapArea.Shorten(value)}' is not one of {string.Join(", ", allowed)}.");
    }

    static DateTimeOffset? OptionalTime(XElement parent, XName name)
    {
        var value = ((string?)parent.Element(name))?.Trim();
        return string.IsNullOrEmpty(value) ? null : ParseTime(value, name.LocalName);
    }

    static DateTimeOffset ParseTime(string value, string element) =>
        AlertTimes.Parse(value) ?? throw new AlertRejected($"<{element}> '{CapArea.Shorten(value)}' is not a CAP date-time such as 2024-01-05T06:00:00+08:00 between {AlertTimes.Earliest.Year} and {AlertTimes.Latest.Year}.");
}
