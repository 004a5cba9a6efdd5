using System.Security.Cryptography;
using SnowOps.Contracts;
using SnowOps.IntegrationTests.Infrastructure;

namespace SnowOps.IntegrationTests.Messages;

/// <summary>
/// A real Status process on RabbitMQ and PostgreSQL, messages that it cannot take, and the real <c>snowops messages</c>
/// looking into the queues MassTransit moved them to and moving them back.
/// </summary>
public sealed class When_failed_messages_are_replayed : IAsyncLifetime
{
    const string Projection = "snowops-status-projection";
    const string Errors = Projection + "_error";
    const string Skipped = Projection + "_skipped";
    static readonly string Notes = new('n', 400);

    readonly RealInfrastructure _infra = new();
    readonly string _key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
    RabbitQueues _queues = null!;
    HostProcess? _status;

    public async Task InitializeAsync()
    {
        await _infra.InitializeAsync();
        _queues = new RabbitQueues(_infra);
    }

    public async Task DisposeAsync()
    {
        if (_status is not null)
            await _status.DisposeAsync();
        await _queues.DisposeAsync();
        await _infra.DisposeAsync();
    }

    Task<Cli.Result> Messages(params string[] args) => Cli.RunAsync(["messages", .. args, .. _queues.CliOptions]);

    async Task StartStatusAsync()
    {
        _status = await HostProcess.StartAsync(_infra.HostSettings("Status", _key));
        await Eventually.HoldsAsync(() => _queues.CountAsync(Projection), c => c is not null, "the projection's queue");
    }

    /// <summary>Like Assert.Contains, but a failure prints the whole output, not its first line.</summary>
    static void Shows(string expected, Cli.Result run) =>
        Assert.True(run.Output.Contains(expected, StringComparison.Ordinal), $"'{expected}' is not in:\n{run.Output}\n{run.Error}");

    static WeatherAlertIssued Alert(Guid id) =>
        new(id, "urn:oid:2.49.0.1.276.0.DWD.PVW." + id.ToString("N"), "CAP@dwd.de", Hazard.Snowstorm, AlertLevel.Orange, "heavy snowfall",
            "Heavy snowfall", "Berchtesgadener Land", null, DateTimeOffset.UtcNow, null, null, []);

    Task<long> AlertRowsAsync(Guid alertId) =>
        _infra.ScalarAsync<long>($"SELECT count(*) FROM status.alerts WHERE \"AlertId\" = '{alertId}'");

    [Fact]
    public async Task Should_move_messages_that_failed_while_the_database_refused_them_back_where_they_are_then_taken()
    {
        await StartStatusAsync();
        // The read model refuses new alerts for a while, as a database in maintenance or out of space would.
        await _infra.ScalarAsync<object>("""
            CREATE FUNCTION status.refuse_alerts() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'alerts are closed for maintenance'; END $$;
            CREATE TRIGGER refuse_alerts BEFORE INSERT ON status.alerts FOR EACH ROW EXECUTE FUNCTION status.refuse_alerts();
            """);
        var (first, firstAlert, second, secondAlert) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await _queues.SendEnvelopeAsync(Projection, first, "urn:message:SnowOps.Contracts:WeatherAlertIssued", Alert(firstAlert));
        await Eventually.HoldsAsync(() => _queues.CountAsync(Errors), c => c == 1, "the first alert in the error queue after the retries");
        await _queues.SendEnvelopeAsync(Projection, second, "urn:message:SnowOps.Contracts:WeatherAlertIssued", Alert(secondAlert));
        await Eventually.HoldsAsync(() => _queues.CountAsync(Errors), c => c == 2, "the second alert in the error queue after the retries");

        var list = await Messages("list");
        Assert.Equal(0, list.ExitCode);
        Assert.Matches($@"(?m)^{Errors}\s+{Projection}\s+2$", list.Output);

        var show = await Messages("show", Errors, "--take", "1");
        Assert.Equal(0, show.ExitCode);
        Shows($"{Errors}: 2 message(s), from {Projection}; showing 1.", show);
        Shows($"[1] {first}", show);
        Shows("type        urn:message:SnowOps.Contracts:WeatherAlertIssued", show);
        Shows("reason      fault", show);
        // MassTransit names the innermost exception: the database's own refusal, not Entity Framework's wrapper.
        Shows("exception   Npgsql.PostgresException", show);
        Shows("message     P0001: alerts are closed for maintenance", show);
        Shows("retries     5", show);
        Shows("replayed    0", show);
        Shows(firstAlert.ToString(), show);
        Assert.DoesNotContain(second.ToString(), show.Output);
        Assert.Equal(2u, await _queues.CountAsync(Errors));

        await _infra.ScalarAsync<object>("DROP TRIGGER refuse_alerts ON status.alerts");
        var one = await Messages("replay", Errors, "--id", second.ToString());

        Assert.Equal(0, one.ExitCode);
        Assert.Contains($"Moved 1 message(s) from {Errors} back to {Projection}.", one.Output);
        await Eventually.HoldsAsync(() => AlertRowsAsync(secondAlert), n => n == 1, "the replayed alert in the read model");
        Assert.Equal(0, await AlertRowsAsync(firstAlert));
        Assert.Equal(1u, await _queues.CountAsync(Errors));

        var rest = await Messages("replay", Errors, "--all");

        Assert.Equal(0, rest.ExitCode);
        Assert.Contains($"moved {first}", rest.Output);
        await Eventually.HoldsAsync(() => AlertRowsAsync(firstAlert), n => n == 1, "the other alert in the read model");
        Assert.Equal(0u, await _queues.CountAsync(Errors));
    }

