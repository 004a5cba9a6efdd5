using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SnowOps.ServiceDefaults.Data;
using SnowOps.ServiceDefaults.Messaging.Outbox;
using SnowOps.Weather.Alerts;
using SnowOps.Weather.Zones;
using SnowOps.Weather.Feeds;

namespace SnowOps.Weather.Data;

public class WeatherDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<WeatherAlert> Alerts => Set<WeatherAlert>();
    public DbSet<Zone> Zones => Set<Zone>();

    public DbSet<FeedStatus> FeedStatuses => Set<FeedStatus>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // One schema per module in PostgreSQL; in the embedded mode each module has its own SQLite file instead.
        if (Database.IsNpgsql())
            modelBuilder.HasDefaultSchema(DatabaseExtensions.SchemaOf(WeatherModule.Name));
        modelBuilder.AddOutboxTables();
        modelBuilder.Entity<WeatherAlert>(alert =>
        {
            alert.ToTable("alerts");
            alert.HasKey(a => a.Id);
            alert.HasIndex(a => new { a.Sender, a.Identifier }).IsUnique();
            alert.HasIndex(a => a.State);
            alert.Property(a => a.Sender).HasMaxLength(512);
            alert.Property(a => a.Identifier).HasMaxLength(512);
            alert.Property(a => a.Hazard).HasConversion<string>().HasMaxLength(32);
            alert.Property(a => a.Level).HasConversion<string>().HasMaxLength(16);
            alert.Property(a => a.State).HasConversion<string>().HasMaxLength(16);
            if (Database.IsNpgsql())
                alert.Property(a => a.Area).HasColumnType("geometry(Geometry,4326)");
        });
        modelBuilder.Entity<Zone>(zone =>
        {
            zone.ToTable("zones");
            zone.HasKey(z => z.Code);
            zone.Property(z => z.Code).HasMaxLength(64);
            zone.Property(z => z.Name).HasMaxLength(256);
            if (Database.IsNpgsql())
            {
                zone.Property(z => z.Area).HasColumnType("geometry(Geometry,4326)");
                zone.HasIndex(z => z.Area).HasMethod("gist");
            }
        });
        modelBuilder.Entity<FeedStatus>(feed =>
        {
            feed.ToTable("feed_status");
            feed.HasKey(f => f.Name);
            feed.Property(f => f.Name).HasMaxLength(128);
            feed.Property(f => f.Url).HasMaxLength(2048);
            feed.Property(f => f.LastError).HasMaxLength(2000);
            feed.Property(f => f.LastSkipped).HasMaxLength(2000);
            feed.Property(f => f.ETag).HasMaxLength(512);
        });
    }
}

/// <summary>Carries the SQLite migrations.</summary>
public sealed class WeatherSqliteContext(DbContextOptions<WeatherSqliteContext> options) : WeatherDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseSqliteConventions();
}

/// <summary>Carries the PostgreSQL/PostGIS migrations.</summary>
public sealed class WeatherPostgresContext(DbContextOptions<WeatherPostgresContext> options) : WeatherDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UsePostgresConventions();
}

sealed class WeatherSqliteDesign : IDesignTimeDbContextFactory<WeatherSqliteContext>
{
    public WeatherSqliteContext CreateDbContext(string[] args) => new(DesignTimeContext.Sqlite<WeatherSqliteContext>(WeatherModule.Name));
}

sealed class WeatherPostgresDesign : IDesignTimeDbContextFactory<WeatherPostgresContext>
{
    public WeatherPostgresContext CreateDbContext(string[] args) => new(DesignTimeContext.Postgres<WeatherPostgresContext>(WeatherModule.Name));
}
