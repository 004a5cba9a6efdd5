using System.Text;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SnowOps.Contracts;
using SnowOps.Weather.Alerts;
using SnowOps.Weather.Data;
using SnowOps.Weather.Zones;

namespace SnowOps.Weather.Tests;

/// <summary>Intake over a real SQLite file and MassTransit's in-memory harness.</summary>
public sealed class When_alerts_are_taken_in : IAsyncLifetime
{
    IntakeSetup _setup = null!;

    ServiceProvider Services => _setup.Services;

    ITestHarness Harness => _setup.Harness;

    public Task InitializeAsync()
    {
        _setup = new IntakeSetup(TimeProvider.System, new WeatherOptions { Language = "de" });
        return _setup.StartAsync();
    }

    public Task DisposeAsync() => _setup.DisposeAsync().AsTask();

    async Task<IntakeResult> TakeAsync(string file) => await TakeTextAsync(await File.ReadAllTextAsync(Samples.Path_("cap", file)));

    async Task<IntakeResult> TakeTextAsync(string document)
    {
        await using var scope = Services.CreateAsyncScope();
        var cap = CapParser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(document)));
        return await scope.ServiceProvider.GetRequiredService<AlertIntake>().AcceptAsync(cap, document, "application/cap+xml", default);
    }

    async Task<List<WeatherAlert>> StoredAsync()
    {
        await using var scope = Services.CreateAsyncScope();
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
        var issued = Assert.Single(Harness.Published.Select<WeatherAlertIssued>()).Context.Message;
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
        var updated = Assert.Single(Harness.Published.Select<WeatherAlertUpdated>()).Context.Message;
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
        Assert.Single(Harness.Published.Select<WeatherAlertIssued>());
    }

    [Fact]
    public async Task Should_issue_once_when_the_same_warning_arrives_twice_at_the_same_moment()
    {
        var results = await Task.WhenAll(TakeAsync("dwd-leichter-schneefall-alert.xml"), TakeAsync("dwd-leichter-schneefall-alert.xml"));

        Assert.Equal([IntakeOutcome.Issued, IntakeOutcome.Duplicate], results.Select(r => r.Outcome).Order());
        Assert.Single(Harness.Published.Select<WeatherAlertIssued>());
        Assert.Single(await StoredAsync());
    }

    async Task AddZonesAsync(params Zone[] zones)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WeatherDbContext>();
        db.Zones.AddRange(zones);
        await db.SaveChangesAsync();
    }

    static Zone TestZone(string code, string wkt, params string[] geocodes)
    {
        var area = new NetTopologySuite.IO.WKTReader().Read(wkt);
        area.SRID = 4326;
        return new Zone { Code = code, Name = code, Area = area, Geocodes = [.. geocodes] };
    }

    [Fact]
    public async Task Should_name_the_zones_the_warning_area_covers_and_the_zones_its_geocodes_name()
    {
        await AddZonesAsync(
            TestZone("berchtesgaden", "POLYGON ((12.8 47.5, 13.0 47.5, 13.0 47.7, 12.8 47.7, 12.8 47.5))"),
            TestZone("reichenhall-by-code", "POLYGON ((10 50, 10.1 50, 10.1 50.1, 10 50.1, 10 50))", "WARNCELLID=809172114"),
            TestZone("munich", "POLYGON ((11.4 48.0, 11.7 48.0, 11.7 48.25, 11.4 48.25, 11.4 48.0))"));

        await TakeAsync("dwd-leichter-schneefall-alert.xml");

        var issued = Assert.Single(Harness.Published.Select<WeatherAlertIssued>()).Context.Message;
        Assert.Equal(["berchtesgaden", "reichenhall-by-code"], issued.Zones);
        Assert.Equal(["berchtesgaden", "reichenhall-by-code"], Assert.Single(await StoredAsync()).Zones);
    }

    [Fact]
    public async Task Should_give_an_alert_named_only_by_codes_the_shape_of_its_zones()
    {
        await AddZonesAsync(TestZone("hennepin", "POLYGON ((-93.8 44.8, -93.1 44.8, -93.1 45.25, -93.8 45.25, -93.8 44.8))", "UGC=MNZ060"));
        var document = await File.ReadAllTextAsync(Samples.Path_("nws", "weathergov-point-MN-winter-weather-advisory-update.json"));
        var nws = Assert.Single(NwsParser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(document))));

        await using (var scope = Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<AlertIntake>().AcceptAsync(nws, document, "application/geo+json", default);

        var stored = Assert.Single(await StoredAsync());
        Assert.Equal(["hennepin"], stored.Zones);
        Assert.NotNull(stored.Area);
        Assert.Equal(Hazard.WinterStorm, stored.Hazard);
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
