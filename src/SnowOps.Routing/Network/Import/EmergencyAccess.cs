using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace SnowOps.Routing.Network.Import;

/// <summary>Finds the streets that give access to an emergency site: those passing within a distance of it.</summary>
public static class EmergencyAccess
{
    /// <summary>Metres per degree of latitude on a sphere of the earth's mean radius (6,371,008.8 m).</summary>
    const double MetresPerDegree = 111_195.08;

    /// <summary>Indexes of the <paramref name="lines"/> that pass within <paramref name="meters"/> of any site.</summary>
    public static HashSet<int> Near(IReadOnlyList<LineString> lines, IEnumerable<AccessSite> sites, double meters)
    {
        var near = new HashSet<int>();
        var siteList = sites.ToList();
        if (siteList.Count == 0 || lines.Count == 0 || meters <= 0)
            return near;

        var index = new STRtree<int>();
        for (var i = 0; i < lines.Count; i++)
            index.Insert(lines[i].EnvelopeInternal, i);
        index.Build();

        foreach (var site in siteList)
        {
            var cos = Math.Max(0.01, Math.Cos(site.Latitude * Math.PI / 180));
            var dLat = meters / MetresPerDegree;
            var dLon = meters / (MetresPerDegree * cos);
            var search = new Envelope(site.Longitude - dLon, site.Longitude + dLon, site.Latitude - dLat, site.Latitude + dLat);
            foreach (var i in index.Query(search))
            {
                if (!near.Contains(i) && Distance(lines[i], site, cos) <= meters)
                    near.Add(i);
            }
        }
        return near;
    }

    /// <summary>Metres from the site to the nearest point of the line, on a plane tangent at the site (exact enough within a few km).</summary>
    public static double Distance(LineString line, AccessSite site, double cosLatitude)
    {
        var best = double.PositiveInfinity;
        var points = line.Coordinates;
        for (var i = 1; i < points.Length; i++)
        {
            var (ax, ay) = Local(points[i - 1], site, cosLatitude);
            var (bx, by) = Local(points[i], site, cosLatitude);
            var (dx, dy) = (bx - ax, by - ay);
            var lengthSquared = dx * dx + dy * dy;
            var t = lengthSquared == 0 ? 0 : Math.Clamp(-(ax * dx + ay * dy) / lengthSquared, 0, 1);
            var (px, py) = (ax + t * dx, ay + t * dy);
            best = Math.Min(best, Math.Sqrt(px * px + py * py));
        }
        return best;
    }

    static (double X, double Y) Local(Coordinate point, AccessSite site, double cosLatitude) =>
        ((point.X - site.Longitude) * MetresPerDegree * cosLatitude, (point.Y - site.Latitude) * MetresPerDegree);
}
