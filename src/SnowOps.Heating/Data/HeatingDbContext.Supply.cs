using Microsoft.EntityFrameworkCore;
using SnowOps.Heating.Forecasts;
using SnowOps.Heating.Supply;

namespace SnowOps.Heating.Data;

public partial class HeatingDbContext
{
    public DbSet<ForecastIssue> ForecastIssues => Set<ForecastIssue>();
    public DbSet<ForecastPoint> ForecastPoints => Set<ForecastPoint>();
    public DbSet<SupplyAdvice> SupplyAdvice => Set<SupplyAdvice>();
    public DbSet<SupplyRaise> SupplyRaises => Set<SupplyRaise>();

    /// <summary>Outdoor forecasts, the supply raises of snow events, and the last advice per heat station.</summary>
    void OnSupplyCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ForecastIssue>(f =>
        {
            f.ToTable("forecast_issues");
            f.HasKey(x => x.Id);
            f.HasIndex(x => new { x.Source, x.Zone, x.Issued }).IsUnique();
            f.HasIndex(x => new { x.Zone, x.Until });
            f.Property(x => x.Source).HasMaxLength(64);
            f.Property(x => x.Zone).HasMaxLength(128);
            f.Property(x => x.ReceivedBy).HasMaxLength(128);
            f.HasMany(x => x.Points).WithOne().HasForeignKey(p => p.IssueId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ForecastPoint>(p =>
        {
            p.ToTable("forecast_points");
            p.HasKey(x => new { x.IssueId, x.At });
        });
        modelBuilder.Entity<SupplyRaise>(r =>
        {
            r.ToTable("supply_raises");
            r.HasKey(x => x.SnowEventId);
        });
        modelBuilder.Entity<SupplyAdvice>(a =>
        {
            a.ToTable("supply_advice");
            a.HasKey(x => x.StationId);
            a.HasIndex(x => x.CompanyId);
            a.Property(x => x.StationId).HasMaxLength(128);
            a.Property(x => x.CompanyId).HasMaxLength(128);
        });
    }
}
