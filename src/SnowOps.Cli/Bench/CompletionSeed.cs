using Npgsql;
using NpgsqlTypes;
using SnowOps.Contracts;

namespace SnowOps.Cli.Bench;

/// <summary>A task the bot will report completed, and the crew holding it.</summary>
public sealed record SeededTask(Guid TaskId, string CrewId);

/// <summary>
/// Seeds a run's database once Dispatch and Status have migrated it: assigned tasks given round-robin to the crews on
/// Dispatch's roster (the host's own configuration), each of a kind its crew takes, in Dispatch's tasks table and, as
/// their TaskAssigned would have left them, in the Status read model. Written with COPY, so seeding N tasks takes a
/// moment rather than N messages.
/// </summary>
public static class CompletionSeed
{
    /// <summary>The version Dispatch's row has when seeded: one completion makes it exactly this plus one.</summary>
    public const int SeededVersion = 1;

    public static async Task<List<SeededTask>> SeedAsync(string database, Guid snowEventId, int count, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(cancellationToken);
        var crews = await CrewsAsync(connection, cancellationToken);
        // Dispatch writes its roster from configuration as it starts; give it a moment if the rows are not there yet.
        for (var attempt = 0; crews.Count == 0 && attempt < 20; attempt++)
        {
            await Task.Delay(500, cancellationToken);
            crews = await CrewsAsync(connection, cancellationToken);
        }
        if (crews.Count == 0)
            throw new StormSetupException("Dispatch started with no crew on its roster (SnowOps:Dispatch:Crews); the benchmark's tasks need crews to hold them.");

        var now = DateTime.UtcNow;
        var tasks = Enumerable.Range(0, count).Select(i =>
        {
            var (crew, kinds) = crews[i % crews.Count];
            var kind = kinds.Count > 0 ? kinds[i / crews.Count % kinds.Count] : Enum.GetValues<TaskKind>()[i / crews.Count % 3];
            return (Task: new SeededTask(Guid.NewGuid(), crew), Kind: kind.ToString(), Title: $"Completion benchmark task {i + 1}", Key: $"bench:{i + 1}");
        }).ToList();

        await using (var dispatch = await connection.BeginBinaryImportAsync(
            """COPY dispatch.tasks ("Id", "SnowEventId", "SourceKey", "Kind", "Title", "State", "CrewId", "Assigned", "Sent", "LastSent", "DeclinedBy", "Version") FROM STDIN (FORMAT BINARY)""",
            cancellationToken))
        {
            foreach (var t in tasks)
            {
                await dispatch.StartRowAsync(cancellationToken);
                await dispatch.WriteAsync(t.Task.TaskId, NpgsqlDbType.Uuid, cancellationToken);
                await dispatch.WriteAsync(snowEventId, NpgsqlDbType.Uuid, cancellationToken);
                await dispatch.WriteAsync(t.Key, NpgsqlDbType.Varchar, cancellationToken);
                await dispatch.WriteAsync(t.Kind, NpgsqlDbType.Varchar, cancellationToken);
                await dispatch.WriteAsync(t.Title, NpgsqlDbType.Varchar, cancellationToken);
                await dispatch.WriteAsync(nameof(TaskState.Assigned), NpgsqlDbType.Varchar, cancellationToken);
                await dispatch.WriteAsync(t.Task.CrewId, NpgsqlDbType.Varchar, cancellationToken);
                await dispatch.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
                await dispatch.WriteAsync(1, NpgsqlDbType.Integer, cancellationToken);
                await dispatch.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
                await dispatch.WriteAsync("", NpgsqlDbType.Varchar, cancellationToken);
                await dispatch.WriteAsync(SeededVersion, NpgsqlDbType.Integer, cancellationToken);
            }
            await dispatch.CompleteAsync(cancellationToken);
        }

        await using (var status = await connection.BeginBinaryImportAsync(
            """COPY status.tasks ("TaskId", "SnowEventId", "Kind", "Title", "CrewId", "State", "Assigned", "StateChanged", "SourceKey", "Problems") FROM STDIN (FORMAT BINARY)""",
            cancellationToken))
        {
            foreach (var t in tasks)
            {
                await status.StartRowAsync(cancellationToken);
                await status.WriteAsync(t.Task.TaskId, NpgsqlDbType.Uuid, cancellationToken);
                await status.WriteAsync(snowEventId, NpgsqlDbType.Uuid, cancellationToken);
                await status.WriteAsync(t.Kind, NpgsqlDbType.Varchar, cancellationToken);
                await status.WriteAsync(t.Title, NpgsqlDbType.Text, cancellationToken);
                await status.WriteAsync(t.Task.CrewId, NpgsqlDbType.Text, cancellationToken);
                await status.WriteAsync(nameof(TaskState.Assigned), NpgsqlDbType.Varchar, cancellationToken);
                await status.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
                await status.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
                await status.WriteAsync(t.Key, NpgsqlDbType.Text, cancellationToken);
                await status.WriteAsync(0, NpgsqlDbType.Integer, cancellationToken);
            }
            await status.CompleteAsync(cancellationToken);
        }
        await using (var analyze = new NpgsqlCommand("ANALYZE dispatch.tasks; ANALYZE status.tasks", connection))
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        return tasks.Select(t => t.Task).ToList();
    }

    static async Task<List<(string Id, List<TaskKind> Kinds)>> CrewsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var query = new NpgsqlCommand("""SELECT "Id", "Kinds" FROM dispatch.crews WHERE NOT "Retired" ORDER BY "Id" """, connection);
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        var crews = new List<(string, List<TaskKind>)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var kinds = reader.GetString(1).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(k => Enum.TryParse<TaskKind>(k, out var kind) ? kind : (TaskKind?)null).OfType<TaskKind>().ToList();
            crews.Add((reader.GetString(0), kinds));
        }
        return crews;
    }
}
