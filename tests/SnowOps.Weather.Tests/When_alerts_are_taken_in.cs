using System.Text;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SnowOps.Contracts;
using SnowOps.ServiceDefaults.Data;
using SnowOps.Weather.Alerts;
using SnowOps.Weather.Data;

namespace SnowOps.Weather.Tests;

/// <summary>Intake over a real SQLite file and MassTransit's in-memory harness.</summary>
public sealed class When_alerts_are_taken_in : IAsyncLifetime
{
    readonly string _folder = Path.Combine(Path.GetTempPath(), "snowops-weather-" + Guid.NewGuid().ToString("N"));
    ServiceProvider _services = null!;
    ITestHarness _harness = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(Options.Create(new WeatherOptions { Language = "de" }));
        services.AddDbContext<WeatherDbContext, WeatherSqliteContext>(o => DatabaseExtensions.UseSqlite(o, Path.Combine(_folder, "weather.db")));
        services.AddScoped<AlertIntake>();
        services.AddMassTransitTestHarness();
        _services = services.BuildServiceProvider();
        await using (var scope = _services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<WeatherDbContext>().Database.MigrateAsync();
        _harness = _services.GetRequiredService<ITestHarness>();
        await _harness.Start();
    }

    public async Task DisposeAsync()
    {
        await _harness.Stop();
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    async Task<IntakeResult> TakeAsync(string file) => await TakeTextAsync(await File.ReadAllTextAsync(Samples.Path_("cap", file)));

    async Task<IntakeResult> TakeTextAsync(string document)
    {
        await using var scope = _services.CreateAsyncScope();
        var cap = CapParser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(document)));
        return await scope.ServiceProvider.GetRequiredService<AlertIntake>().AcceptAsync(cap, document, "application/cap+xml", default);
    }

    async Task<List<WeatherAlert>> StoredAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WeatherDbContext>().Alerts.AsNoTracking().ToListAsync();
    }

    [Fact]
    public async Task Should_issue_a_new_warning_once_however_often_it_is_sent()
    {
        var first = await TakeAsync("dwd-leichter-schneefall-alert.xml");
        var second = await TakeAsync("dwd-leichter-schneefall-alert.xml");

        Assert.Equal(IntakeOutcome.Issued, first.Outcome);
        Assert.Equal(IntakeOutcome.Duplicate, second.Outcome);
        Assert.Equal(first.AlertId, second.AlertId);
        var issued = Assert.Single(_harness.Published.Select<WeatherAlertIssued>()).Context.Message;
        Assert.Equal(Hazard.Snowstorm, issued.Hazard);
        Assert.Equal(AlertLevel.Blue, issued.Level);
        Assert.StartsWith("POLYGON", issued.AreaWkt);
        var stored = Assert.Single(await StoredAsync());
        Assert.Contains("LEICHTER SCHNEEFALL", stored.Document);
    }

    [Fact]
    public async Task Should_supersede_the_original_when_an_update_arrives_and_keep_its_id()
    {
        var original = await TakeAsync("dwd-glaette-alert.xml");
        var update = await TakeAsync("dwd-glaette-update-1.xml");

        Assert.Equal(IntakeOutcome.Updated, update.Outcome);
        var updated = Assert.Single(_harness.Published.Select<WeatherAlertUpdated>()).Context.Message;
        Assert.Equal(original.AlertId, updated.AlertId);
        var stored = await StoredAsync();
        Assert.Equal(AlertState.Superseded, stored.Single(a => a.Id == original.AlertId).State);
        Assert.Equal(AlertState.Active, stored.Single(a => a.Id == update.AlertId).State);
    }

    [Fact]
    public async Task Should_treat_an_update_whose_original_never_arrived_as_the_current_alert()
    {
        var update = await TakeAsync("dwd-glaette-update-1.xml");

        Assert.Equal(IntakeOutcome.Issued, update.Outcome);
        Assert.Single(_harness.Published.Select<WeatherAlertIssued>());
    }

    [Fact]
    public async Task Should_issue_once_when_the_same_warning_arrives_twice_at_the_same_moment()
    {
        var results = await Task.WhenAll(TakeAsync("dwd-leichter-schneefall-alert.xml"), TakeAsync("dwd-leichter-schneefall-alert.xml"));

        Assert.Equal([IntakeOutcome.Issued, IntakeOutcome.Duplicate], results.Select(r => r.Outcome).Order());
        Assert.Single(_harness.Published.Select<WeatherAlertIssued>());
        Assert.Single(await StoredAsync());
    }

    [Fact]
    public async Task Should_keep_the_note_of_a_repaired_area_with_the_stored_alert()
    {
        var crossed = Hostile.Replace(Hostile.Text("cap", "oasis-cap12-a2-thunderstorm-polygon.xml"),
            "38.47,-120.14 38.34,-119.95 38.52,-119.74 38.62,-119.89 38.47,-120.14",
            "38.47,-120.14 38.52,-119.74 38.34,-119.95 38.62,-119.89 38.47,-120.14");

        var result = await TakeTextAsync(crossed);
        var again = await TakeTextAsync(crossed);

        Assert.Contains("crossed itself", Assert.Single(result.Notes));
        Assert.Equal(result.Notes, again.Notes);
        Assert.Equal(result.Notes, Assert.Single(await StoredAsync()).Notes);
    }
}
