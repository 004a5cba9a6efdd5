using System.Text;

namespace SnowOps.Testing;

/// <summary>A real agency document the fuzzer starts from: <c>cap</c> (XML) or <c>nws</c> (GeoJSON).</summary>
public sealed record AlertSample(string Name, string Kind, byte[] Body)
{
    public static IReadOnlyList<AlertSample> From(string capFolder, string nwsFolder) =>
        Directory.EnumerateFiles(capFolder, "*.xml").Select(f => new AlertSample(Path.GetFileName(f), "cap", File.ReadAllBytes(f)))
            .Concat(Directory.EnumerateFiles(nwsFolder, "*.json").Select(f => new AlertSample(Path.GetFileName(f), "nws", File.ReadAllBytes(f))))
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
}

/// <summary>One mutated document: which sample, what was done to it, and the bytes.</summary>
public sealed record MutatedAlert(int Index, AlertSample Sample, string Mutations, byte[] Body)
{
    public override string ToString() => $"#{Index} {Sample.Name}: {Mutations}";
}

/// <summary>
/// Derives hostile and broken documents from real ones. Mutation <c>i</c> depends only on the seed and
/// <c>i</c>, so any document the fuzzer reports can be rebuilt with <see cref="Create"/> and debugged alone.
/// </summary>
public sealed class AlertMutator(IReadOnlyList<AlertSample> samples, int seed = 20261126)
{
    public MutatedAlert Create(int index)
    {
        var random = new Random(unchecked((seed * 7919) + index));
        var sample = samples[index % samples.Count];
        var done = new List<string>();
        byte[] body;
        if (random.Next(5) == 0)
        {
            body = Bytes(sample.Body, random, done);
        }
        else
        {
            body = sample.Kind == "cap" ? Xml(sample.Body, random, done) : JsonMutations.Apply(sample.Body, random, done);
            if (random.Next(5) == 0)
                body = Bytes(body, random, done);
        }
        return new MutatedAlert(index, sample, string.Join(" + ", done), body);
    }

    static byte[] Bytes(byte[] body, Random random, List<string> done)
    {
        var copy = (byte[])body.Clone();
        if (copy.Length == 0 || random.Next(2) == 0)
        {
            var at = random.Next(copy.Length + 1);
            done.Add($"truncate at {at}");
            return copy[..at];
        }
        var flips = 1 + random.Next(8);
        for (var i = 0; i < flips; i++)
            copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        done.Add($"flip {flips} bits");
        return copy;
    }

    static byte[] Xml(byte[] body, Random random, List<string> done)
    {
        var xml = Encoding.UTF8.GetString(body);
        var rounds = 1 + random.Next(3);
        for (var i = 0; i < rounds; i++)
            xml = XmlOnce(xml, random, done);
        return EncodingSwap(xml, random, done);
    }

    static string XmlOnce(string xml, Random random, List<string> done)
    {
        var action = random.Next(9);
        if (XmlElements.Pick(xml, random, leaf: action is 3 or 4) is not { } e)
            return xml;
        switch (action)
        {
            case 0:
                done.Add($"remove <{e.Name}>");
                return xml.Remove(e.Start, e.End - e.Start);
            case 1:
                // Now and then thousands of copies: more areas, polygons or infos than any limit allows.
                var times = random.Next(4) == 0 ? 2500 : 1 + random.Next(3);
                times = Math.Min(times, (400_000 / Math.Max(1, e.End - e.Start)) + 1);
                done.Add($"repeat <{e.Name}> {times}x");
                return xml.Insert(e.End, string.Concat(Enumerable.Repeat(xml[e.Start..e.End], times)));
            case 2:
                if (XmlElements.Pick(xml, random) is { } other && (other.Start >= e.End || other.End <= e.Start))
                {
                    var (first, second) = other.Start < e.Start ? (other, e) : (e, other);
                    done.Add($"swap <{first.Name}> and <{second.Name}>");
                    return xml[..first.Start] + xml[second.Start..second.End] + xml[first.End..second.Start] + xml[first.Start..first.End] + xml[second.End..];
                }
                goto case 5;
            case 3:
            case 4:
                if (e.IsLeaf(xml))
                {
                    var value = HostileValues.Text[random.Next(HostileValues.Text.Length)];
                    done.Add($"<{e.Name}> = '{(value.Length > 40 ? value[..40] + "…" : value)}'");
                    return xml[..e.ContentStart] + value + xml[e.ContentEnd..];
                }
                goto case 5;
            case 5:
                var depth = random.Next(4) switch { 0 => 30, 1 => 33, 2 => 200, _ => 20_000 };
                done.Add($"nest {depth} deep in <{e.Name}>");
                return xml.Insert(e.ContentStart, HostileValues.Deep("<x>", "</x>", depth));
            case 6:
                var ns = HostileValues.Namespaces[random.Next(HostileValues.Namespaces.Length)];
                done.Add($"namespace '{ns}'");
                return xml.Replace("urn:oasis:names:tc:emergency:cap:1.2", ns, StringComparison.Ordinal);
            case 7:
                if (XmlElements.First(xml) is not { } root)
                    return xml;
                var laughs = random.Next(2) == 0;
                done.Add(laughs ? "billion laughs" : "XXE");
                var withDoctype = xml.Insert(root.Start, HostileValues.Doctype(root.Name, laughs));
                var leaf = XmlElements.Pick(withDoctype, random, leaf: true);
                return leaf is null ? withDoctype : withDoctype.Insert(leaf.ContentStart, laughs ? "&lol9;" : "&xxe;");
            default:
                done.Add($"rename <{e.Name}>");
                return xml[..(e.Start + 1)] + "x" + xml[(e.Start + 1)..];
        }
    }

    /// <summary>Declares another encoding, and writes the bytes in it only where .NET has it built in.</summary>
    static byte[] EncodingSwap(string xml, Random random, List<string> done)
    {
        if (random.Next(8) != 0)
            return Encoding.UTF8.GetBytes(xml);
        var name = HostileValues.Encodings[random.Next(HostileValues.Encodings.Length)];
        var declared = xml.StartsWith("<?xml", StringComparison.Ordinal)
            ? System.Text.RegularExpressions.Regex.Replace(xml, "encoding\\s*=\\s*[\"'][^\"']*[\"']", $"encoding=\"{name}\"", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1))
            : $"<?xml version=\"1.0\" encoding=\"{name}\"?>" + xml;
        var encoding = name switch
        {
            "ISO-8859-1" => Encoding.Latin1,
            "UTF-16" => Encoding.Unicode,
            "US-ASCII" => Encoding.ASCII,
            "UTF-32" => Encoding.UTF32,
            _ => Encoding.UTF8,
        };
        var bom = random.Next(2) == 0;
        done.Add($"encoding {name}{(bom ? " with BOM" : "")}");
        return bom ? [.. encoding.GetPreamble(), .. encoding.GetBytes(declared)] : encoding.GetBytes(declared);
    }
}
