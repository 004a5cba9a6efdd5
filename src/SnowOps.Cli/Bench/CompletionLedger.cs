using Npgsql;

namespace SnowOps.Cli.Bench;

/// <summary>
/// When each task's row in the Status read model turned Completed, and how many times. The read model keeps the event's
/// own time (StateChanged, the crew's report time), not when its row was written; so the run's database gets a trigger of
/// the benchmark's own (schema completions_bench, made after the migrations, gone with the database) that notes, in the
/// projection's own transaction, the database clock when a row of status.tasks becomes Completed, and counts every time
/// it does. The projection's code and tables are not touched; the trigger adds one small insert to its transaction.
/// </summary>
public static class CompletionLedger
{
    public sealed record Verification(int Tasks, int DispatchCompleted, int DispatchOnce, int ReadModelCompleted, int LedgerRows, int LedgerTwice)
    {
        /// <summary>Every task completed in Dispatch with its version raised exactly once, and turned Completed in the read model exactly once.</summary>
        public bool ExactlyOnce => DispatchCompleted == Tasks && DispatchOnce == Tasks && ReadModelCompleted == Tasks && LedgerRows == Tasks && LedgerTwice == 0;
    }

    public static async Task CreateAsync(string database, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(cancellationToken);
        await using var create = new NpgsqlCommand("""
            CREATE SCHEMA completions_bench;
            CREATE TABLE completions_bench.completed (task_id uuid PRIMARY KEY, first_at timestamptz NOT NULL, times integer NOT NULL);
            CREATE FUNCTION completions_bench.note() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO completions_bench.completed VALUES (NEW."TaskId", clock_timestamp(), 1)
                ON CONFLICT (task_id) DO UPDATE SET times = completions_bench.completed.times + 1;
                RETURN NULL;
            END $$;
            CREATE TRIGGER completions_bench_updated AFTER UPDATE ON status.tasks FOR EACH ROW
                WHEN (NEW."State" = 'Completed' AND OLD."State" IS DISTINCT FROM 'Completed') EXECUTE FUNCTION completions_bench.note();
            CREATE TRIGGER completions_bench_inserted AFTER INSERT ON status.tasks FOR EACH ROW
                WHEN (NEW."State" = 'Completed') EXECUTE FUNCTION completions_bench.note();
            """, connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Tasks whose row has turned Completed so far.</summary>
    public static async Task<int> CountAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var count = new NpgsqlCommand("SELECT count(*) FROM completions_bench.completed", connection);
        return Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken));
    }

    /// <summary>When each task's row first turned Completed (UTC).</summary>
    public static async Task<Dictionary<Guid, DateTime>> CompletedAsync(string database, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(cancellationToken);
        await using var query = new NpgsqlCommand("SELECT task_id, first_at FROM completions_bench.completed", connection);
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        var completed = new Dictionary<Guid, DateTime>();
        while (await reader.ReadAsync(cancellationToken))
            completed[reader.GetGuid(0)] = reader.GetDateTime(1);
        return completed;
    }

    public static async Task<Verification> VerifyAsync(string database, int tasks, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(cancellationToken);
        await using var query = new NpgsqlCommand($"""
            SELECT
              (SELECT count(*) FROM dispatch.tasks WHERE "State" = 'Completed' AND "Completed" IS NOT NULL),
              (SELECT count(*) FROM dispatch.tasks WHERE "State" = 'Completed' AND "Version" = {CompletionSeed.SeededVersion + 1}),
              (SELECT count(*) FROM status.tasks WHERE "State" = 'Completed'),
              (SELECT count(*) FROM completions_bench.completed),
              (SELECT count(*) FROM completions_bench.completed WHERE times > 1)
            """, connection);
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new Verification(tasks, (int)reader.GetInt64(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2), (int)reader.GetInt64(3), (int)reader.GetInt64(4));
    }
}
