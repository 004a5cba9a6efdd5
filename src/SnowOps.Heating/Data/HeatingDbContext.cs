using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SnowOps.Heating.Readings;
using SnowOps.Heating.Registry;
using SnowOps.ServiceDefaults.Data;
using SnowOps.ServiceDefaults.Messaging.Outbox;

namespace SnowOps.Heating.Data;

public partial class HeatingDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<TemperatureReading> Readings => Set<TemperatureReading>();
    public DbSet<HeatingCompany> Companies => Set<HeatingCompany>();
    public DbSet<HeatStation> Stations => Set<HeatStation>();
    public DbSet<Compound> Compounds => Set<Compound>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // One schema per module in PostgreSQL; in the embedded mode each module has its own SQLite file instead.
        if (Database.IsNpgsql())
            modelBuilder.HasDefaultSchema(DatabaseExtensions.SchemaOf(HeatingModule.Name));
        modelBuilder.AddOutboxTables();
        modelBuilder.Entity<TemperatureReading>(r =>
        {
            r.ToTable("readings");
            r.HasKey(x => x.Id);
            r.HasIndex(x => new { x.CompoundId, x.Measured });
            r.Property(x => x.CompoundId).HasMaxLength(128);
            r.Property(x => x.Home).HasMaxLength(64);
            r.Property(x => x.InspectorId).HasMaxLength(128);
        });
        OnRegistryCreating(modelBuilder);
        OnDeficienciesCreating(modelBuilder);
        OnSupplyCreating(modelBuilder);
        OnComplaintsCreating(modelBuilder);
        OnChecksCreating(modelBuilder);
    }
}

/// <summary>Carries the SQLite migrations.</summary>
public sealed class HeatingSqliteContext(DbContextOptions<HeatingSqliteContext> options) : HeatingDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseSqliteConventions();
}

/// <summary>Carries the PostgreSQL migrations.</summary>
public sealed class HeatingPostgresContext(DbContextOptions<HeatingPostgresContext> options) : HeatingDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UsePostgresConventions();
}

sealed class HeatingSqliteDesign : IDesignTimeDbContextFactory<HeatingSqliteContext>
{
    public HeatingSqliteContext CreateDbContext(string[] args) => new(DesignTimeContext.Sqlite<HeatingSqliteContext>(HeatingModule.Name));
}

sealed class HeatingPostgresDesign : IDesignTimeDbContextFactory<HeatingPostgresContext>
{
    public HeatingPostgresContext CreateDbContext(string[] args) => new(DesignTimeContext.Postgres<HeatingPostgresContext>(HeatingModule.Name));
}
