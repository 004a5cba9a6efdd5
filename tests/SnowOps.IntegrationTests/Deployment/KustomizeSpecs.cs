using System.Text.RegularExpressions;
using Xunit;
using YamlDotNet.RepresentationModel;
using static SnowOps.IntegrationTests.Deployment.Kustomize;

namespace SnowOps.IntegrationTests.Deployment;

/// <summary>
/// Specs for the Kubernetes manifests under <c>k8s/</c>, rendered with
/// <c>kubectl kustomize</c> (kubectl must be on the PATH).
/// </summary>
public sealed partial class When_the_manifests_are_rendered(Kustomize kustomize) : IClassFixture<Kustomize>
{
    private const string CityNamespace = "snowops-chaoyang";
    private const string SecretName = "snowops-secrets";

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

    /// <summary>One Deployment per module, selected by SnowOps__Modules, probed on the health endpoints.</summary>
    [Theory]
    [MemberData(nameof(EveryModuleInEveryDirectory))]
    public void Every_module_runs_as_its_own_deployment_with_health_probes(string directory, string module)
    {
        var deployment = DeploymentRunning(directory, module);
        var container = Assert.Single(Containers(deployment));

        Assert.Equal("/health/ready", Text(container, "readinessProbe", "httpGet", "path"));
        Assert.Equal("/health/live", Text(container, "livenessProbe", "httpGet", "path"));
        Assert.NotNull(Node(container, "startupProbe", "httpGet"));
        Assert.False(string.IsNullOrWhiteSpace(Text(container, "resources", "requests", "cpu")), $"{module} has no CPU request.");
        Assert.False(string.IsNullOrWhiteSpace(Text(container, "resources", "requests", "memory")), $"{module} has no memory request.");
    }

    /// <summary>The city overlay moves everything into the city's namespace.</summary>
    [Fact]
    public void The_city_overlay_renders_into_its_own_namespace()
    {
        Assert.All(kustomize.Rendered(Chaoyang), document =>
        {
            var placedIn = Kind(document) == "Namespace"
                ? Text(document, "metadata", "name")
                : Text(document, "metadata", "namespace");
            Assert.Equal(CityNamespace, placedIn);
        });
    }

    /// <summary>The city raises the replicas of its busiest modules.</summary>
    [Theory]
    [InlineData("Dispatch")]
    [InlineData("Status")]
    public void The_city_runs_its_busy_modules_with_two_replicas(string module)
    {
        Assert.Equal("1", Text(DeploymentRunning(Base, module), "spec", "replicas"));
        Assert.Equal("2", Text(DeploymentRunning(Chaoyang, module), "spec", "replicas"));
    }

    /// <summary>City settings live in the overlay only.</summary>
    [Fact]
    public void The_base_holds_no_city_settings()
    {
        static bool IsCitySetting(KeyValuePair<string, string> entry) =>
            entry.Key.StartsWith("SnowOps__City__", StringComparison.Ordinal);

        Assert.DoesNotContain(ConfigMapEntries(Base), IsCitySetting);
        Assert.Contains(ConfigMapEntries(Chaoyang), entry => entry is { Key: "SnowOps__City__Name", Value: "Chaoyang" });
    }

