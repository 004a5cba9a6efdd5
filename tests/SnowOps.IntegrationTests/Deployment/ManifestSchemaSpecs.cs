using YamlDotNet.RepresentationModel;
using static SnowOps.IntegrationTests.Deployment.Kustomize;

namespace SnowOps.IntegrationTests.Deployment;

/// <summary>
/// Every document the kustomize directories render validates against the Kubernetes schemas: built-in kinds
/// against the typed models of the KubernetesClient package (loaded strictly), the operators' custom resources
/// against the JSON Schemas in <c>Deployment/Schemas/</c>. And the validation does catch mistakes.
/// </summary>
public sealed class When_the_manifests_are_checked_against_the_kubernetes_schemas(Kustomize kustomize) : IClassFixture<Kustomize>
{
    /// <summary>Everything rendered is of a known apiVersion and kind, and valid for it.</summary>
    [Theory]
    [InlineData(Base)]
    [InlineData(Chaoyang)]
    public void Every_rendered_document_is_valid(string directory)
    {
        var documents = kustomize.Rendered(directory);

        Assert.Contains(documents, d => Text(d, "kind") == "RabbitmqCluster");
        Assert.Contains(documents, d => Text(d, "kind") == "Cluster");
        Assert.Empty(documents.SelectMany(ManifestSchemas.Problems));
    }

    /// <summary>A field, the path of the mapping that holds it, and a misspelling of it.</summary>
    public static TheoryData<string, string, string, string> Misspellings() => new()
    {
        { "Deployment", "spec", "replicas", "replica" },
        { "Deployment", "spec/template/spec", "containers", "container" },
        { "NetworkPolicy", "spec", "podSelector", "podselector" },
        { "RabbitmqCluster", "spec", "replicas", "replica" },
        { "RabbitmqCluster", "spec/persistence", "storage", "storge" },
        { "Cluster", "spec", "instances", "instance" },
        { "Cluster", "spec/bootstrap/initdb", "postInitApplicationSQL", "postInitApplicationSql" },
    };

    /// <summary>A misspelled field is rejected, in a built-in kind and in a custom resource alike.</summary>
    [Theory]
    [MemberData(nameof(Misspellings))]
    public void A_misspelled_field_is_rejected(string kind, string parent, string field, string misspelling)
    {
        var document = Copy(kind);
        var mapping = Mapping(document, parent);
        var value = mapping.Children[new YamlScalarNode(field)];
        mapping.Children.Remove(new YamlScalarNode(field));
        mapping.Children.Add(new YamlScalarNode(misspelling), value);

        Assert.Contains(ManifestSchemas.Problems(document), problem => problem.Contains($"'{misspelling}'", StringComparison.Ordinal)
            || problem.Contains($"/{misspelling}'", StringComparison.Ordinal));
    }

    /// <summary>A field, the path of the mapping that holds it, and YAML of a type the field does not take.</summary>
    public static TheoryData<string, string, string, string> WrongTypes() => new()
    {
        { "Deployment", "spec", "replicas", "three" },
        { "Deployment", "spec/template/spec", "containers", "{name: snowops}" },
        { "Service", "spec", "ports", "80" },
        { "RabbitmqCluster", "spec", "replicas", "three" },
        { "RabbitmqCluster", "spec/rabbitmq", "additionalConfig", "[a, b]" },
        { "Cluster", "spec", "instances", "\"3\"" },
        { "Cluster", "spec/storage", "size", "{gigabytes: 10}" },
    };

    /// <summary>A value of the wrong type is rejected, in a built-in kind and in a custom resource alike.</summary>
    [Theory]
    [MemberData(nameof(WrongTypes))]
    public void A_value_of_the_wrong_type_is_rejected(string kind, string parent, string field, string wrongValue)
    {
        var document = Copy(kind);
        Mapping(document, parent).Children[new YamlScalarNode(field)] = ManifestSchemas.FromYaml($"value: {wrongValue}").Children[new YamlScalarNode("value")];

        Assert.NotEmpty(ManifestSchemas.Problems(document));
    }

    /// <summary>An apiVersion or kind that neither the Kubernetes models nor a schema here knows is rejected.</summary>
    [Theory]
    [InlineData("RabbitmqCluster", "rabbitmq.com/v1")]
    [InlineData("Cluster", "postgresql.cnpg.io/v2")]
    [InlineData("Deployment", "apps/v2")]
    public void An_unknown_api_version_is_rejected(string kind, string apiVersion)
    {
        var document = Copy(kind);
        document.Children[new YamlScalarNode("apiVersion")] = new YamlScalarNode(apiVersion);

        Assert.False(ManifestSchemas.IsKnown(apiVersion, kind));
        Assert.NotEmpty(ManifestSchemas.Problems(document));
    }

    /// <summary>The unchanged copies the negative specs start from are valid, so each rejection is the mutation's.</summary>
    [Theory]
    [InlineData("Deployment")]
    [InlineData("Service")]
    [InlineData("NetworkPolicy")]
    [InlineData("RabbitmqCluster")]
    [InlineData("Cluster")]
    public void The_unchanged_documents_are_valid(string kind) => Assert.Empty(ManifestSchemas.Problems(Copy(kind)));

    private YamlMappingNode Copy(string kind) =>
        ManifestSchemas.FromYaml(ManifestSchemas.ToYaml(kustomize.Rendered(Chaoyang).First(d => Text(d, "kind") == kind)));

    private static YamlMappingNode Mapping(YamlMappingNode document, string path) =>
        (YamlMappingNode)Node(document, path.Split('/'))!;
}
