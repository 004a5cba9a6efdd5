namespace SnowOps.Heating.Reports;

/// <summary>
/// The time from each complaint received in a period to the first check of its compound after it, for the report.
/// </summary>
public interface IComplaintDelays
{
    /// <summary>Hours from complaint to check, one for each complaint received in [from, to) that has been checked;
    /// null where complaints are not kept at all (the report then says there is no data).</summary>
    Task<IReadOnlyList<double>?> HoursToCheckAsync(DateTimeOffset from, DateTimeOffset to, string? companyId, CancellationToken cancellationToken);
}

/// <summary>Where complaints are not kept, there is nothing to tell.</summary>
public sealed class NoComplaintDelays : IComplaintDelays
{
    public Task<IReadOnlyList<double>?> HoursToCheckAsync(DateTimeOffset from, DateTimeOffset to, string? companyId,
        CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<double>?>(null);
}
