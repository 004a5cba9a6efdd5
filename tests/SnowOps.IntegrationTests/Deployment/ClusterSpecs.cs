using System.Text.RegularExpressions;
using Npgsql;
using YamlDotNet.RepresentationModel;
using static SnowOps.IntegrationTests.Deployment.Kustomize;

namespace SnowOps.IntegrationTests.Deployment;

/// <summary>
/// The broker and the database are clusters run by their operators (a RabbitmqCluster and a CloudNativePG
/// Cluster), and the modules reach them through the Services and Secrets those operators make.
/// </summary>
public sealed partial class When_the_broker_and_the_database_run_as_clusters(Kustomize kustomize) : IClassFixture<Kustomize>
{
    private static readonly string[] Modules = ["Weather", "Dispatch", "Routing", "Heating", "CrewBot", "Status"];

    /// <summary>Each module, in the base and in the city overlay.</summary>
    public static TheoryData<string, string> EveryModuleInEveryDirectory()
    {
        var data = new TheoryData<string, string>();
        foreach (var directory in new[] { Base, Chaoyang })
        {
            foreach (var module in Modules)
            {
                data.Add(directory, module);
            }
        }

        return data;
    }

    /// <summary>Three RabbitMQ nodes with storage and resources; the modules' host is the cluster's client Service.</summary>
    [Theory]
    [InlineData(Base)]
    [InlineData(Chaoyang)]
    public void The_broker_is_a_three_node_rabbitmq_cluster_the_modules_address(string directory)
    {
        var broker = Single(directory, "RabbitmqCluster");

        Assert.Equal("rabbitmq.com/v1beta1", Text(broker, "apiVersion"));
        Assert.Equal("3", Text(broker, "spec", "replicas"));
        Assert.False(string.IsNullOrWhiteSpace(Text(broker, "spec", "persistence", "storage")));
        Assert.False(string.IsNullOrWhiteSpace(Text(broker, "spec", "resources", "requests", "memory")));
        Assert.Equal(Text(broker, "metadata", "name"), Setting(directory, "SnowOps__RabbitMq__Host"));
    }

    /// <summary>Three PostgreSQL instances of a PostGIS image; initdb creates the modules' database and the postgis extension in it.</summary>
    [Theory]
    [InlineData(Base)]
    [InlineData(Chaoyang)]
    public void The_database_is_a_three_instance_postgis_cluster(string directory)
    {
        var database = Single(directory, "Cluster");

        Assert.Equal("postgresql.cnpg.io/v1", Text(database, "apiVersion"));
        Assert.Equal("3", Text(database, "spec", "instances"));
        Assert.Contains("postgis", Text(database, "spec", "imageName"), StringComparison.Ordinal);
        Assert.Equal("snowops", Text(database, "spec", "bootstrap", "initdb", "database"));
        Assert.Contains(
            (Node(database, "spec", "bootstrap", "initdb", "postInitApplicationSQL") as YamlSequenceNode)?.Children.Select(sql => sql.ToString()) ?? [],
            sql => PostgisExtension().IsMatch(sql));
        Assert.False(string.IsNullOrWhiteSpace(Text(database, "spec", "storage", "size")));
        Assert.False(string.IsNullOrWhiteSpace(Text(database, "spec", "resources", "requests", "memory")));
    }

    /// <summary>Each module logs in to the broker as the default user the operator made for the RabbitmqCluster.</summary>
    [Theory]
    [MemberData(nameof(EveryModuleInEveryDirectory))]
    public void Every_module_uses_the_brokers_default_user(string directory, string module)
    {
        var userSecret = $"{Text(Single(directory, "RabbitmqCluster"), "metadata", "name")}-default-user";
        var container = ModuleContainer(directory, module);

        Assert.Equal((userSecret, "username"), SecretKey(container, "SnowOps__RabbitMq__Username"));
        Assert.Equal((userSecret, "password"), SecretKey(container, "SnowOps__RabbitMq__Password"));
    }

