using SnowOps.IntegrationTests.Infrastructure;
using SnowOps.IntegrationTests.EmbeddedMode;

namespace SnowOps.IntegrationTests.Browser;

/// <summary>An embedded host plowing Monaco, and a Chromium to look at its screens with.</summary>
public sealed class StormScreens : IAsyncLifetime
{
    public MonacoHost City { get; } = new();

    public Chromium Chromium { get; } = new();

    public async Task InitializeAsync()
    {
        await City.InitializeAsync();
        await Chromium.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Chromium.DisposeAsync();
        await City.DisposeAsync();
    }

    /// <summary>The embedded host with Monaco's network imported at start and its fleet at a depot there.</summary>
    public sealed class MonacoHost : EmbeddedHost
    {
        protected override IReadOnlyDictionary<string, string> Settings { get; } = MonacoCity.RoutingSettings();
    }
}
