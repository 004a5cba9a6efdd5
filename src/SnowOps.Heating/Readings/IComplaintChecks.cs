namespace SnowOps.Heating.Readings;

/// <summary>
/// Tells the complaints of a compound that it has been checked, so the time from a complaint to its check can be
/// reported. Called once for every measurement kept, before it is saved; an implementation must take the same
/// call twice (a redelivered message) as one.
/// </summary>
public interface IComplaintChecks
{
    Task MarkCheckedAsync(string compoundId, DateTimeOffset measured, CancellationToken cancellationToken);
}

/// <summary>Where complaints are not kept, a check has nothing to tell.</summary>
public sealed class NoComplaintChecks : IComplaintChecks
{
    public Task MarkCheckedAsync(string compoundId, DateTimeOffset measured, CancellationToken cancellationToken) => Task.CompletedTask;
}
