namespace SnowOps.Cli.Messages;

/// <summary>
/// The queues MassTransit moves messages to: <c>&lt;queue&gt;_error</c> for one that still failed after the retries,
/// <c>&lt;queue&gt;_skipped</c> for one no consumer on that queue takes.
/// </summary>
public static class FailedQueue
{
    static readonly string[] Suffixes = ["_error", "_skipped"];

    public static bool Is(string name) => SourceOf(name) is not null;

    /// <summary>The queue a failed message came from and goes back to, or null when <paramref name="name"/> is no failed queue.</summary>
    public static string? SourceOf(string name)
    {
        foreach (var suffix in Suffixes)
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal))
                return name[..^suffix.Length];
        }
        return null;
    }

    /// <summary>Why <paramref name="name"/> is refused as a failed queue, or null when it is one.</summary>
    public static string? Refusal(string name) =>
        Is(name) ? null : $"'{name}' is not an error or skipped queue: its name must end in _error or _skipped (snowops messages list shows them).";
}