    /// <summary>
    /// Each module's connection string, once the kubelet has put in the env vars it references, is an Npgsql
    /// connection string to the primary's Service with the credentials of the database's owner.
    /// </summary>
    [Theory]
    [MemberData(nameof(EveryModuleInEveryDirectory))]
    public void Every_module_connects_to_the_primary_as_the_owner_of_its_database(string directory, string module)
    {
        var database = Single(directory, "Cluster");
        var cluster = Text(database, "metadata", "name");
        var env = Items(ModuleContainer(directory, module), "env").ToList();
        var connectionAt = env.FindIndex(e => Text(e, "name") == "ConnectionStrings__Postgres");
        Assert.True(connectionAt >= 0, $"{module} has no ConnectionStrings__Postgres.");

        // The kubelet expands $(NAME) only for env vars defined earlier in the list.
        var expanded = EnvReference().Replace(Text(env[connectionAt], "value") ?? string.Empty, reference =>
        {
            var definedAt = env.FindIndex(e => Text(e, "name") == reference.Groups[1].Value);
            Assert.InRange(definedAt, 0, connectionAt - 1);
            var (secret, key) = SecretKey(env[definedAt]);
            return $"<{secret}/{key}>";
        });
        var connection = new NpgsqlConnectionStringBuilder(expanded);

        Assert.Equal($"{cluster}-rw", connection.Host);
        Assert.Equal(5432, connection.Port);
        Assert.Equal(Text(database, "spec", "bootstrap", "initdb", "database"), connection.Database);
        Assert.Equal($"<{cluster}-app/username>", connection.Username);
        Assert.Equal($"<{cluster}-app/password>", connection.Password);
    }

    /// <summary>
    /// A drain takes one broker node at a time (the operator makes no budget, so the manifests do); CloudNativePG
    /// makes the database's budgets itself, so the manifests add none and leave it enabled.
    /// </summary>
    [Theory]
    [InlineData(Base)]
    [InlineData(Chaoyang)]
    public void The_broker_has_a_disruption_budget_and_the_database_keeps_its_operators(string directory)
    {
        var budgets = DisruptionBudgets(directory);
        var brokerPod = new Dictionary<string, string>
        {
            ["app.kubernetes.io/name"] = Text(Single(directory, "RabbitmqCluster"), "metadata", "name")!,
            ["app.kubernetes.io/component"] = "rabbitmq",
        };
        var databasePod = new Dictionary<string, string> { ["cnpg.io/cluster"] = Text(Single(directory, "Cluster"), "metadata", "name")! };

        var brokerBudget = Assert.Single(budgets, budget => NetworkPolicies.Matches(budget.Spec.Selector, brokerPod));
        Assert.Equal("1", brokerBudget.Spec.MaxUnavailable?.Value);
        Assert.DoesNotContain(budgets, budget => NetworkPolicies.Matches(budget.Spec.Selector, databasePod));
        Assert.NotEqual("false", Text(Single(directory, "Cluster"), "spec", "enablePDB"));
    }

    private List<k8s.Models.V1PodDisruptionBudget> DisruptionBudgets(string directory) =>
        kustomize.Rendered(directory)
            .Where(d => Text(d, "kind") == "PodDisruptionBudget")
            .Select(d => k8s.KubernetesYaml.Deserialize<k8s.Models.V1PodDisruptionBudget>(ManifestSchemas.ToYaml(d), strict: true))
            .ToList();

    private static (string? Secret, string? Key) SecretKey(YamlNode env) =>
        (Text(env, "valueFrom", "secretKeyRef", "name"), Text(env, "valueFrom", "secretKeyRef", "key"));

    private static (string? Secret, string? Key) SecretKey(YamlNode container, string name) =>
        SecretKey(Assert.Single(Items(container, "env"), e => Text(e, "name") == name));

    private YamlMappingNode Single(string directory, string kind) =>
        Assert.Single(kustomize.Rendered(directory), d => Text(d, "kind") == kind);

    private YamlMappingNode ModuleContainer(string directory, string module) =>
        Assert.Single(
            kustomize.Rendered(directory).Where(d => Text(d, "kind") == "Deployment").SelectMany(Containers),
            container => EnvValue(container, "SnowOps__Modules") == module);

    private string? Setting(string directory, string key) =>
        kustomize.Rendered(directory)
            .Where(d => Text(d, "kind") == "ConfigMap")
            .Select(d => Text(d, "data", key))
            .Single(value => value is not null);

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex EnvReference();

    [GeneratedRegex(@"^\s*CREATE\s+EXTENSION\s+(IF\s+NOT\s+EXISTS\s+)?postgis\s*;?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex PostgisExtension();
}
