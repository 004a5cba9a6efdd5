using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SnowOps.Heating.Deficiencies;
using SnowOps.Heating.Readings;
using SnowOps.Heating.Tests.Deficiencies;

namespace SnowOps.Heating.Tests.Readings;

/// <summary>
/// Where a city has a night standard, a measurement taken in its night (by the city's clock, whatever offset the
/// measurement carries) is judged against it.
/// </summary>
public sealed class When_a_city_has_a_night_standard : IAsyncLifetime
{
    const string Compound = "hujialou-3";
    readonly DeficiencyHarness _heating = new(night =>
    {
        night.NightStandardCelsius = 16;
        night.TimeZone = "Asia/Shanghai";
        night.NightFrom = new TimeOnly(22, 0);
        night.NightUntil = new TimeOnly(6, 0);
    });

    public async Task InitializeAsync()
    {
        await _heating.StartAsync();
        await _heating.SeedAsync(Compound);
    }

    public Task DisposeAsync() => _heating.DisposeAsync().AsTask();

    [Theory]
    [InlineData("2026-12-03T23:30:00+08:00", true)]
    [InlineData("2026-12-03T15:30:00Z", true)] // 23:30 in Beijing
    [InlineData("2026-12-03T23:30:00Z", false)] // 07:30 the next morning in Beijing
    [InlineData("2026-12-03T22:00:00+08:00", true)]
    [InlineData("2026-12-04T05:59:00+08:00", true)]
    [InlineData("2026-12-04T06:00:00+08:00", false)]
    [InlineData("2026-12-03T21:59:00+08:00", false)]
    public async Task Should_judge_by_the_night_standard_in_the_citys_night(string measured, bool night)
    {
        var reading = DeficiencyHarness.Measurement(Compound, 17.0, DateTimeOffset.Parse(measured, System.Globalization.CultureInfo.InvariantCulture));

        await _heating.DeliverAsync(reading);

        var stored = await _heating.ReadingAsync(reading.ReadingId);
        Assert.Equal((night, night ? 16.0 : 18.0, !night), (stored.AtNight, stored.StandardCelsius, stored.BelowStandard));
        Assert.Equal(night ? "Meets the night standard: 17 °C against 16 °C." : "Below the standard: 17 °C against 18 °C.", stored.Verdict);
        Assert.Equal(night ? 0 : 1, (await _heating.DeficienciesAsync()).Count);
    }
}

/// <summary>The night is reckoned in the city's time zone, daylight saving included; without a night standard the day one holds all day.</summary>
public sealed class When_the_night_is_reckoned
{
    static readonly IndoorStandard NewYork = new()
    {
        NightStandardCelsius = 16.7,
        TimeZone = "America/New_York",
        NightFrom = new TimeOnly(22, 0),
        NightUntil = new TimeOnly(6, 0),
    };

    [Fact]
    public void Should_follow_daylight_saving_time()
    {
        // 02:30 UTC is 22:30 in New York in July (UTC−4) but 21:30 in December (UTC−5).
        Assert.True(NewYork.IsNight(new DateTimeOffset(2026, 7, 1, 2, 30, 0, TimeSpan.Zero)));
        Assert.False(NewYork.IsNight(new DateTimeOffset(2026, 12, 1, 2, 30, 0, TimeSpan.Zero)));
        Assert.Equal((16.7, true), NewYork.At(new DateTimeOffset(2026, 12, 1, 3, 30, 0, TimeSpan.Zero), 20));
    }

    [Fact]
    public void Should_take_a_night_that_does_not_run_past_midnight()
    {
        var early = new IndoorStandard { NightStandardCelsius = 15, NightFrom = new TimeOnly(0, 30), NightUntil = new TimeOnly(5, 0) };

        Assert.True(early.IsNight(new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero)));
        Assert.False(early.IsNight(new DateTimeOffset(2026, 12, 1, 23, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Should_hold_the_day_standard_all_night_where_there_is_no_night_standard()
    {
        Assert.Equal((18.0, false), new IndoorStandard().At(new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero), 18));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons", "TimeZone")]
    [InlineData("UTC", "differ")]
    public void Should_refuse_settings_it_cannot_use(string zone, string named)
    {
        var settings = new IndoorStandard { TimeZone = zone };
        if (named == "differ")
            settings.NightUntil = settings.NightFrom;

        Assert.Contains(named, settings.Problem());
    }

    static IServiceProvider Configured(Dictionary<string, string?> settings) =>
        new ServiceCollection().AddHeatingRules(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).BuildServiceProvider();

    [Fact]
    public void Should_read_the_night_and_the_rules_from_the_citys_configuration()
    {
        var services = Configured(new()
        {
            ["SnowOps:Heating:NightStandardCelsius"] = "16.7",
            ["SnowOps:Heating:NightFrom"] = "22:00",
            ["SnowOps:Heating:NightUntil"] = "06:30",
            ["SnowOps:Heating:TimeZone"] = "America/New_York",
            ["SnowOps:Heating:RepairWithinHours"] = "12",
            ["SnowOps:Heating:RepeatedDeficiencies"] = "3",
        });

        var night = services.GetRequiredService<IOptions<IndoorStandard>>().Value;
        Assert.Equal((16.7, new TimeOnly(22, 0), new TimeOnly(6, 30), "America/New_York"),
            (night.NightStandardCelsius, night.NightFrom, night.NightUntil, night.TimeZone));
        var rules = services.GetRequiredService<IOptions<DeficiencyRules>>().Value;
        Assert.Equal((12.0, 24.0, 3, 30.0), (rules.RepairWithinHours, rules.RecheckWithinHours, rules.RepeatedDeficiencies, rules.RepeatedWithinDays));
    }

    [Theory]
    [InlineData("SnowOps:Heating:TimeZone", "Mars/Olympus_Mons")]
    [InlineData("SnowOps:Heating:RepairWithinHours", "0")]
    public void Should_refuse_to_start_on_settings_it_cannot_use(string key, string value)
    {
        var services = Configured(new() { [key] = value });

        Assert.Throws<OptionsValidationException>(() =>
        {
            _ = services.GetRequiredService<IOptions<IndoorStandard>>().Value;
            _ = services.GetRequiredService<IOptions<DeficiencyRules>>().Value;
        });
    }
}
