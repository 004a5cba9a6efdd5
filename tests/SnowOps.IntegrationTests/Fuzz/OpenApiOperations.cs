using System.Text.Json;
using System.Text.Json.Nodes;

namespace SnowOps.IntegrationTests.Fuzz;

/// <summary>One operation the host describes in its OpenAPI document: enough to call it with made-up input.</summary>
public sealed record OpenApiOperation(string Method, string Path, IReadOnlyList<(string Name, string Type, string? Format, bool InPath)> Parameters,
    string? BodyType, JsonNode? BodySeed)
{
    public override string ToString() => $"{Method} {Path}";
}

/// <summary>Reads the operations out of <c>/openapi/v1.json</c> and makes a plausible body for each from its schema.</summary>
public static class OpenApiOperations
{
    public static List<OpenApiOperation> Read(JsonElement document)
    {
        var schemas = document.TryGetProperty("components", out var components) && components.TryGetProperty("schemas", out var s) ? s : default;
        var operations = new List<OpenApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var parameters = operation.Value.TryGetProperty("parameters", out var list)
                    ? list.EnumerateArray().Select(p => (p.GetProperty("name").GetString()!, Type(p), Format(p), p.GetProperty("in").GetString() == "path")).ToList()
                    : [];
                string? bodyType = null;
                JsonNode? seed = null;
                if (operation.Value.TryGetProperty("requestBody", out var body) && body.TryGetProperty("content", out var content))
                {
                    var first = content.EnumerateObject().First();
                    bodyType = first.Name;
                    seed = first.Value.TryGetProperty("schema", out var schema) ? Seed(schema, schemas, 0) : new JsonObject();
                }
                operations.Add(new OpenApiOperation(operation.Name.ToUpperInvariant(), path.Name, parameters, bodyType, seed));
            }
        }
        return operations;
    }

    static string Type(JsonElement parameter) =>
        parameter.TryGetProperty("schema", out var schema) && schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
            ? type.GetString()!
            : "string";

    static string? Format(JsonElement parameter) =>
        parameter.TryGetProperty("schema", out var schema) && schema.TryGetProperty("format", out var format) ? format.GetString() : null;

    /// <summary>A value the schema would accept: every property filled, arrays of one, references followed a few levels deep.</summary>
    static JsonNode? Seed(JsonElement schema, JsonElement schemas, int depth)
    {
        if (depth > 5)
            return null;
        if (schema.TryGetProperty("$ref", out var reference) && schemas.ValueKind == JsonValueKind.Object
            && schemas.TryGetProperty(reference.GetString()!.Split('/')[^1], out var target))
            return Seed(target, schemas, depth + 1);
        var type = schema.TryGetProperty("type", out var t) ? (t.ValueKind == JsonValueKind.Array ? t[0].GetString() : t.GetString()) : null;
        if (schema.TryGetProperty("enum", out var values) && values.GetArrayLength() > 0)
            return JsonNode.Parse(values[0].GetRawText());
        return type switch
        {
            "object" or null when schema.TryGetProperty("properties", out var properties) =>
                new JsonObject(properties.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, Seed(p.Value, schemas, depth + 1)))),
            "array" => new JsonArray(schema.TryGetProperty("items", out var items) ? Seed(items, schemas, depth + 1) : JsonValue.Create("x")),
            "integer" => JsonValue.Create(1),
            "number" => JsonValue.Create(1.5),
            "boolean" => JsonValue.Create(true),
            "string" when schema.TryGetProperty("format", out var f) && f.GetString() == "date-time" => JsonValue.Create(DateTimeOffset.UtcNow),
            "string" when schema.TryGetProperty("format", out var f) && f.GetString() == "uuid" => JsonValue.Create(Guid.NewGuid()),
            "string" => JsonValue.Create("x"),
            _ => new JsonObject(),
        };
    }
}
