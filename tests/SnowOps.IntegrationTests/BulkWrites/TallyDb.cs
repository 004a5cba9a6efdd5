using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using SnowOps.IntegrationTests.Infrastructure;
using SnowOps.ServiceDefaults.Data;

namespace SnowOps.IntegrationTests.BulkWrites;

public enum TallyState
{
    Open,
    Done,
}

/// <summary>A row shaped as SnowOps' task rows are: an enum kept as text, a version as concurrency token, nullable times and notes.</summary>
public sealed class Tally
{
    public Guid Id { get; set; }
    public TallyState State { get; set; }
    public int Version { get; set; }
    public DateTimeOffset? Done { get; set; }
    public string? Note { get; set; }
    public double? Share { get; set; }
}

public sealed class TallyDb(DbContextOptions<TallyDb> options) : DbContext(options)
{
    public DbSet<Tally> Tallies => Set<Tally>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UsePostgresConventions();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema("bulk_spec");
        modelBuilder.Entity<Tally>(t =>
        {
            t.ToTable("tallies");
            t.HasKey(x => x.Id);
            t.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
            t.Property(x => x.Version).IsConcurrencyToken();
            t.Property(x => x.Note).HasMaxLength(64);
        });
    }
}

/// <summary>Counts the statements each kind of command sent to the database.</summary>
public sealed class Statements : DbCommandInterceptor
{
    readonly List<string> _sent = [];

    public IReadOnlyList<string> Sent
    {
        get
        {
            lock (_sent)
                return [.. _sent];
        }
    }

    public int Count(string verb) => Sent.Count(s => s.TrimStart().StartsWith(verb, StringComparison.OrdinalIgnoreCase));

    public void Clear()
    {
        lock (_sent)
            _sent.Clear();
    }

    void Note(DbCommand command)
    {
        lock (_sent)
            _sent.AddRange(command.CommandText.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Note(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}

/// <summary>The tallies' table in a database of the run's PostgreSQL.</summary>
public sealed class TallyWorld : IAsyncDisposable
{
    readonly RealInfrastructure _infra = new();

    public Statements Statements { get; } = new();

    public static async Task<TallyWorld> StartAsync()
    {
        var world = new TallyWorld();
        await world._infra.InitializeAsync();
        await using var db = world.Open();
        // The run's database has PostGIS's tables already, so EnsureCreated would see it as made.
        await db.GetService<IRelationalDatabaseCreator>().CreateTablesAsync();
        return world;
    }

    public TallyDb Open()
    {
        var options = new DbContextOptionsBuilder<TallyDb>();
        DatabaseExtensions.UsePostgres(options, _infra.PostgresConnection, "bulk_spec");
        options.AddInterceptors(Statements);
        return new TallyDb(options.Options);
    }

    public async Task<List<Guid>> SeedAsync(int count)
    {
        await using var db = Open();
        var tallies = Enumerable.Range(0, count).Select(i => new Tally { Id = Guid.NewGuid(), Note = $"seed {i}" }).ToList();
        db.Tallies.AddRange(tallies);
        await db.SaveChangesAsync();
        Statements.Clear();
        return [.. tallies.Select(t => t.Id)];
    }

    /// <summary>Saves in a transaction, as a unit of work does.</summary>
    public static Task<bool> SaveInUnitAsync(TallyDb db) => db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var saved = await db.SaveInBulkAsync(CancellationToken.None);
        await transaction.CommitAsync();
        return saved;
    });

    public async Task<Dictionary<Guid, Tally>> ReadAsync()
    {
        await using var db = Open();
        return await db.Tallies.AsNoTracking().ToDictionaryAsync(t => t.Id);
    }

    public async ValueTask DisposeAsync() => await _infra.DisposeAsync();
}
