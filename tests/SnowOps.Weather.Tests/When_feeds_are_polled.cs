using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Weather.Feeds;

namespace SnowOps.Weather.Tests;

/// <summary>Polls driven by hand against a real HTTP server serving the real agency documents.</summary>
public sealed class When_feeds_are_polled : IAsyncLifetime
{
    const int Interval = 60;
    FeedServer _server = null!;
    FeedHarness _weather = null!;

    public async Task InitializeAsync()
    {
        _server = await FeedServer.StartAsync();
        _weather = new FeedHarness(
            Feed("index", "index.atom", FeedFormat.CapIndex),
            Feed("embedded", "embedded.atom", FeedFormat.CapIndex),
            Feed("one-cap", "cap/dwd-glaette-alert.xml", FeedFormat.Cap),
            Feed("nws", "nws", FeedFormat.NwsGeoJson),
            Feed("flaky", "flaky", FeedFormat.NwsGeoJson));
        await _weather.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _weather.DisposeAsync();
        await _server.DisposeAsync();
    }

    FeedOptions Feed(string name, string path, FeedFormat format) =>
        new() { Name = name, Url = _server.Url(path), IntervalSeconds = Interval, Format = format };

    Task<int> StoredAsync() => _weather.QueryAsync(db => db.Alerts.CountAsync());

