using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace SnowOps.Cli.Bench;

/// <summary>The bare-bus baseline's message: one step of one item, sent by a crew like a task report.</summary>
public sealed record BaselinePing(Guid RunId, int Row, int Step);

/// <summary>The one-row baseline's message: the same, for a consumer that updates the item's row.</summary>
public sealed record RowBaselinePing(Guid RunId, int Row, int Step);

/// <summary>Both baselines' answer, published like Dispatch's TaskStateChanged.</summary>
public sealed record BaselinePong(Guid RunId, int Row, int Step);

/// <summary>One row per item for the baseline to update, in the same database as Dispatch's tables.</summary>
public sealed class BaselineRow
{
    public int Id { get; set; }
    public int Changes { get; set; }
}

public sealed class BaselineDbContext(DbContextOptions<BaselineDbContext> options) : DbContext(options)
{
    public DbSet<BaselineRow> Rows => Set<BaselineRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<BaselineRow>(e =>
        {
            e.ToTable(BaselineTable.Name);
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(x => x.Changes).HasColumnName("changes");
        });
}

public static class BaselineTable
{
    public const string Name = "storm_baseline";

    public static int RowOf(int item) => item + 1;

    public static int ItemOf(int row) => row - 1;

    /// <summary>Creates the table with a row for each of <paramref name="rows"/> items.</summary>
    public static async Task CreateAsync(BaselineDbContext db, int rows, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlRawAsync($"CREATE TABLE {Name} (id integer PRIMARY KEY, changes integer NOT NULL)", cancellationToken);
        db.Rows.AddRange(Enumerable.Range(1, rows).Select(id => new BaselineRow { Id = id }));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}

/// <summary>The bare bus: a consumer that only answers.</summary>
public sealed class BaselineAnswerer : IConsumer<BaselinePing>
{
    public Task Consume(ConsumeContext<BaselinePing> context) =>
        context.Publish(new BaselinePong(context.Message.RunId, context.Message.Row, context.Message.Step), context.CancellationToken);
}

/// <summary>
/// The bus and the database: a consumer that reads one row, changes it and saves it (the way Dispatch's consumers write,
/// through EF Core's change tracking), then answers.
/// </summary>
public sealed class RowBaselineRecorder(BaselineDbContext db) : IConsumer<RowBaselinePing>
{
    public async Task Consume(ConsumeContext<RowBaselinePing> context)
    {
        var m = context.Message;
        var row = await db.Rows.FirstAsync(r => r.Id == m.Row, context.CancellationToken);
        row.Changes++;
        await db.SaveChangesAsync(context.CancellationToken);
        await context.Publish(new BaselinePong(m.RunId, m.Row, m.Step), context.CancellationToken);
    }
}
