using NetTopologySuite.Geometries;

namespace SnowOps.Routing.Network;

public static class Geodesy
{
    const double EarthRadiusMeters = 6_371_008.8;

    /// <summary>Length of a lon/lat line along the earth's surface (haversine per vertex pair).</summary>
    public static double LengthMeters(LineString line)
    {
        double total = 0;
        var points = line.Coordinates;
        for (var i = 1; i < points.Length; i++)
            total += Distance(points[i - 1], points[i]);
        return total;
    }

    public static double Distance(Coordinate a, Coordinate b)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(b.Y - a.Y);
        var dLon = Radians(b.X - a.X);
        var h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
            + Math.Cos(Radians(a.Y)) * Math.Cos(Radians(b.Y)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
