using System.Globalization;
using System.Security.Cryptography;
using MassTransit;
using Npgsql;
using SnowOps.Contracts;
using SnowOps.Dispatch.SnowEvents;

namespace SnowOps.Chaos;

/// <summary>A seeded task: what the bot side needs to complete it as the crew holding it.</summary>
public sealed record SeededTask(Guid Id, string CrewId);

/// <summary>
/// The run's city: twenty standing street crews and a plan whose one line is N de-icing jobs, given to Dispatch as
/// configuration (added after the host's own plans and crews). Seeding is the real way in: a snow event proposed with the
/// plan and activated, Dispatch creating the tasks and giving them to crews, Status projecting each TaskAssigned.
/// </summary>
public static class ChaosCity
{
    public const string Plan = "chaos-storm";
    const int Crews = 20;
    // Indexes past the host's own lists in appsettings.json: the configuration binder appends them.
    const int FirstIndex = 100;

    /// <summary>The settings every module process gets: the run's broker, database and key.</summary>
    public static Dictionary<string, string> Settings(Servers servers, string dataDir) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Logging__LogLevel__Default"] = "Warning",
        // When each queue is consumed again after a fault.
        ["Logging__LogLevel__SnowOps.ServiceDefaults.Messaging.EndpointLog"] = "Information",
        ["SnowOps__Transport"] = "RabbitMq",
        ["SnowOps__RabbitMq__Host"] = servers.RabbitHost,
        ["SnowOps__RabbitMq__Port"] = servers.RabbitPort.ToString(CultureInfo.InvariantCulture),
        ["SnowOps__RabbitMq__VirtualHost"] = servers.Name,
        ["SnowOps__RabbitMq__Username"] = servers.User,
        ["SnowOps__RabbitMq__Password"] = servers.Password,
        ["SnowOps__Database"] = "Postgres",
        ["ConnectionStrings__Postgres"] = servers.Database,
        ["SnowOps__DataDir"] = dataDir,
        // A distributed host refuses to start without a key; nobody calls the API in this run.
        ["SnowOps__Auth__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
    };

    /// <summary>The plan and crews, as Dispatch's configuration.</summary>
    public static Dictionary<string, string> DispatchSettings(int tasks)
    {
        var plan = $"SnowOps__Dispatch__Plans__{FirstIndex}__";
        var settings = new Dictionary<string, string>
        {
            [plan + "Name"] = Plan,
            [plan + "Hazards__0"] = nameof(Hazard.Snowstorm),
            [plan + "MinLevel"] = nameof(AlertLevel.Orange),
            // Nobody is sent a task again or escalated while the run lasts: every task stays with its crew.
            [plan + "AcceptWithinMinutes"] = "600",
            [plan + "Tasks__0__Kind"] = nameof(TaskKind.DeIcing),
            [plan + "Tasks__0__Title"] = "Salt bridges, ramps and slopes by hand",
            [plan + "Tasks__0__Count"] = tasks.ToString(CultureInfo.InvariantCulture),
            [plan + "Tasks__0__Phase"] = nameof(SnowPhase.Prepare),
            [plan + "Tasks__0__DueHours"] = "6",
        };
        for (var n = 0; n < Crews; n++)
        {
            var crew = $"SnowOps__Dispatch__Crews__{FirstIndex + n}__";
            settings[crew + "Id"] = $"chaos-crew-{n + 1}";
            settings[crew + "Name"] = $"Chaos street crew {n + 1}";
            settings[crew + "Kinds__0"] = nameof(TaskKind.DeIcing);
            settings[crew + "AlwaysOnDuty"] = "true";
        }
        return settings;
    }

    /// <summary>Proposes and activates the run's snow event, and waits until every task is with a crew in Dispatch and in the read model.</summary>
    public static async Task<IReadOnlyList<SeededTask>> SeedAsync(IBus bus, NpgsqlDataSource db, Guid snowEventId, int tasks, TextWriter log)
    {
        var version = await ScalarAsync(db, """SELECT coalesce(max("Version"), 0) FROM dispatch.plan_versions WHERE "Name" = @p""", Plan);
        if (version == 0)
            throw new InvalidOperationException($"Dispatch has no plan {Plan}: the plan in its configuration was refused (see dispatch.log)");
        var now = DateTimeOffset.UtcNow;
        await bus.Publish(new ProposeSnowEvent(snowEventId, null, Hazard.Snowstorm, AlertLevel.Orange, "Chaos run", Plan, now, (int)version,
            "chaos", now.AddHours(6), now.AddHours(24)));
        await UntilAsync(async () => await ScalarAsync(db, """SELECT count(*) FROM dispatch.snow_events WHERE "CorrelationId" = @p""", snowEventId) == 1,
            "Dispatch did not propose the snow event");
        await bus.Publish(new ActivateSnowEvent(snowEventId, "chaos", DateTimeOffset.UtcNow));
        await UntilAsync(async () => await ScalarAsync(db,
                """SELECT count(*) FROM dispatch.tasks WHERE "SnowEventId" = @p AND "CrewId" IS NOT NULL""", snowEventId) == tasks,
            $"Dispatch did not give {tasks} tasks to crews");
        log.WriteLine($"chaos: {tasks:N0} tasks with crews in Dispatch");
        await UntilAsync(async () => await ScalarAsync(db, """SELECT count(*) FROM status.tasks WHERE "SnowEventId" = @p""", snowEventId) == tasks,
            $"the read model did not take {tasks} assigned tasks");

        var seeded = new List<SeededTask>(tasks);
        await using var command = db.CreateCommand("""SELECT "Id", "CrewId" FROM dispatch.tasks WHERE "SnowEventId" = @p ORDER BY "SourceKey" """);
        command.Parameters.AddWithValue("p", snowEventId);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            seeded.Add(new SeededTask(reader.GetGuid(0), reader.GetString(1)));
        return seeded;
    }

    static async Task<long> ScalarAsync(NpgsqlDataSource db, string sql, object parameter)
    {
        await using var command = db.CreateCommand(sql);
        command.Parameters.AddWithValue("p", parameter);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    static async Task UntilAsync(Func<Task<bool>> done, string failure)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!await done())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException(failure + " within 120 s");
            await Task.Delay(250);
        }
    }
}