    /// <summary>
    /// Passwords are never rendered: pods only reference the Secret created out of band (the signing key) and
    /// the Secrets the operators make for the RabbitmqCluster and the PostgreSQL Cluster.
    /// </summary>
    [Theory]
    [InlineData(Base)]
    [InlineData(Chaoyang)]
    public void No_password_is_rendered_only_secrets_are_referenced(string directory)
    {
        var documents = kustomize.Rendered(directory);

        Assert.DoesNotContain(documents, document =>
            Kind(document) == "Secret" && (Node(document, "data") is not null || Node(document, "stringData") is not null));

        var operatorSecrets = new[]
        {
            $"{Text(Assert.Single(documents, d => Kind(d) == "RabbitmqCluster"), "metadata", "name")}-default-user",
            $"{Text(Assert.Single(documents, d => Kind(d) == "Cluster"), "metadata", "name")}-app",
        };
        var referencedSecrets = documents
            .SelectMany(document => document.AllNodes)
            .Select(node => Text(node, "secretKeyRef", "name"))
            .OfType<string>()
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(operatorSecrets.Append(SecretName).Order(StringComparer.Ordinal), referencedSecrets);

        Assert.DoesNotContain(documents.SelectMany(document => document.AllNodes).OfType<YamlScalarNode>(), scalar =>
            scalar.Value is { } value && PasswordValue().IsMatch(value));
        Assert.DoesNotContain(ConfigMapEntries(directory), entry =>
            entry.Key.Contains("password", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A path each module serves, and the module whose Service the ingress must send it to.</summary>
    public static TheoryData<string, string, string> PathsOfEveryModule()
    {
        var data = new TheoryData<string, string, string>();
        var paths = new (string Path, string Module)[]
        {
            ("/api/alerts/feeds", "Weather"), ("/api/zones", "Weather"), ("/api/snow-events/1/activate", "Dispatch"),
            ("/api/tasks", "Dispatch"), ("/api/crews/on-duty", "Dispatch"), ("/api/shifts", "Dispatch"), ("/api/plans/x", "Dispatch"),
            ("/api/network", "Routing"), ("/api/routes/1/plow-1.gpx", "Routing"), ("/api/fleet", "Routing"),
            ("/api/heating/compounds", "Heating"), ("/api/crew/tasks", "CrewBot"), ("/api/crew-members", "CrewBot"),
            ("/api/telegram/webhook", "CrewBot"), ("/api/wecom/callback", "CrewBot"), ("/api/status/map", "Status"),
            ("/api/public/streets", "Status"), ("/hubs/status", "Status"), ("/dashboard", "Status"), ("/console", "Status"),
            ("/lookup", "Status"), ("/web/js/app.js", "Status"),
        };
        foreach (var directory in new[] { Base, Chaoyang })
        {
            foreach (var (path, module) in paths)
            {
                data.Add(directory, path, module);
            }
        }

        return data;
    }

    /// <summary>The ingress sends each path to the Service of the module that serves it (longest matching rule first).</summary>
    [Theory]
    [MemberData(nameof(PathsOfEveryModule))]
    public void The_ingress_sends_each_path_to_its_module(string directory, string path, string module)
    {
        var ingress = Assert.Single(kustomize.Rendered(directory), document => Kind(document) == "Ingress");
        var rules = Items(ingress, "spec", "rules").SelectMany(rule => Items(rule, "http", "paths"))
            .Select(rule => (Path: Text(rule, "path")!, Type: Text(rule, "pathType"), Service: Text(rule, "backend", "service", "name")!))
            .ToList();
        var matching = rules.Where(rule => rule.Type == "Exact"
                ? path == rule.Path
                : path == rule.Path || path.StartsWith(rule.Path + "/", StringComparison.Ordinal))
            .OrderByDescending(rule => rule.Path.Length)
            .ToList();
        Assert.NotEmpty(matching);

        var service = Assert.Single(kustomize.Rendered(directory), document => Kind(document) == "Service" && Text(document, "metadata", "name") == matching[0].Service);
        var deployment = DeploymentRunning(directory, module);
        Assert.Equal(Text(deployment, "spec", "selector", "matchLabels", "app.kubernetes.io/component"),
            Text(service, "spec", "selector", "app.kubernetes.io/component"));
    }

    /// <summary>Each module has a disruption budget over its own pods and an autoscaler on its own Deployment.</summary>
    [Theory]
    [MemberData(nameof(EveryModuleInEveryDirectory))]
    public void Every_module_has_a_disruption_budget_and_an_autoscaler(string directory, string module)
    {
        var deployment = DeploymentRunning(directory, module);
        var name = Text(deployment, "metadata", "name");
        var podLabels = Labels(Node(deployment, "spec", "template", "metadata", "labels"));

        var budget = Assert.Single(kustomize.Rendered(directory), d => Kind(d) == "PodDisruptionBudget" && Text(d, "metadata", "name") == name);
        Assert.Equal("1", Text(budget, "spec", "maxUnavailable"));
        Assert.All(Labels(Node(budget, "spec", "selector", "matchLabels")), label => Assert.Contains(label, podLabels));

        var autoscaler = Assert.Single(kustomize.Rendered(directory), d => Kind(d) == "HorizontalPodAutoscaler" && Text(d, "metadata", "name") == name);
        Assert.Equal(("Deployment", name), (Text(autoscaler, "spec", "scaleTargetRef", "kind"), Text(autoscaler, "spec", "scaleTargetRef", "name")));
        var (min, max) = (int.Parse(Text(autoscaler, "spec", "minReplicas")!), int.Parse(Text(autoscaler, "spec", "maxReplicas")!));
        Assert.InRange(min, 1, max);
        // The autoscaler's floor is the replica count the directory asks for, so it never scales a city below it.
        Assert.Equal(Text(deployment, "spec", "replicas"), min.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Every module sends its telemetry to the collector the manifests run.</summary>
    [Theory]
    [MemberData(nameof(EveryModuleInEveryDirectory))]
    public void Every_module_sends_its_telemetry_to_the_collector(string directory, string module)
    {
        Assert.NotNull(DeploymentRunning(directory, module));
        var endpoint = Assert.Single(ConfigMapEntries(directory), e => e.Key == "OTEL_EXPORTER_OTLP_ENDPOINT").Value;
        var service = new Uri(endpoint).Host;
        Assert.Contains(kustomize.Rendered(directory), d => Kind(d) == "Service" && Text(d, "metadata", "name") == service);
        Assert.Contains(kustomize.Rendered(directory), d => Kind(d) == "Deployment" && Text(d, "metadata", "name") == service);
    }

    private static List<KeyValuePair<string, string>> Labels(YamlNode? node) =>
        node is YamlMappingNode mapping
            ? mapping.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ((YamlScalarNode)c.Value).Value!)).ToList()
            : [];

    private static string? Kind(YamlNode document) => Text(document, "kind");

    private YamlMappingNode DeploymentRunning(string directory, string module) =>
        Assert.Single(
            kustomize.Rendered(directory),
            document => Kind(document) == "Deployment"
                && Containers(document).Any(container => EnvValue(container, "SnowOps__Modules") == module));

    private IEnumerable<KeyValuePair<string, string>> ConfigMapEntries(string directory) =>
        kustomize.Rendered(directory)
            .Where(document => Kind(document) == "ConfigMap")
            .Select(document => Node(document, "data"))
            .OfType<YamlMappingNode>()
            .SelectMany(data => data.Children)
            .Select(entry => KeyValuePair.Create(
                (entry.Key as YamlScalarNode)?.Value ?? string.Empty,
                (entry.Value as YamlScalarNode)?.Value ?? string.Empty));

    /// <summary>A password written out: `Password=` followed by anything but a `$(VAR)` the kubelet fills in.</summary>
    [GeneratedRegex(@"Password=(?!\$\()[^;]", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordValue();
}
