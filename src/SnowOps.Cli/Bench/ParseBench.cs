using System.Diagnostics;
using System.Xml;
using System.Xml.Linq;
using SnowOps.Weather.Alerts;

namespace SnowOps.Cli.Bench;

/// <summary>
/// Alerts parsed and normalised per second on one thread, beside the bare XML load of the same documents
/// (the floor any CAP reader stands on), measured in the same run.
/// </summary>
public static class ParseBench
{
    public sealed record Result(string Name, long Documents, double Seconds, long Bytes)
    {
        public double PerSecond => Documents / Seconds;
        public double MegabytesPerSecond => Bytes / Seconds / 1_000_000;
    }

    public static IReadOnlyList<Result> Run(IReadOnlyList<byte[]> documents, TimeSpan duration)
    {
        var rules = new HazardRules();
        Measure(documents, TimeSpan.FromSeconds(1), d => Normalise(d, rules));
        Measure(documents, TimeSpan.FromSeconds(1), LoadXml);
        return
        [
            Measure(documents, duration, d => Normalise(d, rules)) with { Name = "CAP parse + normalise (SnowOps)" },
            Measure(documents, duration, LoadXml) with { Name = "bare XDocument load (baseline)" },
        ];
    }

    static int Normalise(byte[] document, HazardRules rules)
    {
        var alert = CapParser.Parse(new MemoryStream(document, writable: false));
        var score = 0;
        foreach (var info in alert.Infos)
            score += (int)rules.Classify(info) + (int)HazardRules.Level(info) + (info.Area?.NumPoints ?? 0);
        return score;
    }

    static int LoadXml(byte[] document)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(new MemoryStream(document, writable: false), settings);
        return XDocument.Load(reader).Root?.Name.LocalName.Length ?? 0;
    }

    static Result Measure(IReadOnlyList<byte[]> documents, TimeSpan duration, Func<byte[], int> work)
    {
        long count = 0, bytes = 0, sink = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            foreach (var document in documents)
            {
                sink += work(document);
                bytes += document.Length;
                count++;
            }
        }
        GC.KeepAlive(sink);
        return new Result("", count, clock.Elapsed.TotalSeconds, bytes);
    }
}
