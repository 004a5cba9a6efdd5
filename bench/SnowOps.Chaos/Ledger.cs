using Npgsql;
using SnowOps.Contracts;

namespace SnowOps.Chaos;

/// <summary>
/// The books of one fault, read from PostgreSQL once the run is quiet: Dispatch's tasks beside the read model's rows.
/// A task is stored when the read model has it completed; lost when the bot's completion was confirmed and the read model
/// does not have it completed; a duplicate when Dispatch applied its completion more than once (its version moved by more
/// than one); in a wrong state when the two disagree on anything but a missing completion (the state, the crew, the
/// completion time: a second completion taken by the read model would show there, since it keeps one row per task) or
/// either shows a state the run cannot lead to.
/// </summary>
public sealed record Ledger(int Stored, int Lost, int LostInDispatch, int NotPublished, int Duplicates, int WrongState)
{
    /// <summary>Every task back to assigned, in Dispatch and in the read model, so the next fault starts from the same city.</summary>
    public static async Task ResetAsync(NpgsqlDataSource db, Guid snowEventId)
    {
        await using var command = db.CreateCommand("""
            UPDATE dispatch.tasks SET "State" = 'Assigned', "Completed" = NULL, "Note" = NULL WHERE "SnowEventId" = @e;
            UPDATE status.tasks SET "State" = 'Assigned', "StateChanged" = NULL WHERE "SnowEventId" = @e;
            """);
        command.Parameters.AddWithValue("e", snowEventId);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Each task's version in Dispatch: a completion applied once moves it by one.</summary>
    public static async Task<Dictionary<Guid, int>> VersionsAsync(NpgsqlDataSource db, Guid snowEventId)
    {
        var versions = new Dictionary<Guid, int>();
        await using var command = db.CreateCommand("""SELECT "Id", "Version" FROM dispatch.tasks WHERE "SnowEventId" = @e""");
        command.Parameters.AddWithValue("e", snowEventId);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            versions[reader.GetGuid(0)] = reader.GetInt32(1);
        return versions;
    }

    public static async Task<Ledger> ReadAsync(NpgsqlDataSource db, Guid snowEventId, Dictionary<Guid, int> versionsBefore, ChangeWatch changes)
    {
        int stored = 0, lost = 0, lostInDispatch = 0, notPublished = 0, duplicates = 0, wrong = 0;
        await using var command = db.CreateCommand("""
            SELECT d."Id", d."State", d."Completed", d."CrewId", d."Version", s."State", s."StateChanged", s."CrewId"
              FROM dispatch.tasks d LEFT JOIN status.tasks s ON s."TaskId" = d."Id"
             WHERE d."SnowEventId" = @e
            """);
        command.Parameters.AddWithValue("e", snowEventId);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var id = reader.GetGuid(0);
            var dispatch = Enum.Parse<TaskState>(reader.GetString(1));
            var completed = reader.IsDBNull(2) ? (DateTimeOffset?)null : reader.GetFieldValue<DateTimeOffset>(2);
            var crew = reader.IsDBNull(3) ? null : reader.GetString(3);
            var status = reader.IsDBNull(5) ? (TaskState?)null : Enum.Parse<TaskState>(reader.GetString(5));
            var changed = reader.IsDBNull(6) ? (DateTimeOffset?)null : reader.GetFieldValue<DateTimeOffset>(6);
            var statusCrew = reader.IsDBNull(7) ? null : reader.GetString(7);

            if (reader.GetInt32(4) - versionsBefore.GetValueOrDefault(id) > 1)
                duplicates++;
            if (status == TaskState.Completed)
            {
                stored++;
                if (dispatch != TaskState.Completed || changed != completed || statusCrew != crew)
                    wrong++;
                continue;
            }
            lost++;
            if (dispatch != TaskState.Completed)
                lostInDispatch++;
            else if (changes.PublishedFor(id) == 0)
                notPublished++;
            if (dispatch is not (TaskState.Assigned or TaskState.Completed) || status is not (null or TaskState.Assigned))
                wrong++;
        }
        return new Ledger(stored, lost, lostInDispatch, notPublished, duplicates, wrong);
    }
}
