using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SnowOps.Heating.Forecasts;
using SnowOps.Heating.Supply;
using SnowOps.Heating.Tests.Supply;

namespace SnowOps.Heating.Tests.Forecasts;

/// <summary>A configured forecast URL is polled and taken in like a posted forecast; nothing is polled unless a URL is set.</summary>
public sealed class When_a_forecast_feed_is_polled : IAsyncLifetime
{
    readonly Feed _feed = new();
    readonly SupplyApi _api;

    public When_a_forecast_feed_is_polled() => _api = new(new()
    {
        ["SnowOps:Heating:Forecast:Feed:Url"] = "http://127.0.0.1:9/forecast",
        ["SnowOps:Heating:Forecast:Feed:Format"] = "open-meteo",
        ["SnowOps:Heating:Forecast:Feed:Source"] = "open-meteo",
    }, _feed);

    public async Task InitializeAsync()
    {
        await _api.InitializeAsync();
        await _api.AddStationsAsync("north-heat", null, "st-1");
    }

    public Task DisposeAsync() => _api.DisposeAsync();

    /// <summary>Hourly values from the current hour on, in local time at UTC+8, as Open-Meteo sends them for timezone=Asia/Shanghai.</summary>
    string OpenMeteo(params double[] hourly)
    {
        var local = _api.Now.ToOffset(TimeSpan.FromHours(8));
        var start = new DateTime(local.Year, local.Month, local.Day, local.Hour, 0, 0);
        var times = string.Join(", ", hourly.Select((_, k) => $"\"{start.AddHours(k):yyyy-MM-ddTHH:mm}\""));
        return $$"""
            { "latitude": 39.9, "longitude": 116.4, "utc_offset_seconds": 28800, "timezone": "Asia/Shanghai",
              "hourly_units": { "time": "iso8601", "temperature_2m": "°C" },
              "hourly": { "time": [{{times}}], "temperature_2m": [{{string.Join(", ", hourly.Select(h => h.ToString(System.Globalization.CultureInfo.InvariantCulture)))}}] } }
            """;
    }

    Task<ForecastIntake.Outcome> PollAsync() => _api.WithAsync(s => s.GetRequiredService<ForecastFeed>().PollAsync(CancellationToken.None));

    [Fact]
    public async Task Should_keep_the_forecast_in_universal_time_and_advise_on_it()
    {
        _feed.Body = OpenMeteo(-2, -5, -9.5, -12, -11);

        Assert.Equal(ForecastIntake.Outcome.Created, await PollAsync());

        var issue = await _api.QueryAsync(db => db.ForecastIssues.Include(i => i.Points).SingleAsync());
        var hour = new DateTimeOffset(_api.Now.Year, _api.Now.Month, _api.Now.Day, _api.Now.Hour, 0, 0, TimeSpan.Zero);
        Assert.Equal(("open-meteo", hour, hour, 5), (issue.Source, issue.Issued, issue.From, issue.Points.Count));
        var advice = Assert.Single(_api.Advised());
        Assert.Equal((-12, 80.5), (advice.OutdoorCelsius, advice.SupplyCelsius));
    }

    [Fact]
    public async Task Should_take_a_second_poll_in_the_same_hour_as_the_same_issue()
    {
        _feed.Body = OpenMeteo(-2, -5, -9.5);
        await PollAsync();

        Assert.Equal(ForecastIntake.Outcome.Duplicate, await PollAsync());
        Assert.Equal(1, await _api.QueryAsync(db => db.ForecastIssues.CountAsync()));
        Assert.Single(_api.Advised());
    }

    [Fact]
    public async Task Should_report_a_failed_poll_and_keep_nothing()
    {
        _feed.Status = HttpStatusCode.ServiceUnavailable;

        var failure = await Assert.ThrowsAsync<ForecastFeedFailure>(PollAsync);

        Assert.Contains("503", failure.Message);
        Assert.Equal(0, await _api.QueryAsync(db => db.ForecastIssues.CountAsync()));
    }

    [Fact]
    public async Task Should_refuse_a_document_that_is_not_the_format()
    {
        _feed.Body = """{ "hourly": { "time": ["2026-12-01T00:00"] } }""";

        await Assert.ThrowsAsync<ForecastFeedFailure>(PollAsync);
    }

    [Fact]
    public void Should_schedule_no_poll_unless_a_url_is_configured()
    {
        var adviceOff = new Dictionary<string, string?> { ["SnowOps:Heating:Supply:Scheduled"] = "false" };
        var quiet = new ServiceCollection().AddHeatingSupplySchedule(new ConfigurationBuilder().AddInMemoryCollection(adviceOff).Build());
        var polling = new ServiceCollection().AddHeatingSupplySchedule(new ConfigurationBuilder().AddInMemoryCollection(adviceOff)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["SnowOps:Heating:Forecast:Feed:Url"] = "https://example.org/forecast.json" }).Build());

        Assert.DoesNotContain(quiet, d => d.ServiceType.Namespace?.StartsWith("Quartz") == true);
        Assert.Contains(polling, d => d.ServiceType.Namespace?.StartsWith("Quartz") == true);
    }

    [Fact]
    public void Should_stop_start_up_on_a_feed_that_cannot_be_polled()
    {
        var settings = new Dictionary<string, string?> { ["SnowOps:Heating:Forecast:Feed:Url"] = "ftp://example.org/f", ["SnowOps:Heating:Forecast:Feed:Format"] = "xml" };

        var failure = Assert.Throws<OptionsValidationException>(() =>
            new ServiceCollection().AddHeatingSupply(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()));

        Assert.Contains("not an http(s) URL", failure.Message);
        Assert.Contains("Format 'xml'", failure.Message);
    }

    /// <summary>Answers every request with the body and status set by the spec.</summary>
    sealed class Feed : HttpMessageHandler
    {
        public string Body { get; set; } = "{}";
        public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(Status) { Content = new StringContent(Body, Encoding.UTF8, "application/json") });
    }
}