    [Fact]
    public async Task Should_count_the_replays_of_a_message_no_consumer_takes_and_purge_it_when_told()
    {
        await StartStatusAsync();
        var messageId = Guid.NewGuid();
        await _queues.SendEnvelopeAsync(Projection, messageId, "urn:message:SnowOps.Contracts:CrewTaskRequested", new { title = "not for Status", notes = Notes });
        await Eventually.HoldsAsync(() => _queues.CountAsync(Skipped), c => c == 1, "the message in the skipped queue");

        var replay = await Messages("replay", Skipped, "--all");
        Assert.Equal(0, replay.ExitCode);
        Assert.Contains($"Moved 1 message(s) from {Skipped} back to {Projection}.", replay.Output);

        // Back on its queue, still taken by no consumer, so skipped again, carrying the count of its replays.
        var shortly = await Eventually.HoldsAsync(() => Messages("show", Skipped), r => r.Output.Contains("replayed    1"),
            "the replayed message skipped again");
        Shows("--full prints all", shortly);
        Assert.DoesNotContain(Notes, shortly.Output);
        var show = await Messages("show", Skipped, "--full");
        Shows($"[1] {messageId}", show);
        Shows("reason      dead-letter", show);
        Shows($"\"title\":\"not for Status\",\"notes\":\"{Notes}\"", show);

        var notThere = await Messages("replay", Skipped, "--id", Guid.Empty.ToString());
        Assert.Equal(2, notThere.ExitCode);
        Assert.Contains("Moved 0 message(s)", notThere.Output);
        Assert.Contains($"Not in {Skipped}: {Guid.Empty}", notThere.Error);

        var refused = await Messages("purge", Skipped);
        Assert.Equal(2, refused.ExitCode);
        Assert.Equal(1u, await _queues.CountAsync(Skipped));

        var purge = await Messages("purge", Skipped, "--yes");
        Assert.Equal(0, purge.ExitCode);
        Assert.Contains($"Purged 1 message(s) from {Skipped}.", purge.Output);
        Assert.Equal(0u, await _queues.CountAsync(Skipped));
        Assert.Matches($@"(?m)^{Skipped}\s+{Projection}\s+0$", (await Messages("list")).Output);
    }

    [Fact]
    public async Task Should_refuse_queues_that_are_not_there_or_not_failed_queues_with_exit_code_2()
    {
        var missing = await Messages("show", "snowops-nothing_error");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("There is no queue 'snowops-nothing_error'", missing.Error);

        var unknownId = await Messages("replay", "snowops-nothing_error", "--id", Guid.NewGuid().ToString());
        Assert.Equal(2, unknownId.ExitCode);

        var live = await Messages("purge", Projection, "--yes");
        Assert.Equal(2, live.ExitCode);
        Assert.Contains("is not an error or skipped queue", live.Error);

        var empty = await Messages("list");
        Assert.Equal(0, empty.ExitCode);
        Assert.Contains($"No error or skipped queues in virtual host '{_infra.VirtualHost}'.", empty.Output);

        // An error queue left behind by a module that no longer runs: listed, but nothing can be replayed into it.
        await _queues.DeclareAsync("snowops-retired_error");
        await _queues.SendAsync("snowops-retired_error", Guid.NewGuid(), "{}");
        Assert.Matches(@"(?m)^snowops-retired_error\s+snowops-retired \(gone\)\s+1$", (await Messages("list")).Output);
        var orphan = await Messages("replay", "snowops-retired_error", "--all");
        Assert.Equal(2, orphan.ExitCode);
        Assert.Contains("'snowops-retired', does not exist", orphan.Error);
        Assert.Equal(1u, await _queues.CountAsync("snowops-retired_error"));
    }
}
