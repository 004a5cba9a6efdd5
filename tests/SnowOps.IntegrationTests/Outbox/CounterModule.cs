using MassTransit;
using Microsoft.EntityFrameworkCore;
using SnowOps.ServiceDefaults.Messaging.Outbox;

namespace SnowOps.IntegrationTests.Outbox;

/// <summary>
/// The smallest module with an outbox: counters in its own database, a consumer that raises one and says so, and a second
/// consumer of the same command that keeps its own tally. Every consumer of this assembly runs through the inbox.
/// </summary>
public sealed class CounterDb(DbContextOptions<CounterDb> options) : DbContext(options)
{
    public const string Schema = "outbox_spec";

    public DbSet<Counter> Counters => Set<Counter>();
    public DbSet<Raise> Raises => Set<Raise>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        if (Database.IsNpgsql())
            modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.AddOutboxTables();
        modelBuilder.Entity<Counter>(c =>
        {
            c.ToTable("counters");
            c.HasKey(x => x.Id);
            c.Property(x => x.Id).HasMaxLength(64);
        });
        modelBuilder.Entity<Raise>(r =>
        {
            r.ToTable("raises");
            r.HasKey(x => x.Id);
            r.Property(x => x.CounterId).HasMaxLength(64);
        });
    }

    /// <summary>
    /// Raises a counter in the database itself (no read-modify-write that two copies could both base on) and logs the
    /// handling, so a message handled twice shows in both.
    /// </summary>
    public async Task RaiseAsync(string counterId, CancellationToken cancellationToken)
    {
        var changed = await Counters.Where(c => c.Id == counterId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Value, c => c.Value + 1), cancellationToken);
        if (changed != 1)
            throw new InvalidOperationException($"No counter {counterId}");
        Raises.Add(new Raise { Id = Guid.NewGuid(), CounterId = counterId });
        await SaveChangesAsync(cancellationToken);
    }
}

public sealed class Counter
{
    public string Id { get; set; } = "";
    public int Value { get; set; }
}

/// <summary>One handling of a raise: how many times a counter was raised, independent of its value.</summary>
public sealed class Raise
{
    public Guid Id { get; set; }
    public string CounterId { get; set; } = "";
}

public sealed record RaiseCounter(string CounterId, bool Fail = false);

public sealed record CounterRaised(string CounterId, string Note);

/// <summary>Raises the counter, publishes that it did, and fails afterwards when the command says so.</summary>
public sealed class RaiseCounterConsumer(CounterDb db) : IConsumer<RaiseCounter>
{
    public async Task Consume(ConsumeContext<RaiseCounter> context)
    {
        await db.RaiseAsync(context.Message.CounterId, context.CancellationToken);
        await context.Publish(new CounterRaised(context.Message.CounterId, "raised"));
        if (context.Message.Fail)
            throw new InvalidOperationException($"Raising {context.Message.CounterId} fails after saving and publishing");
    }
}

/// <summary>A second consumer of the same command, on its own endpoint, with its own counter.</summary>
public sealed class TallyConsumer(CounterDb db) : IConsumer<RaiseCounter>
{
    public Task Consume(ConsumeContext<RaiseCounter> context) => db.RaiseAsync(TallyOf(context.Message.CounterId), context.CancellationToken);

    public static string TallyOf(string counterId) => counterId + "/tally";
}
