using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SnowOps.Contracts;
using SnowOps.Dispatch.Clock;
using SnowOps.Dispatch.Crews;
using SnowOps.Dispatch.Plans;
using SnowOps.Dispatch.SnowEvents;
using SnowOps.Dispatch.Tasks;
using SnowOps.ServiceDefaults.Data;
using SnowOps.ServiceDefaults.Messaging.Outbox;

namespace SnowOps.Dispatch.Data;

public class DispatchDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<SnowEventState> SnowEvents => Set<SnowEventState>();
    public DbSet<CrewTask> Tasks => Set<CrewTask>();
    public DbSet<TimelineEntry> Timeline => Set<TimelineEntry>();
    public DbSet<PlanVersion> Plans => Set<PlanVersion>();
    public DbSet<Crew> Crews => Set<Crew>();
    public DbSet<Shift> Shifts => Set<Shift>();
    public DbSet<TargetWarning> TargetWarnings => Set<TargetWarning>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // One schema per module in PostgreSQL; in the embedded mode each module has its own SQLite file instead.
        if (Database.IsNpgsql())
            modelBuilder.HasDefaultSchema(DatabaseExtensions.SchemaOf(DispatchModule.Name));
        modelBuilder.AddOutboxTables();
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
            e.Property(x => x.ProposedBy).HasMaxLength(128);
            e.Property(x => x.ActivatedBy).HasMaxLength(128);
            e.Property(x => x.SnowfallEndedBy).HasMaxLength(128);
            e.Property(x => x.ClosedBy).HasMaxLength(128);
            e.Property(x => x.CloseReason).HasMaxLength(512);
            e.HasIndex(x => x.AlertId);
            e.HasIndex(x => x.CurrentState);
        });
        modelBuilder.Entity<TimelineEntry>(e =>
        {
            e.ToTable("timeline");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.SnowEventId, x.Key }).IsUnique();
            e.Property(x => x.Key).HasMaxLength(160);
            e.Property(x => x.What).HasMaxLength(256);
            e.Property(x => x.By).HasMaxLength(128);
            e.Property(x => x.Detail).HasMaxLength(1024);
        });
        modelBuilder.Entity<PlanVersion>(e =>
        {
            e.ToTable("plan_versions");
            e.HasKey(x => new { x.Name, x.Version });
            e.Property(x => x.Name).HasMaxLength(128);
            e.Property(x => x.CreatedBy).HasMaxLength(128);
        });
        modelBuilder.Entity<Crew>(e =>
        {
            e.ToTable("crews");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(64);
            e.Property(x => x.Name).HasMaxLength(128);
            e.Property(x => x.Zone).HasMaxLength(64);
            e.Property(x => x.VehicleId).HasMaxLength(64);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Property(x => x.Kinds).HasConversion(
                kinds => string.Join(',', kinds),
                text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<TaskKind>).ToList(),
                new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<TaskKind>>(
                    (a, b) => a!.SequenceEqual(b!), k => k.Aggregate(0, (h, x) => HashCode.Combine(h, x)), k => k.ToList()))
                .HasMaxLength(256);
        });
        modelBuilder.Entity<Shift>(e =>
        {
            e.ToTable("shifts");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.CrewId, x.Start });
            e.Property(x => x.CrewId).HasMaxLength(64);
            e.Property(x => x.VehicleId).HasMaxLength(64);
            e.Property(x => x.Zone).HasMaxLength(64);
            e.Property(x => x.CreatedBy).HasMaxLength(128);
        });
        modelBuilder.Entity<TargetWarning>(e =>
        {
            e.ToTable("target_warnings");
            e.HasKey(x => new { x.SnowEventId, x.Target, x.Kind });
            e.Property(x => x.Target).HasMaxLength(128);
            e.Property(x => x.Kind).HasMaxLength(16);
        });
        modelBuilder.Entity<CrewTask>(t =>
        {
            t.ToTable("tasks");
            t.HasKey(x => x.Id);
            t.HasIndex(x => new { x.SnowEventId, x.SourceKey }).IsUnique();
            t.HasIndex(x => new { x.CrewId, x.State });
            t.HasIndex(x => new { x.State, x.LastSent });
            t.Property(x => x.CrewId).HasMaxLength(64);
            t.Property(x => x.VehicleId).HasMaxLength(64);
            t.Property(x => x.PriorityClass).HasMaxLength(16);
            t.Property(x => x.Zone).HasMaxLength(64);
            t.Property(x => x.SubjectId).HasMaxLength(128);
            t.Property(x => x.DeclinedBy).HasMaxLength(1024);
            t.Property(x => x.Note).HasMaxLength(1024);
            t.Property(x => x.Reason).HasMaxLength(512);
            t.Ignore(x => x.Decliners);
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
