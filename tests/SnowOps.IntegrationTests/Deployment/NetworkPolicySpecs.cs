using static SnowOps.IntegrationTests.Deployment.Kustomize;

namespace SnowOps.IntegrationTests.Deployment;

/// <summary>
/// Who reaches the broker, the database and the collector, by evaluating the rendered NetworkPolicies for pods
/// labelled as the Deployments and the operators label them.
/// </summary>
public sealed class When_pods_connect_inside_the_namespace(Kustomize kustomize) : IClassFixture<Kustomize>
{
    /// <summary>Labels the RabbitMQ cluster operator puts on the pods of the RabbitmqCluster `rabbitmq`.</summary>
    private static readonly Dictionary<string, string> BrokerPod = new()
    {
        ["app.kubernetes.io/name"] = "rabbitmq",
        ["app.kubernetes.io/component"] = "rabbitmq",
        ["app.kubernetes.io/part-of"] = "rabbitmq",
    };

    /// <summary>Labels CloudNativePG puts on the instances of the Cluster `postgres`.</summary>
    private static readonly Dictionary<string, string> DatabasePod = new()
    {
        ["cnpg.io/cluster"] = "postgres",
        ["cnpg.io/podRole"] = "instance",
        ["cnpg.io/instanceRole"] = "primary",
    };

    private static readonly PodIdentity CloudNativePgOperator =
        new("cnpg-system", new Dictionary<string, string> { ["app.kubernetes.io/name"] = "cloudnative-pg" });

    private static readonly PodIdentity RabbitMqOperator =
        new("rabbitmq-system", new Dictionary<string, string> { ["app.kubernetes.io/name"] = "rabbitmq-cluster-operator" });

