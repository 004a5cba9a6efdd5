using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SnowOps.Dispatch.SnowEvents;
using SnowOps.Dispatch.Tasks;
using SnowOps.ServiceDefaults.Data;

namespace SnowOps.Dispatch.Data;

public class DispatchDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<SnowEventState> SnowEvents => Set<SnowEventState>();
    public DbSet<CrewTask> Tasks => Set<CrewTask>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // One schema per module in PostgreSQL; in the embedded mode each module has its own SQLite file instead.
        if (Database.IsNpgsql())
            modelBuilder.HasDefaultSchema(DatabaseExtensions.SchemaOf(DispatchModule.Name));
        modelBuilder.Entity<SnowEventState>(e =>
        {
            e.ToTable("snow_events");
            e.HasKey(x => x.CorrelationId);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Property(x => x.CurrentState).HasMaxLength(32);
            e.Property(x => x.Hazard).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Level).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Title).HasMaxLength(256);
            e.Property(x => x.PlanName).HasMaxLength(128);
            e.HasIndex(x => x.AlertId);
        });
        modelBuilder.Entity<CrewTask>(t =>
        {
            t.ToTable("tasks");
            t.HasKey(x => x.Id);
            t.HasIndex(x => new { x.SnowEventId, x.SourceKey }).IsUnique();
            t.HasIndex(x => new { x.CrewId, x.State });
            t.Property(x => x.Version).IsConcurrencyToken();
            t.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
            t.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
            t.Property(x => x.SourceKey).HasMaxLength(128);
            t.Property(x => x.Title).HasMaxLength(256);
            if (Database.IsNpgsql())
                t.Property(x => x.Geometry).HasColumnType("geometry(Geometry,4326)");
        });
    }
}

/// <summary>Carries the SQLite migrations.</summary>
public sealed class DispatchSqliteContext(DbContextOptions<DispatchSqliteContext> options) : DispatchDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseSqliteConventions();
}

/// <summary>Carries the PostgreSQL/PostGIS migrations.</summary>
public sealed class DispatchPostgresContext(DbContextOptions<DispatchPostgresContext> options) : DispatchDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UsePostgresConventions();
}

sealed class DispatchSqliteDesign : IDesignTimeDbContextFactory<DispatchSqliteContext>
{
    public DispatchSqliteContext CreateDbContext(string[] args) => new(DesignTimeContext.Sqlite<DispatchSqliteContext>(DispatchModule.Name));
}

sealed class DispatchPostgresDesign : IDesignTimeDbContextFactory<DispatchPostgresContext>
{
    public DispatchPostgresContext CreateDbContext(string[] args) => new(DesignTimeContext.Postgres<DispatchPostgresContext>(DispatchModule.Name));
}
