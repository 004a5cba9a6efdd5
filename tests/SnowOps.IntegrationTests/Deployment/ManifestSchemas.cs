using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using k8s;
using k8s.Models;
using YamlDotNet.RepresentationModel;

namespace SnowOps.IntegrationTests.Deployment;

/// <summary>
/// Validates rendered manifests against the Kubernetes schemas: built-in kinds by loading them strictly into
/// the typed models of the KubernetesClient package (an unknown field or a value of the wrong type fails), the
/// operators' custom resources (RabbitmqCluster, CloudNativePG's Cluster) by the JSON Schemas in
/// <c>Deployment/Schemas/</c>. A document whose apiVersion and kind neither knows fails too.
/// </summary>
public static partial class ManifestSchemas
{
    private static readonly string SchemaDirectory = Path.Combine(AppContext.BaseDirectory, "Deployment", "Schemas");

    private static readonly Dictionary<string, Type> BuiltInKinds = typeof(KubernetesEntityAttribute).Assembly
        .GetTypes()
        .Select(type => (Type: type, Entity: type.GetCustomAttribute<KubernetesEntityAttribute>()))
        .Where(entry => entry.Entity is not null)
        .ToDictionary(
            entry => KindKey(string.IsNullOrEmpty(entry.Entity!.Group) ? entry.Entity.ApiVersion : $"{entry.Entity.Group}/{entry.Entity.ApiVersion}", entry.Entity.Kind),
            entry => entry.Type,
            StringComparer.Ordinal);

    private static readonly Dictionary<string, string> CustomKinds = new(StringComparer.Ordinal)
    {
        [KindKey("rabbitmq.com/v1beta1", "RabbitmqCluster")] = "rabbitmqcluster.schema.json",
        [KindKey("postgresql.cnpg.io/v1", "Cluster")] = "cnpg-cluster.schema.json",
    };

    private static readonly MethodInfo StrictDeserialize = typeof(KubernetesYaml)
        .GetMethods(BindingFlags.Public | BindingFlags.Static)
        .Single(method => method.Name == nameof(KubernetesYaml.Deserialize)
            && method.GetParameters() is [{ ParameterType: var content }, { ParameterType: var strict }]
            && content == typeof(string) && strict == typeof(bool));

    private static readonly Lazy<EvaluationOptions> SchemaOptions = new(LoadSchemas);

    private static readonly Lazy<Dictionary<string, JsonSchema>> CustomSchemas = new(() => CustomKinds.ToDictionary(
        kind => kind.Key,
        kind => JsonSchema.FromFile(Path.Combine(SchemaDirectory, kind.Value)),
        StringComparer.Ordinal));

    /// <summary>Whether a built-in model or a schema of this repository covers <paramref name="apiVersion"/>/<paramref name="kind"/>.</summary>
    public static bool IsKnown(string apiVersion, string kind) =>
        BuiltInKinds.ContainsKey(KindKey(apiVersion, kind)) || CustomKinds.ContainsKey(KindKey(apiVersion, kind));

    /// <summary>Whether <paramref name="apiVersion"/>/<paramref name="kind"/> is one of the operators' custom resources.</summary>
    public static bool IsCustomResource(string apiVersion, string kind) => CustomKinds.ContainsKey(KindKey(apiVersion, kind));

    /// <summary>What is wrong with <paramref name="document"/>; empty when it is valid.</summary>
    public static IReadOnlyList<string> Problems(YamlMappingNode document)
    {
        var apiVersion = Kustomize.Text(document, "apiVersion") ?? "(no apiVersion)";
        var kind = Kustomize.Text(document, "kind") ?? "(no kind)";
        var key = KindKey(apiVersion, kind);
        if (BuiltInKinds.TryGetValue(key, out var model))
        {
            return BuiltInProblems(document, model);
        }

        if (CustomSchemas.Value.TryGetValue(key, out var schema))
        {
            return SchemaProblems(document, schema);
        }

        return [$"{key} is neither a built-in Kubernetes kind nor a custom resource with a schema in this repository."];
    }

    /// <summary>The YAML text of <paramref name="document"/>.</summary>
    public static string ToYaml(YamlNode document)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        new YamlStream(new YamlDocument(document)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    /// <summary>The document that <paramref name="yaml"/> holds.</summary>
    public static YamlMappingNode FromYaml(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    /// <summary>The JSON value of a YAML node, resolving plain scalars as YAML 1.2's core schema does.</summary>
    public static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(child =>
            KeyValuePair.Create(((YamlScalarNode)child.Key).Value ?? string.Empty, ToJson(child.Value)))),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => ScalarToJson(scalar),
        _ => throw new NotSupportedException($"YAML node {node.NodeType} at {node.Start} is not supported."),
    };

    private static List<string> BuiltInProblems(YamlMappingNode document, Type model)
    {
        try
        {
            StrictDeserialize.MakeGenericMethod(model).Invoke(null, [ToYaml(document), true]);
            return [];
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            var messages = new List<string>();
            for (Exception? inner = ex.InnerException; inner is not null; inner = inner.InnerException)
            {
                messages.Add(inner.Message);
            }

            return [$"{Describe(document)} does not load strictly as {model.Name}: {string.Join(" -> ", messages)}"];
        }
    }

    private static List<string> SchemaProblems(YamlMappingNode document, JsonSchema schema)
    {
        var problems = new List<string>();
        Collect(schema.Evaluate(ToJson(document), SchemaOptions.Value));
        return problems;

        // Only failures that make their parents fail: the branches an anyOf tried and dropped are no problem.
        void Collect(EvaluationResults results)
        {
            if (results.IsValid)
            {
                return;
            }

            foreach (var error in results.Errors ?? new Dictionary<string, string>())
            {
                problems.Add($"{Describe(document)} at '{results.InstanceLocation}': {error.Value}");
            }

            foreach (var detail in results.Details)
            {
                Collect(detail);
            }
        }
    }

    private static EvaluationOptions LoadSchemas()
    {
        var options = new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical };
        options.SchemaRegistry.Register(JsonSchema.FromFile(Path.Combine(SchemaDirectory, "kubernetes-common.schema.json")));
        return options;
    }

    private static JsonNode? ScalarToJson(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != YamlDotNet.Core.ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when IntegerPattern().IsMatch(text) => JsonValue.Create(long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)),
            _ when FloatPattern().IsMatch(text) => JsonValue.Create(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)),
            _ => JsonValue.Create(text),
        };
    }

    private static string Describe(YamlMappingNode document) =>
        $"{Kustomize.Text(document, "kind")} '{Kustomize.Text(document, "metadata", "name")}'";

    private static string KindKey(string apiVersion, string kind) => $"{apiVersion}/{kind}";

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
