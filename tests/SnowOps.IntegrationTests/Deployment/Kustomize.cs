using System.ComponentModel;
using System.Diagnostics;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace SnowOps.IntegrationTests.Deployment;

/// <summary>
/// Class fixture: renders the repository's kustomize directories once with
/// <c>kubectl kustomize</c> and exposes the resulting YAML documents.
/// Whichever kubectl is on the PATH: a current one (kustomize v5) or Debian 12's
/// <c>kubernetes-client</c> (kubectl 1.20, kustomize v2.0.3), so the specs rely only
/// on what both render (not on ConfigMap hash suffixes, nor on stderr, where v5
/// prints deprecation warnings; see k8s/README.md).
/// </summary>
public sealed class Kustomize : IAsyncLifetime
{
    /// <summary>The generic install.</summary>
    public const string Base = "k8s/base";

    /// <summary>The Chaoyang District (Beijing) city overlay.</summary>
    public const string Chaoyang = "k8s/overlays/beijing-chaoyang";

    private static readonly TimeSpan RenderTimeout = TimeSpan.FromMinutes(2);

    private readonly Dictionary<string, IReadOnlyList<YamlMappingNode>> _rendered = new(StringComparer.Ordinal);

    /// <summary>The documents rendered from <paramref name="directory"/> (relative to the repository root).</summary>
    public IReadOnlyList<YamlMappingNode> Rendered(string directory) => _rendered[directory];

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var root = FindRepositoryRoot();
        foreach (var directory in new[] { Base, Chaoyang })
        {
            var yaml = await RunKubectlKustomizeAsync(root, directory);
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            _rendered[directory] = stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>().ToList();
        }
    }

    /// <inheritdoc />
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The node at <paramref name="path"/> (mapping keys) below <paramref name="node"/>, or null.</summary>
    public static YamlNode? Node(YamlNode node, params string[] path)
    {
        YamlNode? current = node;
        foreach (var key in path)
        {
            if (current is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out current))
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>The scalar value at <paramref name="path"/> below <paramref name="node"/>, or null.</summary>
    public static string? Text(YamlNode node, params string[] path) => (Node(node, path) as YamlScalarNode)?.Value;

    /// <summary>The mapping items of the sequence at <paramref name="path"/>; empty when absent.</summary>
    public static IEnumerable<YamlMappingNode> Items(YamlNode node, params string[] path) =>
        Node(node, path) is YamlSequenceNode sequence ? sequence.Children.OfType<YamlMappingNode>() : Enumerable.Empty<YamlMappingNode>();

    /// <summary>The containers of a Deployment's (or StatefulSet's) pod template.</summary>
    public static IEnumerable<YamlMappingNode> Containers(YamlNode workload) =>
        Items(workload, "spec", "template", "spec", "containers");

    /// <summary>The literal value of the env var <paramref name="name"/> of <paramref name="container"/>, or null.</summary>
    public static string? EnvValue(YamlNode container, string name) =>
        Items(container, "env").Where(e => Text(e, "name") == name).Select(e => Text(e, "value")).FirstOrDefault();

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SnowOps.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No folder containing SnowOps.sln found above '{AppContext.BaseDirectory}'.");
    }

    private static async Task<string> RunKubectlKustomizeAsync(string root, string directory)
    {
        var startInfo = new ProcessStartInfo("kubectl")
        {
            ArgumentList = { "kustomize", Path.Combine(root, directory) },
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException(
                $"Could not run 'kubectl kustomize {directory}': kubectl (with kustomize) must be installed and on the PATH. {ex.Message}", ex);
        }

        using var timeout = new CancellationTokenSource(RenderTimeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"'kubectl kustomize {directory}' did not finish within {RenderTimeout}.");
        }

        var output = await stdout;
        var errors = await stderr;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'kubectl kustomize {directory}' exited with code {process.ExitCode}:{Environment.NewLine}{errors}");
        }

        return output;
    }
}
