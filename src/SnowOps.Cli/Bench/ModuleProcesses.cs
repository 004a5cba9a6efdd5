namespace SnowOps.Cli.Bench;

/// <summary>The host processes of one run, started in groups and all stopped together at its end.</summary>
public sealed class ModuleProcesses : IAsyncDisposable
{
    readonly List<ModuleProcess> _running = [];

    public IReadOnlyList<ModuleProcess> Running => _running;

    /// <summary>Starts one process per entry of <paramref name="modules"/> at once; when one fails, those that started are kept for disposal.</summary>
    public async Task StartAsync(FileInfo host, IReadOnlyList<string> modules, IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        var starting = modules.Select(m => ModuleProcess.StartAsync(host, m, settings, cancellationToken)).ToList();
        try
        {
            await Task.WhenAll(starting);
        }
        finally
        {
            _running.AddRange(starting.Where(s => s.IsCompletedSuccessfully).Select(s => s.Result));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_running.Select(p => p.DisposeAsync().AsTask()));
        _running.Clear();
    }
}
