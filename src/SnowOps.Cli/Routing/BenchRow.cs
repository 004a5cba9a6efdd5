namespace SnowOps.Cli.Routing;

/// <summary>One instance of the benchmark: the best-known cost and what each solver reached in the same time budget.</summary>
/// <param name="Set">The folder the file is in (gdb, val, kshs, bmcv…).</param>
/// <param name="Unreadable">Why the file could not be read; then neither solver ran.</param>
/// <param name="OrTools">Null when the baseline was left out (<c>--no-baseline</c>).</param>
public sealed record BenchRow(string Set, string Instance, long? Bks, CarpAttempt SnowOps, CarpAttempt? OrTools, string? Unreadable = null)
{
    /// <summary>Percent above the best-known cost; null without a valid cost or a best-known one.</summary>
    public double? Gap(CarpAttempt? attempt) =>
        attempt?.Cost is { } cost && Bks is { } bks and > 0 ? 100.0 * (cost - bks) / bks : null;

    /// <summary>Whether a solver's answer reaches the best-known cost (or, validated, beats it).</summary>
    public bool HitsBks(CarpAttempt? attempt) => attempt?.Cost is { } cost && Bks is { } bks && cost <= bks;

    public bool Failed => Unreadable is not null || !SnowOps.Valid || OrTools is { Valid: false };
}
