using System.Text;
using SnowOps.Routing.Network;

namespace SnowOps.Routing.Tests;

/// <summary>
/// A few streets around Guomao, Chaoyang district, Beijing, as an OpenStreetMap export would give them:
/// an arterial, a residential bridge over the Tonghui River, a lane, a collector and a collector drawn in two pieces.
/// </summary>
public static class Beijing
{
    public const string Streets = """
        {
          "type": "FeatureCollection",
          "features": [
            { "type": "Feature",
              "properties": { "name": "Jianguo Road", "highway": "primary" },
              "geometry": { "type": "LineString", "coordinates": [[116.4600, 39.9080], [116.4650, 39.9080], [116.4700, 39.9080]] } },
            { "type": "Feature",
              "properties": { "name": "Tonghui River Bridge", "highway": "residential", "bridge": "yes" },
              "geometry": { "type": "LineString", "coordinates": [[116.4650, 39.9060], [116.4650, 39.9070]] } },
            { "type": "Feature",
              "properties": { "name": "Jintai Lane", "highway": "residential", "bridge": "no" },
              "geometry": { "type": "LineString", "coordinates": [[116.4680, 39.9100], [116.4680, 39.9120]] } },
            { "type": "Feature",
              "properties": { "name": "Guanghua Road", "highway": "secondary" },
              "geometry": { "type": "LineString", "coordinates": [[116.4600, 39.9140], [116.4680, 39.9140]] } },
            { "type": "Feature",
              "properties": { "name": "Dawang Road", "highway": "tertiary" },
              "geometry": { "type": "MultiLineString", "coordinates": [
                [[116.4720, 39.9080], [116.4720, 39.9095]],
                [[116.4720, 39.9100], [116.4720, 39.9130]] ] } },
            { "type": "Feature",
              "properties": { "name": "Guomao", "railway": "station" },
              "geometry": { "type": "Point", "coordinates": [116.4610, 39.9085] } }
          ]
        }
        """;

    public static Stream AsStream(string geoJson) => new MemoryStream(Encoding.UTF8.GetBytes(geoJson));

    public static List<RoadSegment> Read(string geoJson = Streets, PriorityRules? rules = null) =>
        NetworkImport.Read(AsStream(geoJson), NetworkFormat.GeoJson, new RoutingOptions { Priorities = rules ?? new PriorityRules() });

    /// <summary>
    /// Metres along the ground, worked out independently of the code under test: on a sphere of the
    /// earth's mean radius a degree of latitude is 111 195 m and a degree of longitude 111 195 m × cos(latitude);
    /// over a few hundred metres the flat approximation is good to far better than 1%.
    /// </summary>
    public static double Metres(params (double Lon, double Lat)[] points)
    {
        const double MetresPerDegree = 111_195.0;
        double total = 0;
        for (var i = 1; i < points.Length; i++)
        {
            var meanLat = (points[i - 1].Lat + points[i].Lat) / 2 * Math.PI / 180;
            var north = (points[i].Lat - points[i - 1].Lat) * MetresPerDegree;
            var east = (points[i].Lon - points[i - 1].Lon) * MetresPerDegree * Math.Cos(meanLat);
            total += Math.Sqrt(north * north + east * east);
        }
        return total;
    }
}
