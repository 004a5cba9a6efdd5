using SnowOps.Heating.Checks;
using SnowOps.Heating.Risk;

namespace SnowOps.Cli.Bench;

/// <summary>
/// A synthetic district for the heating benchmark, the same for the same seed: companies sharing the inspectors, and
/// compounds of mixed age with cold areas, cold spots, complaints and low readings, last checked within the past week.
/// </summary>
public sealed record HeatingDistrict(IReadOnlyList<CheckCandidate> Candidates, IReadOnlyDictionary<string, int> Capacity, int Inspectors)
{
    /// <summary>Compound checks one inspector makes in a day.</summary>
    public const int ChecksPerInspector = 8;

    /// <summary>How often compounds are checked in the cold wave.</summary>
    public const double ColdWaveEveryHours = 24;

    public static HeatingDistrict Generate(int compounds, int inspectors, int companies, int seed, DateTimeOffset now)
    {
        var random = new Random(seed);
        companies = Math.Min(companies, inspectors);
        var ids = Enumerable.Range(1, companies).Select(i => $"company-{i:D3}").ToArray();
        // Each company gets one inspector, the rest go by random weights: big and small companies side by side.
        var weights = ids.Select(_ => 0.2 + random.NextDouble()).ToArray();
        var staff = ids.Select(_ => 1).ToArray();
        for (var i = companies; i < inspectors; i++)
            staff[Pick(random, weights)]++;
        var capacity = ids.Select((id, i) => (id, staff[i] * ChecksPerInspector)).ToDictionary(x => x.id, x => x.Item2, StringComparer.Ordinal);

        var candidates = new List<CheckCandidate>(compounds);
        for (var i = 0; i < compounds; i++)
        {
            var company = ids[Pick(random, weights)];
            int? built = random.NextDouble() < 0.03 ? null : 1950 + random.Next(75);
            var coldArea = random.NextDouble() < 0.15;
            var spots = random.NextDouble() < 0.3 ? random.Next(1, 6) : 0;
            var below = random.NextDouble() < 0.1 ? random.Next(1, 4) : 0;
            var near = random.NextDouble() < 0.2 ? random.Next(1, 4) : 0;
            var complaints = random.NextDouble() < 0.25 ? random.Next(1, 12) : 0;
            var facts = new CompoundFacts($"compound-{i:D6}", company, built, coldArea, spots, below, near, complaints);
            candidates.Add(new CheckCandidate(facts, now.AddHours(-random.NextDouble() * 24 * 7), ColdWaveEveryHours));
        }
        return new HeatingDistrict(candidates, capacity, inspectors);
    }

    /// <summary>The first compounds the cold wave's plan names, and its forecast.</summary>
    public static RiskContext ColdWave(DateTimeOffset now) => new(now.Year, -16, new HashSet<string> { "old", "cold-area", "complaints" });

    static int Pick(Random random, double[] weights)
    {
        var x = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0)
                return i;
        }
        return weights.Length - 1;
    }
}
