using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SnowOps.Routing.Network;
using SnowOps.Routing.Planning;
using SnowOps.ServiceDefaults.Data;
using SnowOps.ServiceDefaults.Messaging.Outbox;

namespace SnowOps.Routing.Data;

public class RoutingDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<RoadSegment> Segments => Set<RoadSegment>();
    public DbSet<RouteRecord> Routes => Set<RouteRecord>();
    public DbSet<PlanRecord> Plans => Set<PlanRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // One schema per module in PostgreSQL; in the embedded mode each module has its own SQLite file instead.
        if (Database.IsNpgsql())
            modelBuilder.HasDefaultSchema(DatabaseExtensions.SchemaOf(RoutingModule.Name));
        modelBuilder.AddOutboxTables();
        var postgres = Database.IsNpgsql();
        modelBuilder.Entity<RoadSegment>(s =>
        {
            s.ToTable("road_segments");
            s.HasKey(x => x.Id);
            // Ids are given by the import (1…n in the order the source lists its streets), so a batch needs no round trip for them.
            s.Property(x => x.Id).ValueGeneratedNever();
            s.HasIndex(x => x.PriorityClass);
            s.Property(x => x.PriorityClass).HasMaxLength(8);
            s.Property(x => x.Highway).HasMaxLength(64);
            s.Property(x => x.Name).HasMaxLength(256);
            if (postgres)
            {
                s.Property(x => x.Geometry).HasColumnType("geometry(LineString,4326)");
                s.HasIndex(x => x.Geometry).HasMethod("gist");
            }
        });
        modelBuilder.Entity<RouteRecord>(r =>
        {
            r.ToTable("routes");
            r.HasKey(x => x.Id);
            r.HasIndex(x => new { x.SnowEventId, x.Revision, x.Vehicle }).IsUnique();
            r.Property(x => x.Name).HasMaxLength(128);
            r.Property(x => x.PriorityClass).HasMaxLength(8);
            r.Property(x => x.VehicleId).HasMaxLength(80);
            r.Property(x => x.VehicleKind).HasMaxLength(16);
            r.Property(x => x.BaseName).HasMaxLength(80);
            if (postgres)
                r.Property(x => x.Geometry).HasColumnType("geometry(MultiLineString,4326)");
        });
        modelBuilder.Entity<PlanRecord>(p =>
        {
            p.ToTable("route_plans");
            p.HasKey(x => x.Id);
            p.HasIndex(x => new { x.SnowEventId, x.Revision }).IsUnique();
            p.Property(x => x.RequestDigest).HasMaxLength(64);
        });
    }
}

/// <summary>Carries the SQLite migrations.</summary>
public sealed class RoutingSqliteContext(DbContextOptions<RoutingSqliteContext> options) : RoutingDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseSqliteConventions();
}

/// <summary>Carries the PostgreSQL/PostGIS migrations.</summary>
public sealed class RoutingPostgresContext(DbContextOptions<RoutingPostgresContext> options) : RoutingDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UsePostgresConventions();
}

sealed class RoutingSqliteDesign : IDesignTimeDbContextFactory<RoutingSqliteContext>
{
    public RoutingSqliteContext CreateDbContext(string[] args) => new(DesignTimeContext.Sqlite<RoutingSqliteContext>(RoutingModule.Name));
}

sealed class RoutingPostgresDesign : IDesignTimeDbContextFactory<RoutingPostgresContext>
{
    public RoutingPostgresContext CreateDbContext(string[] args) => new(DesignTimeContext.Postgres<RoutingPostgresContext>(RoutingModule.Name));
}