    /// <summary>A server and a port only the module pods may reach, in each directory.</summary>
    public static TheoryData<string, string, int> ServersOfTheModules()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var directory in new[] { Base, Chaoyang })
        {
            foreach (var (server, port) in new[] { ("rabbitmq", 5672), ("rabbitmq", 15672), ("postgres", 5432), ("otel-collector", 4317), ("otel-collector", 4318) })
            {
                data.Add(directory, server, port);
            }
        }

        return data;
    }

    /// <summary>Every module reaches the broker, the database and the collector; a stranger in the namespace or a module-like pod elsewhere does not.</summary>
    [Theory]
    [MemberData(nameof(ServersOfTheModules))]
    public void Only_the_modules_reach_the_broker_the_database_and_the_collector(string directory, string server, int port)
    {
        var policies = NetworkPolicies.Of(kustomize.Rendered(directory));
        var target = Pod(directory, server);
        var modules = ModulePods(directory);

        Assert.Equal(6, modules.Count);
        Assert.All(modules, module => Assert.True(NetworkPolicies.Allow(policies, module, target, port), $"A module pod cannot reach {server}:{port}."));
        Assert.False(NetworkPolicies.Allow(policies, Stranger(directory), target, port), $"A stranger reaches {server}:{port}.");
        Assert.False(NetworkPolicies.Allow(policies, modules[0] with { Namespace = "elsewhere" }, target, port), $"A pod of another namespace reaches {server}:{port}.");
    }

    /// <summary>The broker's nodes cluster with each other (epmd, inter-node, CLI tools); the modules cannot use those ports.</summary>
    [Theory]
    [InlineData(Base, 4369)]
    [InlineData(Base, 25672)]
    [InlineData(Base, 35672)]
    [InlineData(Chaoyang, 25672)]
    [InlineData(Chaoyang, 35682)]
    public void The_broker_nodes_reach_each_other_for_clustering(string directory, int port)
    {
        var policies = NetworkPolicies.Of(kustomize.Rendered(directory));
        var broker = Pod(directory, "rabbitmq");

        Assert.True(NetworkPolicies.Allow(policies, broker, broker, port));
        Assert.False(NetworkPolicies.Allow(policies, ModulePods(directory)[0], broker, port));
    }

    /// <summary>The database's instances replicate from each other, and CloudNativePG's operator reaches their instance managers.</summary>
    [Theory]
    [InlineData(Base)]
    [InlineData(Chaoyang)]
    public void The_database_instances_replicate_and_their_operator_manages_them(string directory)
    {
        var policies = NetworkPolicies.Of(kustomize.Rendered(directory));
        var database = Pod(directory, "postgres");

        Assert.True(NetworkPolicies.Allow(policies, database, database, 5432));
        Assert.True(NetworkPolicies.Allow(policies, database, database, 8000));
        Assert.True(NetworkPolicies.Allow(policies, CloudNativePgOperator, database, 8000));
        Assert.False(NetworkPolicies.Allow(policies, ModulePods(directory)[0], database, 8000));
        Assert.False(NetworkPolicies.Allow(policies, CloudNativePgOperator with { Namespace = "elsewhere" }, database, 8000));
    }

    /// <summary>The RabbitMQ cluster operator reaches the brokers' management API, and nothing else of them.</summary>
    [Theory]
    [InlineData(Base)]
    [InlineData(Chaoyang)]
    public void The_broker_operator_reaches_only_the_management_api(string directory)
    {
        var policies = NetworkPolicies.Of(kustomize.Rendered(directory));
        var broker = Pod(directory, "rabbitmq");

        Assert.True(NetworkPolicies.Allow(policies, RabbitMqOperator, broker, 15672));
        Assert.False(NetworkPolicies.Allow(policies, RabbitMqOperator, broker, 5672));
    }

    /// <summary>Everything not allowed is denied: a stranger reaches no odd port of any pod, but the modules' HTTP port.</summary>
    [Theory]
    [InlineData(Base)]
    [InlineData(Chaoyang)]
    public void Everything_else_is_denied(string directory)
    {
        var policies = NetworkPolicies.Of(kustomize.Rendered(directory));
        var stranger = Stranger(directory);
        var module = ModulePods(directory)[0];

        Assert.True(NetworkPolicies.Allow(policies, stranger, module, 8080));
        Assert.False(NetworkPolicies.Allow(policies, stranger, module, 9090));
        Assert.False(NetworkPolicies.Allow(policies, stranger, Stranger(directory), 9090));
        Assert.False(NetworkPolicies.Allow(policies, module, Pod(directory, "rabbitmq"), 9090));
    }

    private static string NamespaceOf(string directory) => directory == Base ? "snowops" : "snowops-chaoyang";

    private static PodIdentity Stranger(string directory) =>
        new(NamespaceOf(directory), new Dictionary<string, string> { ["app.kubernetes.io/name"] = "stranger", ["app.kubernetes.io/part-of"] = "snowops" });

    private PodIdentity Pod(string directory, string server) => server switch
    {
        "rabbitmq" => new PodIdentity(NamespaceOf(directory), BrokerPod),
        "postgres" => new PodIdentity(NamespaceOf(directory), DatabasePod),
        _ => TemplatePod(directory, Assert.Single(kustomize.Rendered(directory), d => Text(d, "kind") == "Deployment" && Text(d, "metadata", "name") == server)),
    };

    private List<PodIdentity> ModulePods(string directory) =>
        kustomize.Rendered(directory)
            .Where(d => Text(d, "kind") == "Deployment" && Text(d, "spec", "template", "metadata", "labels", "app.kubernetes.io/name") == "snowops")
            .Select(d => TemplatePod(directory, d))
            .ToList();

    private static PodIdentity TemplatePod(string directory, YamlDotNet.RepresentationModel.YamlMappingNode deployment) =>
        new(NamespaceOf(directory), ((YamlDotNet.RepresentationModel.YamlMappingNode)Node(deployment, "spec", "template", "metadata", "labels")!).Children
            .ToDictionary(label => label.Key.ToString(), label => label.Value.ToString()));
}
