using Microsoft.EntityFrameworkCore;
using SnowOps.Heating.Complaints;

namespace SnowOps.Heating.Data;

public partial class HeatingDbContext
{
    public DbSet<Complaint> Complaints => Set<Complaint>();

    /// <summary>Complaints from hotlines and citizen-service systems.</summary>
    void OnComplaintsCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Complaint>(c =>
    {
        c.ToTable("complaints");
        c.HasKey(x => x.Id);
        c.HasIndex(x => new { x.Source, x.ServiceRequestId }).IsUnique();
        c.HasIndex(x => new { x.CompoundId, x.Requested });
        c.HasIndex(x => x.NeedsPerson);
        c.Property(x => x.Source).HasMaxLength(64);
        c.Property(x => x.ServiceRequestId).HasMaxLength(128);
        c.Property(x => x.ServiceCode).HasMaxLength(64);
        c.Property(x => x.Description).HasMaxLength(4000);
        c.Property(x => x.Address).HasMaxLength(512);
        c.Property(x => x.CompoundId).HasMaxLength(128);
        c.Property(x => x.AssignedBy).HasMaxLength(128);
        c.Property(x => x.MatchedBy).HasConversion<string>().HasMaxLength(16);
    });
}
