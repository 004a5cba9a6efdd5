using SnowOps.Routing.Fleet;
using SnowOps.Routing.Network;

namespace SnowOps.Routing.Tests;

/// <summary>De-icer: the rate of the pavement-temperature band × length × lane width × passes.</summary>
public sealed class When_de_icer_is_reckoned
{
    [Theory]
    [InlineData(0, 30)]
    [InlineData(-4, 30)]
    [InlineData(-4.1, 40)]
    [InlineData(-9, 40)]
    [InlineData(-12, 50)]
    public void Should_take_the_rate_of_the_pavement_temperature_band(double celsius, double grams)
    {
        Assert.Equal(grams, new DeIcingOptions().RateFor(celsius));
    }

    [Fact]
    public void Should_use_a_quarter_less_with_pre_wetted_salt_and_a_city_s_own_bands()
    {
        Assert.Equal(22.5, new DeIcingOptions { PreWetted = true }.RateFor(-2), precision: 6);
        var city = new DeIcingOptions { Rates = [new() { FromCelsius = -5, GramsPerSquareMeter = 12 }, new() { GramsPerSquareMeter = 35 }] };
        Assert.Equal(12, city.RateFor(-1));
        Assert.Equal(35, city.RateFor(-6));
    }

    [Theory]
    [InlineData(-3, 30)]
    [InlineData(-12, 50)]
    public void Should_carry_on_each_spreader_route_the_rate_times_the_treated_area(double celsius, double grams)
    {
        var streets = TestCity.Streets();
        var options = TestCity.Options();

        var plan = TestCity.Plan(streets, options, celsius: celsius);

        var spreader = Assert.Single(plan.Routes, r => r.Vehicle.Kind == VehicleKind.Spreader);
        // Worked out by hand from the streets: 3.5 m lanes, every pass of every bridge or slope.
        var expected = streets.Where(s => s.NeedsDeIcing).Sum(s => grams * s.LengthMeters * 3.5 * PlanChecks.Passes(s).Count() / 1000);
        Assert.Equal(expected, spreader.DeIcerKg, precision: 6);
        Assert.Equal(grams, plan.GramsPerSquareMeter);
        Assert.All(plan.Routes.Where(r => r.Vehicle.Kind == VehicleKind.Plow), r => Assert.Equal(0, r.DeIcerKg));
    }

    [Fact]
    public void Should_go_back_to_the_salt_yard_to_load_when_the_spreader_is_empty()
    {
        var streets = TestCity.Streets();
        var bridgeKg = streets.Where(s => s.NeedsDeIcing).Max(s => 30 * s.LengthMeters * 3.5 / 1000);

        var plan = TestCity.Plan(streets, TestCity.Options(spreaderKg: Math.Ceiling(bridgeKg) + 1));

        var spreader = Assert.Single(plan.Routes, r => r.Vehicle.Kind == VehicleKind.Spreader);
        var yard = new NetTopologySuite.Geometries.Coordinate(TestCity.Lon, TestCity.Lat);
        var byId = streets.ToDictionary(s => s.Id);
        double load = 0;
        foreach (var step in spreader.Steps)
        {
            var start = step.Reversed ? byId[step.SegmentId].Geometry.Coordinates[^1] : byId[step.SegmentId].Geometry.Coordinates[0];
            if (Geodesy.Distance(start, yard) < 30)
                load = 0;
            load += step.DeIcerKg;
            Assert.InRange(load, 0, Math.Ceiling(bridgeKg) + 1);
        }
    }
}
