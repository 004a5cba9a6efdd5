using System.Xml.Linq;
using SnowOps.Weather.Alerts;

namespace SnowOps.Weather.Feeds;

/// <summary>One entry of a CAP index: a link to a CAP document, or the CAP alert itself embedded in the entry.</summary>
public sealed record IndexEntry(string Id, Uri? Link, string? Embedded);

/// <summary>
/// Reads the ATOM and RSS feeds agencies (DWD, MeteoAlarm, NWS and others) publish to list their current
/// CAP alerts, with the same safe XML settings as the CAP parser.
/// </summary>
public static class CapIndex
{
    static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static IReadOnlyList<IndexEntry> Read(Stream feed, Uri feedUrl)
    {
        var root = BoundedXml.Load(feed, AlertLimits.Default.MaxDepth).Root ?? throw new AlertRejected("The feed is empty.");
        if (root.Name == Atom + "feed")
            return root.Elements(Atom + "entry").Select(e => AtomEntry(e, feedUrl)).ToList();
        if (root.Name == "rss")
            return root.Elements("channel").Elements("item").Select(i => RssItem(i, feedUrl)).ToList();
        throw new AlertRejected($"The root element is <{root.Name.LocalName}>; a CAP index is an ATOM <feed> or an RSS <rss>.");
    }

    static IndexEntry AtomEntry(XElement entry, Uri feedUrl)
    {
        var id = ((string?)entry.Element(Atom + "id"))?.Trim() ?? "(entry without id)";
        var embedded = entry.Element(Atom + "content")?.Elements().FirstOrDefault(e => e.Name.LocalName == "alert");
        if (embedded is not null)
            return new IndexEntry(id, null, embedded.ToString());

        // Prefer the link typed as CAP; otherwise the entry's own (alternate) link, as older NWS feeds have it.
        var links = entry.Elements(Atom + "link").ToList();
        var link = links.FirstOrDefault(l => IsCapType((string?)l.Attribute("type")))
            ?? links.FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate")
            ?? links.FirstOrDefault();
        return new IndexEntry(id, Resolve((string?)link?.Attribute("href"), feedUrl), null);
    }

    static IndexEntry RssItem(XElement item, Uri feedUrl)
    {
        var enclosure = item.Elements("enclosure").FirstOrDefault(e => IsCapType((string?)e.Attribute("type")));
        var href = (string?)enclosure?.Attribute("url") ?? (string?)item.Element("link");
        var id = ((string?)item.Element("guid"))?.Trim() ?? href?.Trim() ?? "(item without guid)";
        return new IndexEntry(id, Resolve(href, feedUrl), null);
    }

    static bool IsCapType(string? type) => type?.Contains("cap", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Relative links are relative to the feed; anything but http(s) is not followed.</summary>
    static Uri? Resolve(string? href, Uri feedUrl) =>
        Uri.TryCreate(feedUrl, href?.Trim(), out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : null;
}
