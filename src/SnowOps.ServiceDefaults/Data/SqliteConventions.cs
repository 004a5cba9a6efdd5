using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace SnowOps.ServiceDefaults.Data;

/// <summary>
/// SQLite has no spatial types without SpatiaLite, which the embedded mode does not require; there a
/// geometry is kept as WKT text and spatial work happens in NetTopologySuite. PostgreSQL keeps real PostGIS columns.
/// </summary>
public sealed class GeometryAsWkt<TGeometry>() : ValueConverter<TGeometry, string>(
    geometry => new WKTWriter().Write(geometry),
    text => Read(text))
    where TGeometry : Geometry
{
    static TGeometry Read(string text)
    {
        return (TGeometry)Wgs84.ReadWkt(text);
    }
}

public static class SqliteConventions
{
    /// <summary>
    /// Call from a SQLite context's ConfigureConventions. Geometry is kept as WKT (entities declare geometry
    /// properties as <see cref="Geometry"/>; the PostGIS column type says which kind), and times as UTC-ordered
    /// integers, since SQLite cannot compare or sort DateTimeOffset text.
    /// </summary>
    public static void UseSqliteConventions(this ModelConfigurationBuilder configuration)
    {
        configuration.Properties<Geometry>().HaveConversion<GeometryAsWkt<Geometry>>();
        configuration.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public static class PostgresConventions
{
    /// <summary>
    /// Call from a PostgreSQL context's ConfigureConventions: timestamptz holds instants, and Npgsql accepts
    /// only UTC offsets, while agencies send local times (+01:00, +08:00); the instant is what is kept.
    /// </summary>
    public static void UsePostgresConventions(this ModelConfigurationBuilder configuration) =>
        configuration.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffset>();
}

public sealed class UtcDateTimeOffset() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    value => value.ToUniversalTime(),
    value => value);
