namespace SnowOps.Routing.Tests;

/// <summary>One Routing API for a class of read-only specs, given Monaco through <c>SnowOps:Routing:NetworkFile</c> at start.</summary>
public sealed class MonacoApi : IAsyncLifetime
{
    public RoutingApi Api { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Api = await RoutingApi.StartAsync(new Dictionary<string, string?> { ["SnowOps:Routing:NetworkFile"] = Monaco.File });

    public async Task DisposeAsync() => await Api.DisposeAsync();
}
