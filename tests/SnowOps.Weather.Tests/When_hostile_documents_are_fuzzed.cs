using System.Diagnostics;
using NetTopologySuite.IO;
using SnowOps.Testing;
using SnowOps.Weather.Alerts;
using Xunit.Abstractions;

namespace SnowOps.Weather.Tests;

/// <summary>
/// Ten thousand documents derived from the real samples, mutated with a fixed seed: every one is either an
/// alert or an <see cref="AlertRejected"/> that says why. Anything else is a crash the service would answer 500 to.
/// </summary>
public sealed class When_hostile_documents_are_fuzzed(ITestOutputHelper output)
{
    public const int Documents = 10_000;

    static readonly HazardRules Rules = new();

    public static AlertMutator Mutator() => new(AlertSample.From(Samples.Folder("cap"), Samples.Folder("nws")));

    /// <summary>Parses one mutated document as the endpoint does, then uses it as the intake does.</summary>
    public static string Outcome(MutatedAlert mutated)
    {
        try
        {
            using var stream = new MemoryStream(mutated.Body);
            IReadOnlyList<CapAlert> alerts = mutated.Sample.Kind == "cap" ? [CapParser.Parse(stream)] : NwsParser.Parse(stream);
            if (mutated.Sample.Kind == "cap")
                _ = BoundedXml.Text(mutated.Body);
            foreach (var info in alerts.SelectMany(a => a.Infos))
            {
                _ = Rules.Classify(info);
                _ = HazardRules.Level(info);
                if (info.Area is not null)
                    _ = new WKTWriter().Write(info.Area);
            }
            return alerts.SelectMany(a => a.Infos).Any(i => i.Notes.Count > 0) ? "parsed, repaired" : "parsed";
        }
        catch (AlertRejected rejected) when (!string.IsNullOrWhiteSpace(rejected.Message))
        {
            return "rejected";
        }
    }

    [Fact]
    public void Should_parse_or_reject_every_mutated_document_and_never_crash()
    {
        var mutator = Mutator();
        var outcomes = new Dictionary<string, int>();
        var crashes = new List<string>();
        var slowest = (Time: TimeSpan.Zero, Document: "");
        var total = Stopwatch.StartNew();
        for (var i = 0; i < Documents; i++)
        {
            var mutated = mutator.Create(i);
            var one = Stopwatch.StartNew();
            try
            {
                var outcome = Outcome(mutated);
                outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            }
            catch (Exception e)
            {
                crashes.Add($"{mutated}\n    {e.GetType().Name}: {e.Message}\n    {e.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}");
            }
            if (one.Elapsed > slowest.Time)
                slowest = (one.Elapsed, mutated.ToString());
        }

        output.WriteLine($"{Documents} documents in {total.Elapsed.TotalSeconds:0.0} s: "
            + string.Join(", ", outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Value} {o.Key}"))
            + $", {crashes.Count} crashed; slowest {slowest.Time.TotalMilliseconds:0} ms ({slowest.Document})");
        Assert.True(crashes.Count == 0, $"{crashes.Count} of {Documents} documents crashed the parser (rebuild one with Mutator().Create(index)):\n"
            + string.Join("\n", crashes.Take(10)));
        Assert.True(slowest.Time < TimeSpan.FromSeconds(2), $"One document took {slowest.Time}: {slowest.Document}");
    }
}
