using SnowOps.Demo.Crews;

namespace SnowOps.Demo.Tests;

/// <summary>The readings the simulated inspectors send: plausible, the same every run, some below the standard.</summary>
public sealed class An_inspectors_thermometer
{
    [Fact]
    public void Should_give_each_compound_its_own_warmth_every_run_with_some_below_the_standard()
    {
        var compounds = Enumerable.Range(1, 30).Select(i => $"compound-{i}").ToList();
        var warmth = compounds.Select(Thermometer.CompoundCelsius).ToList();

        Assert.Equal(warmth, compounds.Select(Thermometer.CompoundCelsius));
        Assert.All(warmth, c => Assert.InRange(c, 15.5, 22.5));
        Assert.Contains(warmth, c => c < 18);
        Assert.Contains(warmth, c => c >= 18);
        Assert.Equal(5, Thermometer.Readings("compound-1", home: 1).Count);
        Assert.All(compounds, c => Assert.True(Thermometer.Readings(c, 1, repaired: true).Min() > Thermometer.Readings(c, 1).Max()));
    }
}