    [Fact]
    public async Task Should_store_every_CAP_document_an_ATOM_index_links_to_and_issue_each_once()
    {
        _server.IndexFiles.AddRange(["dwd-leichter-schneefall-alert.xml", "dwd-schneefall-alert-multipolygon.xml"]);

        var status = await _weather.PollAsync("index");

        Assert.Equal(2, await StoredAsync());
        var issued = _weather.Harness.Published.Select<WeatherAlertIssued>().Select(p => p.Context.Message).ToList();
        Assert.Equal(2, issued.Count);
        Assert.Equal(2, issued.Select(i => i.AlertId).Distinct().Count());
        Assert.All(issued, i => Assert.Equal("CAP@dwd.de", i.Sender));
        Assert.Equal(2, status.AlertsAccepted);
        Assert.Equal(0, status.ConsecutiveFailures);
        Assert.NotNull(status.ETag);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 6, 0, 0, TimeSpan.Zero), status.LastModified);
    }

    [Fact]
    public async Task Should_get_a_304_the_second_time_and_publish_nothing_more()
    {
        _server.IndexFiles.Add("dwd-leichter-schneefall-alert.xml");
        await _weather.PollAsync("index");
        _weather.Clock.Now += TimeSpan.FromSeconds(Interval);

        var status = await _weather.PollAsync("index");

        Assert.Equal(1, _server.NotModifiedAnswers);
        Assert.Equal(1, _server.Requests["/cap/dwd-leichter-schneefall-alert.xml"]);
        Assert.Equal(1, _weather.Published<WeatherAlertIssued>());
        Assert.Equal(1, await StoredAsync());
        Assert.Equal(1, status.AlertsAccepted);
        Assert.Equal(_weather.Clock.Now, status.LastSuccessAt);
        Assert.Equal(_weather.Clock.Now.AddSeconds(Interval), status.NextPollDue);
    }

    [Fact]
    public async Task Should_fetch_only_the_new_entries_when_the_index_changes()
    {
        _server.IndexFiles.Add("dwd-glaette-alert.xml");
        await _weather.PollAsync("index");
        _server.IndexFiles.Add("dwd-glaette-update-1.xml");

        var status = await _weather.PollAsync("index");

        Assert.Equal(0, _server.NotModifiedAnswers);
        Assert.Equal(1, _server.Requests["/cap/dwd-glaette-alert.xml"]);
        Assert.Equal(1, _server.Requests["/cap/dwd-glaette-update-1.xml"]);
        Assert.Equal(1, _weather.Published<WeatherAlertIssued>());
        Assert.Equal(1, _weather.Published<WeatherAlertUpdated>());
        Assert.Equal(2, status.AlertsAccepted);
    }

    [Fact]
    public async Task Should_skip_a_broken_CAP_entry_and_take_the_others()
    {
        _server.IndexFiles.AddRange(["dwd-leichter-schneefall-alert.xml", "negative-cap11-nws-flash-flood-watch.xml", "dwd-glaette-alert.xml"]);

        var status = await _weather.PollAsync("index");

        Assert.Equal(2, await StoredAsync());
        Assert.Equal(2, _weather.Published<WeatherAlertIssued>());
        Assert.Equal(0, status.ConsecutiveFailures);
        Assert.Null(status.LastError);
        Assert.Equal(1, status.EntriesSkipped);
        Assert.Contains("negative-cap11-nws-flash-flood-watch.xml", status.LastSkipped);
        Assert.Contains("CAP 1.2", status.LastSkipped);
    }

    [Fact]
    public async Task Should_take_the_CAP_alerts_an_ATOM_feed_embeds_in_its_content()
    {
        _server.IndexFiles.AddRange(["dwd-leichter-schneefall-alert.xml", "oasis-cap12-a2-thunderstorm-polygon.xml"]);

        var status = await _weather.PollAsync("embedded");

        Assert.Equal(2, status.AlertsAccepted);
        Assert.Equal(2, _weather.Published<WeatherAlertIssued>());
        Assert.DoesNotContain(_server.Requests.Keys, path => path.StartsWith("/cap/", StringComparison.Ordinal));
        var stored = await _weather.QueryAsync(db => db.Alerts.Select(a => a.Document).ToListAsync());
        Assert.Contains(stored, d => d.Contains("LEICHTER SCHNEEFALL", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_take_a_feed_that_is_one_CAP_document()
    {
        var status = await _weather.PollAsync("one-cap");

        Assert.Equal(1, status.AlertsAccepted);
        var issued = Assert.Single(_weather.Harness.Published.Select<WeatherAlertIssued>()).Context.Message;
        Assert.Equal(Hazard.RoadIcing, issued.Hazard);
    }

    [Fact]
    public async Task Should_take_the_NWS_GeoJSON_feed_once_and_then_get_304()
    {
        var first = await _weather.PollAsync("nws");
        var second = await _weather.PollAsync("nws");

        Assert.Equal(1, first.AlertsAccepted);
        Assert.Equal(1, second.AlertsAccepted);
        Assert.Equal(1, _server.NotModifiedAnswers);
        var issued = Assert.Single(_weather.Harness.Published.Select<WeatherAlertIssued>()).Context.Message;
        Assert.Equal(Hazard.WinterStorm, issued.Hazard);
        Assert.Equal(1, await StoredAsync());
    }

    [Fact]
    public async Task Should_back_off_exponentially_while_a_feed_fails_and_reset_when_it_answers()
    {
        _server.Failing = true;
        var first = await _weather.PollAsync("flaky");
        Assert.Equal(1, first.ConsecutiveFailures);
        Assert.Contains("500", first.LastError);
        Assert.Equal(_weather.Clock.Now.AddSeconds(2 * Interval), first.NextPollDue);

        _weather.Clock.Now = first.NextPollDue!.Value;
        var second = await _weather.PollAsync("flaky");
        Assert.Equal(2, second.ConsecutiveFailures);
        Assert.Equal(_weather.Clock.Now.AddSeconds(4 * Interval), second.NextPollDue);

        _weather.Clock.Now += TimeSpan.FromSeconds(Interval);
        Assert.False(await _weather.PollIfDueAsync("flaky"));
        Assert.Equal(2, _server.Requests["/flaky"]);

        _server.Failing = false;
        _weather.Clock.Now = second.NextPollDue!.Value;
        Assert.True(await _weather.PollIfDueAsync("flaky"));
        var healed = await _weather.QueryAsync(db => db.FeedStatuses.SingleAsync(s => s.Name == "flaky"));
        Assert.Equal(0, healed.ConsecutiveFailures);
        Assert.Equal(_weather.Clock.Now, healed.LastSuccessAt);
        Assert.Equal(_weather.Clock.Now.AddSeconds(Interval), healed.NextPollDue);
        Assert.Equal(1, healed.AlertsAccepted);
    }

    [Fact]
    public void Should_cap_the_backoff_at_an_hour_or_the_interval_if_longer()
    {
        Assert.Equal(TimeSpan.FromMinutes(10), FeedStatus.Backoff(TimeSpan.FromMinutes(5), 1));
        Assert.Equal(TimeSpan.FromHours(1), FeedStatus.Backoff(TimeSpan.FromMinutes(5), 10));
        Assert.Equal(TimeSpan.FromHours(1), FeedStatus.Backoff(TimeSpan.FromMinutes(5), int.MaxValue));
        Assert.Equal(TimeSpan.FromHours(6), FeedStatus.Backoff(TimeSpan.FromHours(6), 3));
    }
}
