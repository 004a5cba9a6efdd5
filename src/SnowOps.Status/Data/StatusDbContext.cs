using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SnowOps.ServiceDefaults.Data;
using SnowOps.ServiceDefaults.Messaging.Outbox;
using SnowOps.Status.Audit;
using SnowOps.Status.Projections;

namespace SnowOps.Status.Data;

public class StatusDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<AlertRow> Alerts => Set<AlertRow>();
    public DbSet<SnowEventRow> SnowEvents => Set<SnowEventRow>();
    public DbSet<TaskRow> Tasks => Set<TaskRow>();
    public DbSet<TaskProblemRow> TaskProblems => Set<TaskProblemRow>();
    public DbSet<RouteRow> Routes => Set<RouteRow>();
    public DbSet<RoutePlanRow> RoutePlans => Set<RoutePlanRow>();
    public DbSet<CompoundReadingRow> CompoundReadings => Set<CompoundReadingRow>();
    public DbSet<DeficiencyRow> Deficiencies => Set<DeficiencyRow>();
    public DbSet<AuditRow> Audit => Set<AuditRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // One schema per module in PostgreSQL; in the embedded mode each module has its own SQLite file instead.
        if (Database.IsNpgsql())
            modelBuilder.HasDefaultSchema(DatabaseExtensions.SchemaOf(StatusModule.Name));
        modelBuilder.AddOutboxTables();
        modelBuilder.Entity<AlertRow>(a =>
        {
            a.ToTable("alerts");
            a.HasKey(x => x.AlertId);
            a.Property(x => x.Hazard).HasConversion<string>().HasMaxLength(32);
            a.Property(x => x.Level).HasConversion<string>().HasMaxLength(16);
        });
        modelBuilder.Entity<SnowEventRow>(e =>
        {
            e.ToTable("snow_events");
            e.HasKey(x => x.SnowEventId);
            e.Property(x => x.Hazard).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Level).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Phase).HasConversion<string>().HasMaxLength(16);
        });
        modelBuilder.Entity<TaskRow>(t =>
        {
            t.ToTable("tasks");
            t.HasKey(x => x.TaskId);
            t.HasIndex(x => new { x.SnowEventId, x.State });
            t.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
            t.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        });
        modelBuilder.Entity<TaskProblemRow>(p =>
        {
            p.ToTable("task_problems");
            p.HasKey(x => new { x.TaskId, x.Reported });
        });
        modelBuilder.Entity<RouteRow>(r =>
        {
            r.ToTable("routes");
            r.HasKey(x => new { x.SnowEventId, x.RouteId });
        });
        modelBuilder.Entity<RoutePlanRow>(p =>
        {
            p.ToTable("route_plans");
            p.HasKey(x => x.SnowEventId);
        });
        modelBuilder.Entity<CompoundReadingRow>(c =>
        {
            c.ToTable("compound_readings");
            c.HasKey(x => x.CompoundId);
        });
        modelBuilder.Entity<AuditRow>(a =>
        {
            a.ToTable("audit");
            a.HasKey(x => x.AuditId);
            a.HasIndex(x => x.Who);
            a.Property(x => x.Method).HasMaxLength(8);
        });
        modelBuilder.Entity<DeficiencyRow>(d =>
        {
            d.ToTable("heating_deficiencies");
            d.HasKey(x => x.DeficiencyId);
            d.HasIndex(x => x.ReadingId);
        });
    }
}

/// <summary>Carries the SQLite migrations.</summary>
public sealed class StatusSqliteContext(DbContextOptions<StatusSqliteContext> options) : StatusDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseSqliteConventions();
}

/// <summary>Carries the PostgreSQL migrations.</summary>
public sealed class StatusPostgresContext(DbContextOptions<StatusPostgresContext> options) : StatusDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UsePostgresConventions();
}

sealed class StatusSqliteDesign : IDesignTimeDbContextFactory<StatusSqliteContext>
{
    public StatusSqliteContext CreateDbContext(string[] args) => new(DesignTimeContext.Sqlite<StatusSqliteContext>(StatusModule.Name));
}

sealed class StatusPostgresDesign : IDesignTimeDbContextFactory<StatusPostgresContext>
{
    public StatusPostgresContext CreateDbContext(string[] args) => new(DesignTimeContext.Postgres<StatusPostgresContext>(StatusModule.Name));
}
