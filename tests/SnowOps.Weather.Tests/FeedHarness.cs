using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SnowOps.Weather.Data;
using SnowOps.Weather.Feeds;

namespace SnowOps.Weather.Tests;

/// <summary>A clock the test moves by hand, so backoff can be checked to the second without waiting.</summary>
public sealed class ManualClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = new(2026, 11, 25, 6, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>
/// The Weather module wired as the host wires it (<c>AddWeather</c> with the given feeds, its SQLite file in a
/// folder of its own), with MassTransit's test harness as the bus. Polls are driven by hand, not by timers.
/// </summary>
public sealed class FeedHarness : IAsyncDisposable
{
    readonly string _folder = Path.Combine(Path.GetTempPath(), "snowops-feeds-" + Guid.NewGuid().ToString("N"));
    readonly IHost _host;

    public FeedHarness(params FeedOptions[] feeds)
    {
        Directory.CreateDirectory(_folder);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(Settings(_folder, feeds));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.AddWeather();
        // The test harness starts every hosted service it finds; Quartz's must not poll behind the test's back.
        builder.Services.RemoveAll<IHostedService>();
        builder.Services.AddMassTransitTestHarness(bus => bus.SetTestTimeouts(testInactivityTimeout: TimeSpan.FromMilliseconds(200)));
        _host = builder.Build();
        Harness = _host.Services.GetRequiredService<ITestHarness>();
    }

    public ManualClock Clock { get; } = new();

    public ITestHarness Harness { get; }

    public IServiceProvider Services => _host.Services;

    public static Dictionary<string, string?> Settings(string dataDir, IEnumerable<FeedOptions> feeds)
    {
        var settings = new Dictionary<string, string?> { ["SnowOps:DataDir"] = dataDir, ["SnowOps:Weather:Language"] = "de" };
        foreach (var (feed, i) in feeds.Select((f, i) => (f, i)))
        {
            settings[$"SnowOps:Weather:Feeds:{i}:Name"] = feed.Name;
            settings[$"SnowOps:Weather:Feeds:{i}:Url"] = feed.Url;
            settings[$"SnowOps:Weather:Feeds:{i}:IntervalSeconds"] = feed.IntervalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings[$"SnowOps:Weather:Feeds:{i}:Format"] = feed.Format.ToString();
        }
        return settings;
    }

    public async Task StartAsync()
    {
        await using (var scope = _host.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<WeatherDbContext>().Database.MigrateAsync();
        await Harness.Start();
    }

    /// <summary>One poll of the named feed, as its Quartz job runs it (a scope of its own), due or not.</summary>
    public async Task<FeedStatus> PollAsync(string feed)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<WeatherOptions>>().Value.Feeds.Single(f => f.Name == feed);
        return await scope.ServiceProvider.GetRequiredService<FeedPoller>().PollAsync(options, default);
    }

    public async Task<bool> PollIfDueAsync(string feed)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<WeatherOptions>>().Value.Feeds.Single(f => f.Name == feed);
        return await scope.ServiceProvider.GetRequiredService<FeedPoller>().PollIfDueAsync(options, default);
    }

    public async Task<T> QueryAsync<T>(Func<WeatherDbContext, Task<T>> query)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<WeatherDbContext>());
    }

    public int Published<T>() where T : class => Harness.Published.Select<T>().Count();

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        _host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
