using SnowOps.Heating.Risk;

namespace SnowOps.Heating.Tests.Risk;

/// <summary>Each part of a compound's risk moves its score as documented, and the parts add up to the total.</summary>
public sealed class When_a_compound_is_scored_for_risk
{
    static readonly RiskOptions Options = new();
    static readonly RiskContext Calm = new(2026, null, new HashSet<string>());
    static readonly CompoundFacts Plain = new("c-1", "north-heat", 2016, false, 0, 0, 0, 0);

    static RiskScore Score(CompoundFacts facts, RiskContext? context = null) => RiskScorer.Score(facts, context ?? Calm, Options);

    static RiskPart Part(RiskScore score, string name) => Assert.Single(score.Parts, p => p.Name == name);

    [Fact]
    public void Should_show_every_part_with_its_value_points_and_reason()
    {
        var score = Score(Plain);

        Assert.Equal([RiskScorer.Age, RiskScorer.LowReadings, RiskScorer.ColdArea, RiskScorer.ColdSpots, RiskScorer.Complaints, RiskScorer.Forecast],
            score.Parts.Select(p => p.Name));
        Assert.All(score.Parts, p => Assert.False(string.IsNullOrWhiteSpace(p.Why)));
        Assert.Equal(10, Part(score, RiskScorer.Age).Value);
        Assert.Equal(5, score.Total);
    }

    [Fact]
    public void Should_add_half_a_point_per_year_of_age_up_to_sixty_years()
    {
        Assert.Equal(5, Part(Score(Plain), RiskScorer.Age).Points);
        Assert.Equal(23, Part(Score(Plain with { BuiltYear = 1980 }), RiskScorer.Age).Points);
        Assert.Equal(30, Part(Score(Plain with { BuiltYear = 1950 }), RiskScorer.Age).Points);
        Assert.Contains("76 years old", Part(Score(Plain with { BuiltYear = 1950 }), RiskScorer.Age).Why);
        var unknown = Part(Score(Plain with { BuiltYear = null }), RiskScorer.Age);
        Assert.Equal((null, 0), (unknown.Value, unknown.Points));
    }

    [Fact]
    public void Should_add_eight_points_per_reading_below_the_standard_and_three_per_reading_just_above_it()
    {
        Assert.Equal(0, Part(Score(Plain), RiskScorer.LowReadings).Points);
        Assert.Equal(8, Part(Score(Plain with { BelowStandard = 1 }), RiskScorer.LowReadings).Points);
        Assert.Equal(19, Part(Score(Plain with { BelowStandard = 2, NearStandard = 1 }), RiskScorer.LowReadings).Points);
        Assert.Equal(30, Part(Score(Plain with { BelowStandard = 9 }), RiskScorer.LowReadings).Points);
    }

    [Fact]
    public void Should_add_points_for_a_cold_area_and_for_each_cold_spot()
    {
        Assert.Equal(10, Part(Score(Plain with { ColdArea = true }), RiskScorer.ColdArea).Points);
        Assert.Equal(0, Part(Score(Plain), RiskScorer.ColdArea).Points);
        Assert.Equal(6, Part(Score(Plain with { ColdSpots = 3 }), RiskScorer.ColdSpots).Points);
        Assert.Equal(10, Part(Score(Plain with { ColdSpots = 30 }), RiskScorer.ColdSpots).Points);
    }

    [Fact]
    public void Should_add_four_points_per_complaint_up_to_forty()
    {
        Assert.Equal(12, Part(Score(Plain with { Complaints = 3 }), RiskScorer.Complaints).Points);
        Assert.Equal(40, Part(Score(Plain with { Complaints = 25 }), RiskScorer.Complaints).Points);
    }

    [Fact]
    public void Should_add_a_point_per_degree_the_forecast_falls_below_zero_and_nothing_without_a_forecast()
    {
        Assert.Equal(0, Part(Score(Plain), RiskScorer.Forecast).Points);
        Assert.Equal("No outdoor forecast.", Part(Score(Plain), RiskScorer.Forecast).Why);
        Assert.Equal(0, Part(Score(Plain, Calm with { LowestForecastCelsius = 3 }), RiskScorer.Forecast).Points);
        var cold = Part(Score(Plain, Calm with { LowestForecastCelsius = -12.5 }), RiskScorer.Forecast);
        Assert.Equal((-12.5, 12.5), (cold.Value, cold.Points));
        Assert.Equal(20, Part(Score(Plain, Calm with { LowestForecastCelsius = -35 }), RiskScorer.Forecast).Points);
    }

    [Theory]
    [InlineData(1955, true, 4, 2, 3, 7, -15.0)]
    [InlineData(null, false, 0, 0, 0, 0, null)]
    [InlineData(2001, true, 1, 0, 5, 40, 2.0)]
    [InlineData(1999, false, 7, 11, 0, 1, -40.0)]
    public void Should_make_the_total_the_sum_of_the_parts(int? built, bool coldArea, int spots, int below, int near, int complaints, double? forecast)
    {
        var facts = new CompoundFacts("c-9", "north-heat", built, coldArea, spots, below, near, complaints);
        foreach (var first in new[] { Array.Empty<string>(), ["old", "cold-area", "complaints"] })
        {
            var context = new RiskContext(2026, forecast, first.ToHashSet());
            var score = Score(facts, context);
            Assert.Equal(score.Total, score.Parts.Sum(p => p.Points), precision: 6);
            // The scheduler ranks by the total alone; it must be the total the parts show.
            Assert.Equal(score.Total, RiskScorer.Total(facts, context, Options));
        }
    }

    [Fact]
    public void Should_double_the_parts_a_plan_puts_first_and_leave_the_others()
    {
        var facts = Plain with { BuiltYear = 1976, ColdArea = true, ColdSpots = 2, BelowStandard = 1, Complaints = 2 };
        var plain = Score(facts);

        var old = Score(facts, Calm with { First = new HashSet<string> { "old" } });
        Assert.Equal(2 * Part(plain, RiskScorer.Age).Points, Part(old, RiskScorer.Age).Points);
        Assert.Contains("×2", Part(old, RiskScorer.Age).Why);
        Assert.Equal(plain.Total + Part(plain, RiskScorer.Age).Points, old.Total);

        var coldArea = Score(facts, Calm with { First = new HashSet<string> { "cold-area" } });
        Assert.Equal(plain.Total + 8 + 10 + 4, coldArea.Total);

        var complaints = Score(facts, Calm with { First = new HashSet<string> { "complaints" } });
        Assert.Equal(16, Part(complaints, RiskScorer.Complaints).Points);
        Assert.Equal(Part(plain, RiskScorer.Age), Part(complaints, RiskScorer.Age));
    }

    [Fact]
    public void Should_rank_an_old_compound_above_a_new_one_once_the_plan_puts_old_compounds_first()
    {
        var old = Plain with { CompoundId = "old", BuiltYear = 1966 };
        var complained = Plain with { CompoundId = "complained", BuiltYear = 2016, Complaints = 7 };

        Assert.True(Score(complained).Total > Score(old).Total);
        var first = Calm with { First = new HashSet<string> { "old" } };
        Assert.True(Score(old, first).Total > Score(complained, first).Total);
    }
}
