using MassTransit.Testing;

namespace SnowOps.Testing;

public static class HarnessQuiet
{
    /// <summary>
    /// Waits until the bus has gone quiet: nothing new published or consumed for 300 ms.
    /// (The harness's own InactivityTask completes once and stays completed, so it cannot be awaited twice.)
    /// </summary>
    public static async Task QuietAsync(this ITestHarness harness, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        var last = (-1, -1);
        var stableFor = 0;
        while (DateTime.UtcNow < deadline)
        {
            var now = (harness.Published.Select(_ => true).Count(), harness.Consumed.Select(_ => true).Count());
            stableFor = now == last ? stableFor + 1 : 0;
            if (stableFor >= 6)
                return;
            last = now;
            await Task.Delay(50);
        }
        throw new TimeoutException("The bus did not go quiet.");
    }
}
