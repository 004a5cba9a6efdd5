using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SnowOps.Testing;

/// <summary>
/// Mutations of NWS GeoJSON: values swapped for hostile ones (written raw, so they can be what no serializer
/// would write: 1e400, half a surrogate pair, 20,000 nested arrays), properties removed, renamed or copied,
/// and geometries that cross themselves, do not close or leave the Earth.
/// </summary>
public static class JsonMutations
{
    public static byte[] Apply(byte[] body, Random random, List<string> done)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            root = null;
        }
        if (root is null)
            return body;

        var raw = new List<string>();
        var rounds = 1 + random.Next(3);
        for (var i = 0; i < rounds; i++)
            Once(root, random, done, raw);
        var text = root.ToJsonString();
        for (var i = 0; i < raw.Count; i++)
            text = text.Replace($"\"@@raw{i}@@\"", raw[i], StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(text);
    }

    static void Once(JsonNode root, Random random, List<string> done, List<string> raw)
    {
        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        if (nodes.Count == 0)
            return;
        var node = nodes[random.Next(nodes.Count)];
        switch (random.Next(6))
        {
            case 0:
            case 1:
                var value = random.Next(10) == 0
                    ? HostileValues.Deep("[", "]", random.Next(2) == 0 ? 33 : 20_000)
                    : HostileValues.Json[random.Next(HostileValues.Json.Length)];
                done.Add($"{node.GetPath()} = {(value.Length > 40 ? value[..40] + "…" : value)}");
                Replace(node, Raw(value, raw));
                break;
            case 2:
                var geometry = HostileValues.Json.Where(j => j.StartsWith("{\"type\"", StringComparison.Ordinal) || j.StartsWith("{\"coord", StringComparison.Ordinal)).ToArray();
                var shape = geometry[random.Next(geometry.Length)];
                var features = root["features"] is JsonArray { Count: > 0 } list ? list[random.Next(list.Count)] : root;
                if (features is JsonObject feature)
                {
                    done.Add($"{feature.GetPath()}.geometry = {shape[..Math.Min(40, shape.Length)]}…");
                    feature["geometry"] = Raw(shape, raw);
                }
                break;
            case 3:
                if (node.Parent is JsonObject removeFrom)
                {
                    done.Add($"remove {node.GetPath()}");
                    removeFrom.Remove(node.GetPropertyName());
                }
                break;
            case 4:
                if (node.Parent is JsonObject renameIn)
                {
                    var name = node.GetPropertyName();
                    done.Add($"rename {node.GetPath()}");
                    renameIn.Remove(name);
                    renameIn["x" + name] = node;
                }
                break;
            default:
                var other = nodes[random.Next(nodes.Count)];
                if (!IsWithin(other, node) && !IsWithin(node, other))
                {
                    done.Add($"{node.GetPath()} = copy of {other.GetPath()}");
                    Replace(node, other.DeepClone());
                }
                break;
        }
    }

    static JsonNode Raw(string value, List<string> raw)
    {
        raw.Add(value);
        return JsonValue.Create($"@@raw{raw.Count - 1}@@");
    }

    static void Replace(JsonNode node, JsonNode replacement)
    {
        switch (node.Parent)
        {
            case JsonObject parent:
                parent[node.GetPropertyName()] = replacement;
                break;
            case JsonArray array:
                array[node.GetElementIndex()] = replacement;
                break;
            default:
                break;
        }
    }

    static bool IsWithin(JsonNode node, JsonNode ancestor)
    {
        for (var n = node; n is not null; n = n.Parent)
        {
            if (ReferenceEquals(n, ancestor))
                return true;
        }
        return false;
    }

    static void Collect(JsonNode? node, List<JsonNode> nodes)
    {
        if (node is null)
            return;
        if (node.Parent is not null)
            nodes.Add(node);
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, child) in o)
                    Collect(child, nodes);
                break;
            case JsonArray a:
                foreach (var child in a)
                    Collect(child, nodes);
                break;
            default:
                break;
        }
    }
}
