using System.Globalization;
using SnowOps.Contracts;

namespace SnowOps.Heating.Tests;

/// <summary>
/// The measuring method: at least 5 readings at the room centre, the highest and lowest dropped, the rest averaged. The
/// default was 3 readings until the bot took readings too; 5 is what the method asks for.
/// </summary>
public sealed class When_indoor_temperature_is_measured
{
    readonly MeasuringMethod _method = new();

    [Fact]
    public void Should_drop_the_highest_and_lowest_reading_and_average_the_rest()
    {
        // 25.0 (next to a radiator) and 12.0 (by an open window) are dropped: (17.8 + 18.2 + 18.0) / 3.
        Assert.Equal(18.0, MeasuringMethod.Average([17.8, 18.2, 18.0, 25.0, 12.0]), precision: 2);
    }

    [Fact]
    public void Should_take_the_middle_reading_of_three()
    {
        Assert.Equal(18.4, MeasuringMethod.Average([19.5, 17.0, 18.4]), precision: 2);
    }

    [Fact]
    public void Should_not_depend_on_the_order_the_readings_were_taken_in()
    {
        Assert.Equal(MeasuringMethod.Average([12.0, 25.0, 18.0, 18.2, 17.8]), MeasuringMethod.Average([17.8, 18.2, 18.0, 25.0, 12.0]));
    }

    [Theory]
    [InlineData(new[] { 18.0, 18.5, 17.5, 18.2, 18.1 })]
    [InlineData(new[] { -30.0, 45.0, 20.0, 20.0, 20.0 })]
    [InlineData(new[] { 16.1, 16.4, 16.0, 16.3, 15.9, 16.2 })]
    public void Should_accept_enough_plausible_readings(double[] readings)
    {
        Assert.Null(_method.Problem(readings));
    }

    [Fact]
    public void Should_refuse_too_few_readings_saying_how_many_it_takes()
    {
        var problem = _method.Problem([18.0, 18.5, 18.1, 18.3]);

        Assert.NotNull(problem);
        Assert.Contains("5 to 20 readings", problem);
        Assert.Contains("4 were given", problem);
    }

    [Fact]
    public void Should_refuse_no_readings_at_all()
    {
        var problem = _method.Problem([]);

        Assert.NotNull(problem);
        Assert.Contains("0 were given", problem);
    }

    [Fact]
    public void Should_refuse_too_many_readings_saying_how_many_it_takes()
    {
        var problem = _method.Problem(Enumerable.Repeat(18.0, 21).ToList());

        Assert.NotNull(problem);
        Assert.Contains("5 to 20 readings", problem);
        Assert.Contains("21 were given", problem);
    }

    [Fact]
    public void Should_refuse_a_reading_that_is_not_a_number()
    {
        var problem = _method.Problem([18.0, double.NaN, 18.4, 18.2, 18.3]);

        Assert.NotNull(problem);
        Assert.Contains("between", problem);
        Assert.Contains(double.NaN.ToString(CultureInfo.CurrentCulture), problem);
    }

    [Theory]
    [InlineData(-30.5)]
    [InlineData(45.5)]
    [InlineData(180.0)]
    public void Should_refuse_a_reading_that_is_no_indoor_temperature_naming_it(double implausible)
    {
        var problem = _method.Problem([18.0, implausible, 18.4, 18.2, 18.3]);

        Assert.NotNull(problem);
        Assert.Contains(string.Create(CultureInfo.CurrentCulture, $"between {-30.0} and {45.0} °C"), problem);
        Assert.Contains(implausible.ToString(CultureInfo.CurrentCulture), problem);
        Assert.DoesNotContain(18.4.ToString(CultureInfo.CurrentCulture), problem);
    }

    [Fact]
    public void Should_take_the_limits_a_city_configures()
    {
        var strict = new MeasuringMethod { MinimumReadings = 3, MaximumReadings = 3 };

        Assert.Null(strict.Problem([18.0, 18.1, 18.2]));
        Assert.NotNull(strict.Problem([18.0, 18.1, 18.2, 18.3, 18.4]));
    }
}
