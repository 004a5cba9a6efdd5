using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SnowOps.Routing.Data;

namespace SnowOps.Routing.Network;

/// <summary>
/// Imports <c>SnowOps:Routing:NetworkFile</c> at start-up when no network is stored yet, so an embedded host can be
/// given its city with nothing but a setting. A stored network is never replaced from here (use <c>POST /api/network</c>).
/// A file that is missing or cannot be read stops start-up with the reason.
/// </summary>
public sealed class NetworkFileImport(IServiceScopeFactory scopes, IOptions<RoutingOptions> options, ILogger<NetworkFileImport> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var path = options.Value.NetworkFile;
        if (string.IsNullOrWhiteSpace(path))
            return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RoutingDbContext>();
        if (!await NetworkStore.IsEmptyAsync(db, cancellationToken))
        {
            logger.LogInformation("A road network is stored; {File} is not imported", path);
            return;
        }

        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
            throw new InvalidOperationException($"SnowOps:Routing:NetworkFile '{full}' does not exist.");
        var clock = Stopwatch.StartNew();
        List<RoadSegment> segments;
        try
        {
            await using var file = File.OpenRead(full);
            segments = NetworkImport.Read(file, NetworkFormats.FromFileName(full), options.Value, cancellationToken);
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"SnowOps:Routing:NetworkFile '{full}' cannot be imported: {e.Message}", e);
        }
        try
        {
            await NetworkStore.ReplaceAsync(db, segments, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another process of the module, started at the same time, may have stored the network first.
            if (await NetworkStore.IsEmptyAsync(db, cancellationToken))
                throw;
            logger.LogInformation("Another process imported the road network first; {File} is not imported again", full);
            return;
        }
        var summary = NetworkSummary.Of(segments);
        logger.LogInformation("Imported {File}: {Segments} segments, {Km} km, {Classes} in {Ms} ms",
            full, summary.Segments, summary.LengthKm, string.Join(", ", summary.SegmentsByPriority.Select(c => $"{c.Key} {c.Value}")), clock.ElapsedMilliseconds);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
