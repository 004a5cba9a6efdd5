using System.Runtime.InteropServices;

namespace SnowOps.Routing.Network.Import;

/// <summary>
/// Cuts streets into segments at intersections: a node used by two or more streets (or twice by one, as a loop
/// does) is an intersection, and so is each street's end. Streets that cross without sharing a node (a bridge over a
/// road, a tunnel under it) do not meet.
/// </summary>
public static class WaySplitter
{
    public static List<SourceWay> Split(IEnumerable<SourceWay> ways)
    {
        var cleaned = ways.Select(WithoutRepeatedNodes).Where(w => w.Nodes.Length >= 2).ToList();
        var uses = new Dictionary<long, int>();
        foreach (var way in cleaned)
        {
            foreach (var node in way.Nodes)
                CollectionsMarshal.GetValueRefOrAddDefault(uses, node, out _)++;
        }

        var pieces = new List<SourceWay>(cleaned.Count * 2);
        foreach (var way in cleaned)
        {
            var start = 0;
            for (var i = 1; i < way.Nodes.Length; i++)
            {
                if (i < way.Nodes.Length - 1 && uses[way.Nodes[i]] < 2)
                    continue;
                pieces.Add(way with { Nodes = way.Nodes[start..(i + 1)], Points = way.Points[start..(i + 1)] });
                start = i;
            }
        }
        return pieces;
    }

    /// <summary>The same node twice in a row (a drawing slip, or two GeoJSON points rounding to one) is one point.</summary>
    static SourceWay WithoutRepeatedNodes(SourceWay way)
    {
        var keep = Enumerable.Range(0, way.Nodes.Length).Where(i => i == 0 || way.Nodes[i] != way.Nodes[i - 1]).ToArray();
        return keep.Length == way.Nodes.Length
            ? way
            : way with { Nodes = keep.Select(i => way.Nodes[i]).ToArray(), Points = keep.Select(i => way.Points[i]).ToArray() };
    }
}
