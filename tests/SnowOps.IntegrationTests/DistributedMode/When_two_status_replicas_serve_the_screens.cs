using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using SnowOps.IntegrationTests.Infrastructure;
using SnowOps.ServiceDefaults.Auth;

namespace SnowOps.IntegrationTests.DistributedMode;

/// <summary>
/// Two Status replicas share one queue on the real RabbitMQ, so each event is projected by one of them; the screens
/// connected to either must still see every change. A Weather process takes a warning; a watcher on each replica hears
/// of it.
/// </summary>
public sealed class When_two_status_replicas_serve_the_screens : IAsyncLifetime
{
    readonly RealInfrastructure _infra = new();
    readonly string _key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
    HostProcess _weather = null!;
    HostProcess _first = null!;
    HostProcess _second = null!;

    public async Task InitializeAsync()
    {
        await _infra.InitializeAsync();
        _first = await HostProcess.StartAsync(_infra.HostSettings("Status", _key));
        _second = await HostProcess.StartAsync(_infra.HostSettings("Status", _key));
        _weather = await HostProcess.StartAsync(_infra.HostSettings("Weather", _key));
    }

    public async Task DisposeAsync()
    {
        await _weather.DisposeAsync();
        await _second.DisposeAsync();
        await _first.DisposeAsync();
        await _infra.DisposeAsync();
    }

    string Token(string role) => TokenIssuer.Create(SigningKey.FromText(_key, "test"), role + "-1", [role], TimeSpan.FromHours(1));

    /// <summary>A watcher as the browser connects: WebSockets straight away, no negotiation.</summary>
    HubConnection Watcher(HostProcess replica) => new HubConnectionBuilder()
        .WithUrl(new Uri(replica.BaseAddress, "/hubs/status"), HttpTransportType.WebSockets, o =>
        {
            o.SkipNegotiation = true;
            o.AccessTokenProvider = () => Task.FromResult<string?>(Token("committee"));
        })
        .Build();

    [Fact]
    public async Task Should_push_each_change_to_the_screens_on_every_replica_once()
    {
        var heard = new[] { new ConcurrentQueue<JsonElement>(), new ConcurrentQueue<JsonElement>() };
        await using var first = Watcher(_first);
        await using var second = Watcher(_second);
        first.On<JsonElement>("alertChanged", heard[0].Enqueue);
        second.On<JsonElement>("alertChanged", heard[1].Enqueue);
        await first.StartAsync();
        await second.StartAsync();

        using var alerts = new Api(_weather.BaseAddress, Token("alert-source"));
        using var posted = await alerts.PostAlertAsync(await SnowFlow.CurrentWarningAsync());
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);

        var until = DateTime.UtcNow.AddSeconds(30);
        while (heard.Any(h => h.IsEmpty) && DateTime.UtcNow < until)
            await Task.Delay(100);
        // A moment more, so a second copy of the push would have arrived too.
        await Task.Delay(1000);

        Assert.All(heard, h =>
        {
            var change = Assert.Single(h);
            Assert.Equal(("Snowstorm", true), (change.GetProperty("hazard").GetString(), change.GetProperty("active").GetBoolean()));
        });
        Assert.Equal(heard[0].Single().GetProperty("alertId").GetGuid(), heard[1].Single().GetProperty("alertId").GetGuid());

        // The replicas' own push queues are there, temporary, beside the shared quorum queues.
        var queues = (await _infra.QueuesAsync()).EnumerateArray().ToList();
        var pushQueues = queues.Where(q => q.GetProperty("name").GetString()!.Contains("instance-", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, pushQueues.Count);
        Assert.All(pushQueues, q => Assert.Equal((false, true, "classic"),
            (q.GetProperty("durable").GetBoolean(), q.GetProperty("exclusive").GetBoolean(), q.GetProperty("type").GetString())));
    }
}
