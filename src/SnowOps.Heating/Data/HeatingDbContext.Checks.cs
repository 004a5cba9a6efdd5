using Microsoft.EntityFrameworkCore;
using SnowOps.Heating.Checks;

namespace SnowOps.Heating.Data;

public partial class HeatingDbContext
{
    public DbSet<ScheduledCheck> ScheduledChecks => Set<ScheduledCheck>();
    public DbSet<ColdOperation> ColdOperations => Set<ColdOperation>();

    /// <summary>Scheduled temperature checks and the cold operations that raise their frequency.</summary>
    void OnChecksCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ScheduledCheck>(c =>
        {
            c.ToTable("scheduled_checks");
            c.HasKey(x => x.Id);
            c.HasIndex(x => x.SourceKey).IsUnique();
            c.HasIndex(x => new { x.CompoundId, x.State });
            c.HasIndex(x => new { x.Day, x.CompanyId });
            c.HasIndex(x => x.State);
            c.Property(x => x.CompoundId).HasMaxLength(128);
            c.Property(x => x.CompanyId).HasMaxLength(128);
            c.Property(x => x.SourceKey).HasMaxLength(128);
            c.Property(x => x.State).HasMaxLength(16);
            c.Property(x => x.Day).HasMaxLength(10);
        });
        modelBuilder.Entity<ColdOperation>(o =>
        {
            o.ToTable("cold_operations");
            o.HasKey(x => x.Id);
            o.Property(x => x.Id).HasMaxLength(64);
            o.Property(x => x.Kind).HasMaxLength(32);
            o.Property(x => x.First).HasMaxLength(512);
            o.Ignore(x => x.FirstCompounds);
        });
    }
}
