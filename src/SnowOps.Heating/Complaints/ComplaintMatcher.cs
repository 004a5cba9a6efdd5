using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Distance;
using SnowOps.Heating.Data;
using SnowOps.ServiceDefaults.Data;

namespace SnowOps.Heating.Complaints;

/// <summary>
/// Finds the compound a complaint is about: by position (inside a compound's outline, else the nearest compound
/// within <see cref="ComplaintOptions.ComplaintMatchMeters"/>), then by address (the compound's address, a part of it
/// between commas, or its name, compared as normalised text). No match, or two equally good ones, leaves it to a person.
/// </summary>
public sealed class ComplaintMatcher(HeatingDbContext db, CompoundIndex index, IOptionsMonitor<ComplaintOptions> options)
{
    /// <summary>Shorter names and addresses than this are too common to match on.</summary>
    const int ShortestKey = 3;
    const double EarthRadiusMetres = 6_371_008.8;
    const double MetresPerDegree = 111_320;
    static readonly char[] AddressParts = [',', '，', '、', ';', '；'];

    public sealed record Match(string? CompoundId, ComplaintMatch By);

    public async Task<Match> MatchAsync(double? latitude, double? longitude, string? address, CancellationToken cancellationToken)
    {
        var compounds = await index.GetAsync(db, cancellationToken);
        if (latitude is { } lat && longitude is { } lon && ByPosition(compounds, lat, lon) is { } byPosition)
            return byPosition;
        if (ByAddress(compounds, address) is { } id)
            return new Match(id, ComplaintMatch.Address);
        return new Match(null, ComplaintMatch.None);
    }

    Match? ByPosition(CompoundIndex.Snapshot compounds, double lat, double lon)
    {
        var point = new Point(lon, lat) { SRID = Wgs84.Srid };
        var inside = compounds.Outlines.Query(point.EnvelopeInternal)
            .Where(c => c.Surface is { } surface && surface.Covers(point))
            .OrderBy(c => c.Geometry.Area).ThenBy(c => c.Id, StringComparer.Ordinal)
            .FirstOrDefault();
        if (inside is not null)
            return new Match(inside.Id, ComplaintMatch.Inside);

        var limit = options.CurrentValue.ComplaintMatchMeters;
        var reach = new Envelope(point.Coordinate);
        reach.ExpandBy(limit / (MetresPerDegree * Math.Max(Math.Cos(lat * Math.PI / 180), 0.01)), limit / MetresPerDegree);
        var nearest = compounds.Outlines.Query(reach)
            .Select(c => (c.Id, Metres: Metres(c.Geometry, point)))
            .Where(c => c.Metres <= limit)
            .OrderBy(c => c.Metres).ThenBy(c => c.Id, StringComparer.Ordinal)
            .FirstOrDefault();
        return nearest.Id is null ? null : new Match(nearest.Id, ComplaintMatch.Nearest);
    }

    /// <summary>The distance along the earth from the point to the nearest point of the geometry.</summary>
    static double Metres(Geometry geometry, Point point)
    {
        var nearest = DistanceOp.NearestPoints(geometry, point)[0];
        return Haversine(point.Y, point.X, nearest.Y, nearest.X);
    }

    public static double Haversine(double lat1, double lon1, double lat2, double lon2)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(lat2 - lat1);
        var dLon = Radians(lon2 - lon1);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Radians(lat1)) * Math.Cos(Radians(lat2)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>The compound one of whose own texts the complaint's address holds; the longest text wins, and a tie matches neither.</summary>
    static string? ByAddress(CompoundIndex.Snapshot compounds, string? address)
    {
        var text = Normalise(address);
        if (text.Length < ShortestKey)
            return null;
        var best = 0;
        var winners = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, id) in compounds.Keys)
        {
            if (key.Length < best || !Holds(text, key))
                continue;
            if (key.Length > best)
                (best, winners) = (key.Length, new HashSet<string>(StringComparer.Ordinal));
            winners.Add(id);
        }
        return winners.Count == 1 ? winners.Single() : null;
    }

    /// <summary>The texts a compound is known by: its name, its address, and each part of the address between commas.</summary>
    public static IEnumerable<string> Keys(string name, string? address) =>
        new[] { name, address ?? "" }
            .Concat((address ?? "").Split(AddressParts, StringSplitOptions.RemoveEmptyEntries))
            .Select(Normalise)
            .Where(key => key.Length >= ShortestKey)
            .Distinct(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="text"/> holds <paramref name="part"/>, not as a piece of a longer number ("No. 3" is not in "No. 31").</summary>
    static bool Holds(string text, string part)
    {
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            var end = at + part.Length;
            var cutsNumberAfter = end < text.Length && char.IsDigit(part[^1]) && char.IsDigit(text[end]);
            var cutsNumberBefore = at > 0 && char.IsDigit(part[0]) && char.IsDigit(text[at - 1]);
            if (!cutsNumberAfter && !cutsNumberBefore)
                return true;
        }
        return false;
    }

    /// <summary>Letters and digits only, compatibility-normalised (full-width "３号" reads as "3号") and in lower case.</summary>
    public static string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return "";
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
            if (char.IsLetterOrDigit(c))
                builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
        return builder.ToString();
    }
}
