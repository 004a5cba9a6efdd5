using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SnowOps.Heating.Supply;

namespace SnowOps.Heating.Tests.Supply;

/// <summary>The heating curve: linear between its points, flat beyond its ends, and refused at start when it makes no sense.</summary>
public sealed class When_the_heating_curve_is_read
{
    static readonly SupplyCurve Default = new(SupplyOptions.DefaultCurve);

    [Theory]
    [InlineData(5, 55)]
    [InlineData(0, 62.5)]
    [InlineData(-10, 77.5)]
    [InlineData(-17.5, 90)]
    [InlineData(7.5, 50)]
    public void Should_interpolate_between_its_points(double outdoor, double supply) => Assert.Equal(supply, Default.At(outdoor), 6);

    [Theory]
    [InlineData(10, 45)]
    [InlineData(25, 45)]
    [InlineData(-20, 95)]
    [InlineData(-38, 95)]
    public void Should_stay_flat_beyond_its_ends(double outdoor, double supply) => Assert.Equal(supply, Default.At(outdoor), 6);

    [Fact]
    public void Should_accept_the_default_settings() => Assert.Empty(SupplyValidation.Problems(new SupplyOptions()));

    [Fact]
    public void Should_refuse_points_out_of_order()
    {
        var options = new SupplyOptions { Curve = [Point(-10, 80), Point(5, 55)] };

        Assert.Contains(SupplyValidation.Problems(options), p => p.Contains("warmest outdoor temperature to the coldest"));
    }

    [Fact]
    public void Should_refuse_a_curve_that_cools_the_water_as_it_gets_colder()
    {
        var options = new SupplyOptions { Curve = [Point(5, 60), Point(-10, 55)] };

        Assert.Contains(SupplyValidation.Problems(options), p => p.Contains("cooler supply water"));
    }

    [Theory]
    [InlineData(150)]
    [InlineData(5)]
    public void Should_refuse_supply_temperatures_no_heating_network_runs(double supply)
    {
        var options = new SupplyOptions { Curve = [Point(5, 50), Point(-10, supply)], MaxSupplyCelsius = 130 };

        Assert.Contains(SupplyValidation.Problems(options), p => p.Contains("Curve:1:SupplyCelsius"));
    }

    [Fact]
    public void Should_refuse_a_curve_above_the_cap_and_a_station_curve_out_of_order()
    {
        var options = new SupplyOptions
        {
            Curve = [Point(5, 55), Point(-20, 100)],
            Stations = { ["st-7"] = new StationSupply { Curve = [Point(-5, 70), Point(0, 60)] } },
        };

        var problems = SupplyValidation.Problems(options).ToList();

        Assert.Contains(problems, p => p.Contains("above MaxSupplyCelsius 95"));
        Assert.Contains(problems, p => p.Contains("Stations:st-7:Curve"));
    }

    [Fact]
    public void Should_stop_start_up_with_the_reason()
    {
        var configuration = Configuration(new()
        {
            ["SnowOps:Heating:Supply:Curve:0:OutdoorCelsius"] = "-10", ["SnowOps:Heating:Supply:Curve:0:SupplyCelsius"] = "80",
            ["SnowOps:Heating:Supply:Curve:1:OutdoorCelsius"] = "5", ["SnowOps:Heating:Supply:Curve:1:SupplyCelsius"] = "55",
        });
        using var services = new ServiceCollection().AddHeatingSupply(configuration).BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SupplyOptions>>().Value);
        Assert.Contains("warmest outdoor temperature to the coldest", failure.Message);
        Assert.Throws<OptionsValidationException>(() => new ServiceCollection().AddHeatingSupplySchedule(
            Configuration(new() { ["SnowOps:Heating:Supply:AdviseEveryHours"] = "0" })));
    }

    [Fact]
    public void Should_take_a_configured_curve_in_place_of_the_default()
    {
        var configuration = Configuration(new()
        {
            ["SnowOps:Heating:Supply:Curve:0:OutdoorCelsius"] = "0", ["SnowOps:Heating:Supply:Curve:0:SupplyCelsius"] = "50",
            ["SnowOps:Heating:Supply:Curve:1:OutdoorCelsius"] = "-10", ["SnowOps:Heating:Supply:Curve:1:SupplyCelsius"] = "60",
        });
        using var services = new ServiceCollection().AddHeatingSupply(configuration).BuildServiceProvider();

        var curve = services.GetRequiredService<IOptions<SupplyOptions>>().Value.EffectiveCurve;

        Assert.Equal([(0.0, 50.0), (-10.0, 60.0)], curve.Select(p => (p.OutdoorCelsius, p.SupplyCelsius)));
        Assert.Equal(55, new SupplyCurve(curve).At(-5), 6);
    }

    static CurvePoint Point(double outdoor, double supply) => new() { OutdoorCelsius = outdoor, SupplyCelsius = supply };

    static IConfiguration Configuration(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
