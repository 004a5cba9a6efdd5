using Microsoft.EntityFrameworkCore;
using SnowOps.Heating.Deficiencies;
using SnowOps.Heating.Readings;

namespace SnowOps.Heating.Data;

public partial class HeatingDbContext
{
    public DbSet<Deficiency> Deficiencies => Set<Deficiency>();
    public DbSet<HeatingTask> HeatingTasks => Set<HeatingTask>();

    /// <summary>Deficiencies, the tasks Heating follows, and what a measurement's judgement adds to it.</summary>
    void OnDeficienciesCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TemperatureReading>(r =>
        {
            r.Property(x => x.Verdict).HasMaxLength(512);
            r.HasIndex(x => new { x.Counted, x.Measured });
        });
        modelBuilder.Entity<Deficiency>(d =>
        {
            d.ToTable("deficiencies");
            d.HasKey(x => x.Id);
            d.HasIndex(x => new { x.CompoundId, x.Found });
            d.HasIndex(x => new { x.CompanyId, x.Found });
            d.Property(x => x.CompoundId).HasMaxLength(128);
            d.Property(x => x.CompanyId).HasMaxLength(128);
            d.Property(x => x.Version).IsConcurrencyToken();
            d.Ignore(x => x.IsOpen);
        });
        modelBuilder.Entity<HeatingTask>(t =>
        {
            t.ToTable("dispatch_tasks");
            t.HasKey(x => x.TaskId);
            t.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
            t.Property(x => x.State).HasConversion<string>().HasMaxLength(32);
            t.Property(x => x.SourceKey).HasMaxLength(256);
            t.Property(x => x.SubjectId).HasMaxLength(128);
        });
    }
}
