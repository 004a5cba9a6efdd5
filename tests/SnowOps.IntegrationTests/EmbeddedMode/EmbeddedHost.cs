using SnowOps.IntegrationTests.Infrastructure;

namespace SnowOps.IntegrationTests.EmbeddedMode;

/// <summary>One embedded host (every module, in-memory bus, SQLite) with tokens minted by `snowops token`.</summary>
public class EmbeddedHost : IAsyncLifetime
{
    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), "snowops-embedded-" + Guid.NewGuid().ToString("N"));

    public HostProcess Host { get; private set; } = null!;

    public virtual async Task InitializeAsync() => Host = await StartAsync();

    /// <summary>Configuration the host runs with beyond its data folder (environment variable names).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    public Task<HostProcess> StartAsync() =>
        HostProcess.StartAsync(new Dictionary<string, string>(Settings) { ["SnowOps__DataDir"] = DataDir });

    public async Task RestartAsync()
    {
        await Host.DisposeAsync();
        Host = await StartAsync();
    }

    public async Task<Api> AsAsync(string role, string name) => new(Host.BaseAddress, await Cli.TokenAsync(DataDir, role, name));

    public Api Anonymous() => new(Host.BaseAddress, null);

    public virtual async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Directory.Delete(DataDir, recursive: true);
    }
}
