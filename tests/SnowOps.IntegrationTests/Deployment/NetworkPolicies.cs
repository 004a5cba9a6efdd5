using k8s;
using k8s.Models;
using YamlDotNet.RepresentationModel;

namespace SnowOps.IntegrationTests.Deployment;

/// <summary>A pod as the network policies see it: its namespace and labels.</summary>
public sealed record PodIdentity(string Namespace, IReadOnlyDictionary<string, string> Labels);

/// <summary>
/// Evaluates rendered NetworkPolicies the way the API defines them: a pod selected by an ingress policy
/// takes only what one of those policies' rules allows (its ports, and peers matched by pod and namespace
/// selectors; a peer without a namespace selector means the policy's own namespace).
/// </summary>
public static class NetworkPolicies
{
    /// <summary>The NetworkPolicies among <paramref name="documents"/>, as typed models.</summary>
    public static IReadOnlyList<V1NetworkPolicy> Of(IEnumerable<YamlMappingNode> documents) =>
        documents
            .Where(document => Kustomize.Text(document, "kind") == "NetworkPolicy")
            .Select(document => KubernetesYaml.Deserialize<V1NetworkPolicy>(ManifestSchemas.ToYaml(document), strict: true))
            .ToList();

    /// <summary>Whether <paramref name="source"/> may open a TCP connection to <paramref name="port"/> of <paramref name="target"/>.</summary>
    public static bool Allow(IReadOnlyList<V1NetworkPolicy> policies, PodIdentity source, PodIdentity target, int port)
    {
        var isolating = policies
            .Where(policy => policy.Metadata.NamespaceProperty == target.Namespace
                && (policy.Spec.PolicyTypes is null || policy.Spec.PolicyTypes.Contains("Ingress"))
                && Matches(policy.Spec.PodSelector, target.Labels))
            .ToList();
        if (isolating.Count == 0)
        {
            return true;
        }

        return isolating.Any(policy => (policy.Spec.Ingress ?? []).Any(rule =>
            AllowsPort(rule, port) && AllowsPeer(rule, source, policy.Metadata.NamespaceProperty)));
    }

    /// <summary>Whether <paramref name="selector"/> selects a pod (or namespace) with <paramref name="labels"/>.</summary>
    public static bool Matches(V1LabelSelector? selector, IReadOnlyDictionary<string, string> labels)
    {
        if (selector is null)
        {
            return false;
        }

        var byLabels = (selector.MatchLabels ?? new Dictionary<string, string>())
            .All(label => labels.TryGetValue(label.Key, out var value) && value == label.Value);
        var byExpressions = (selector.MatchExpressions ?? []).All(expression =>
        {
            var has = labels.TryGetValue(expression.Key, out var value);
            var values = expression.Values ?? [];
            return expression.OperatorProperty switch
            {
                "In" => has && values.Contains(value!),
                "NotIn" => !has || !values.Contains(value!),
                "Exists" => has,
                "DoesNotExist" => !has,
                _ => throw new InvalidOperationException($"Unknown selector operator '{expression.OperatorProperty}'."),
            };
        });
        return byLabels && byExpressions;
    }

    private static bool AllowsPort(V1NetworkPolicyIngressRule rule, int port) =>
        rule.Ports is not { Count: > 0 }
        || rule.Ports.Any(allowed => (allowed.Protocol ?? "TCP") == "TCP"
            && (allowed.Port is null
                || (int.TryParse(allowed.Port.Value, out var first) && port >= first && port <= (allowed.EndPort ?? first))));

    private static bool AllowsPeer(V1NetworkPolicyIngressRule rule, PodIdentity source, string policyNamespace) =>
        rule.FromProperty is not { Count: > 0 }
        || rule.FromProperty.Any(peer => peer.IpBlock is null
            && (peer.NamespaceSelector is null
                ? source.Namespace == policyNamespace
                : Matches(peer.NamespaceSelector, new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = source.Namespace }))
            && (peer.PodSelector is null || Matches(peer.PodSelector, source.Labels)));
}
