using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SnowOps.CrewBot.Cards;
using SnowOps.CrewBot.Members;
using SnowOps.CrewBot.WeCom;
using SnowOps.CrewBot.Photos;
using SnowOps.CrewBot.Progress;
using SnowOps.ServiceDefaults.Data;
using SnowOps.ServiceDefaults.Messaging.Outbox;

namespace SnowOps.CrewBot.Data;

public class CrewBotDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<TaskCard> Cards => Set<TaskCard>();
    public DbSet<CrewMember> Members => Set<CrewMember>();
    public DbSet<SentCard> SentCards => Set<SentCard>();
    public DbSet<ProcessedUpdate> ProcessedUpdates => Set<ProcessedUpdate>();
    public DbSet<WeComSentCard> WeComSentCards => Set<WeComSentCard>();
    public DbSet<TaskPhoto> Photos => Set<TaskPhoto>();
    public DbSet<RouteProgress> RouteProgress => Set<RouteProgress>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // One schema per module in PostgreSQL; in the embedded mode each module has its own SQLite file instead.
        if (Database.IsNpgsql())
            modelBuilder.HasDefaultSchema(DatabaseExtensions.SchemaOf(CrewBotModule.Name));
        modelBuilder.AddOutboxTables();
        modelBuilder.Entity<TaskCard>(c =>
        {
            c.ToTable("task_cards");
            c.HasKey(x => x.TaskId);
            c.HasIndex(x => new { x.CrewId, x.State });
            c.Property(x => x.CrewId).HasMaxLength(128);
            c.Property(x => x.Title).HasMaxLength(256);
            c.Property(x => x.SubjectId).HasMaxLength(128);
            c.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
            c.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        });
        modelBuilder.Entity<CrewMember>(m =>
        {
            m.ToTable("crew_members");
            m.HasKey(x => x.MemberId);
            m.HasIndex(x => x.CodeHash).IsUnique();
            // One chat is one member (NULLs are distinct: members not bound yet do not collide).
            m.HasIndex(x => new { x.Messenger, x.ChatId }).IsUnique();
            m.HasIndex(x => x.CrewId);
            m.Property(x => x.CrewId).HasMaxLength(128);
            m.Property(x => x.Name).HasMaxLength(128);
            m.Property(x => x.Language).HasMaxLength(8);
            m.Property(x => x.CodeHash).HasMaxLength(64);
            m.Property(x => x.Messenger).HasMaxLength(16);
            m.Property(x => x.ChatId).HasMaxLength(64);
            m.Property(x => x.Awaiting).HasMaxLength(32);
        });
        modelBuilder.Entity<SentCard>(s =>
        {
            s.ToTable("sent_cards");
            s.HasKey(x => new { x.Messenger, x.ChatId, x.TaskId });
            s.HasIndex(x => x.TaskId);
            s.HasIndex(x => x.Queued);
            s.Property(x => x.Messenger).HasMaxLength(16);
            s.Property(x => x.ChatId).HasMaxLength(64);
            s.Property(x => x.MessageId).HasMaxLength(64);
            s.Property(x => x.ShownCrewId).HasMaxLength(128);
            s.Property(x => x.ShownState).HasConversion<string>().HasMaxLength(16);
        });
        modelBuilder.Entity<ProcessedUpdate>(u =>
        {
            u.ToTable("processed_updates");
            u.HasKey(x => new { x.Messenger, x.UpdateId });
            u.Property(x => x.Messenger).HasMaxLength(16);
        });
        modelBuilder.ApplyConfiguration(new WeComSentCardConfiguration());
        modelBuilder.Entity<TaskPhoto>(p =>
        {
            p.ToTable("task_photos");
            p.HasKey(x => x.PhotoId);
            p.HasIndex(x => new { x.Source, x.TaskId, x.Purpose }).IsUnique();
            p.HasIndex(x => x.TaskId);
            p.Property(x => x.CrewId).HasMaxLength(128);
            p.Property(x => x.Purpose).HasMaxLength(16);
            p.Property(x => x.ContentType).HasMaxLength(64);
            p.Property(x => x.Source).HasMaxLength(160);
        });
        modelBuilder.Entity<RouteProgress>(r =>
        {
            r.ToTable("route_progress");
            r.HasKey(x => x.TaskId);
            // Marks are only added: a save over marks another update changed meanwhile fails, and that update is taken again.
            r.Property(x => x.Ends).IsConcurrencyToken();
            r.Ignore(x => x.SegmentsDone);
            r.Ignore(x => x.Passed);
        });
    }
}

/// <summary>Carries the SQLite migrations.</summary>
public sealed class CrewBotSqliteContext(DbContextOptions<CrewBotSqliteContext> options) : CrewBotDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseSqliteConventions();
}

/// <summary>Carries the PostgreSQL migrations.</summary>
public sealed class CrewBotPostgresContext(DbContextOptions<CrewBotPostgresContext> options) : CrewBotDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UsePostgresConventions();
}

sealed class CrewBotSqliteDesign : IDesignTimeDbContextFactory<CrewBotSqliteContext>
{
    public CrewBotSqliteContext CreateDbContext(string[] args) => new(DesignTimeContext.Sqlite<CrewBotSqliteContext>(CrewBotModule.Name));
}

sealed class CrewBotPostgresDesign : IDesignTimeDbContextFactory<CrewBotPostgresContext>
{
    public CrewBotPostgresContext CreateDbContext(string[] args) => new(DesignTimeContext.Postgres<CrewBotPostgresContext>(CrewBotModule.Name));
}
