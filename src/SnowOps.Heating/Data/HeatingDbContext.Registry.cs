using Microsoft.EntityFrameworkCore;
using SnowOps.Heating.Registry;

namespace SnowOps.Heating.Data;

public partial class HeatingDbContext
{
    /// <summary>Companies, heat stations and compounds.</summary>
    void OnRegistryCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<HeatingCompany>(c =>
        {
            c.ToTable("companies");
            c.HasKey(x => x.CompanyId);
            c.Property(x => x.CompanyId).HasMaxLength(128);
            c.Property(x => x.Name).HasMaxLength(256);
            c.Property(x => x.Zone).HasMaxLength(128);
            c.Ignore(x => x.DailyCapacity);
        });
        modelBuilder.Entity<HeatStation>(s =>
        {
            s.ToTable("stations");
            s.HasKey(x => x.StationId);
            s.HasIndex(x => x.CompanyId);
            s.Property(x => x.StationId).HasMaxLength(128);
            s.Property(x => x.CompanyId).HasMaxLength(128);
            s.Property(x => x.Name).HasMaxLength(256);
            if (Database.IsNpgsql())
                s.Property(x => x.Location).HasColumnType("geometry(Geometry,4326)");
        });
        modelBuilder.Entity<Compound>(c =>
        {
            c.ToTable("compounds");
            c.HasKey(x => x.CompoundId);
            c.HasIndex(x => x.CompanyId);
            c.HasIndex(x => x.StationId);
            c.Property(x => x.CompoundId).HasMaxLength(128);
            c.Property(x => x.Name).HasMaxLength(256);
            c.Property(x => x.CompanyId).HasMaxLength(128);
            c.Property(x => x.StationId).HasMaxLength(128);
            c.Property(x => x.Address).HasMaxLength(512);
            c.Property(x => x.Version).IsConcurrencyToken();
            if (Database.IsNpgsql())
                c.Property(x => x.Geometry).HasColumnType("geometry(Geometry,4326)");
        });
    }
}
