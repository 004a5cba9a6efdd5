namespace SnowOps.Heating.Risk;

/// <summary>Complaints per compound within the complaints' rolling window, up to <paramref name="now"/>.</summary>
public interface IComplaintCounts
{
    Task<IReadOnlyDictionary<string, int>> PerCompoundAsync(DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>Stands in while no complaint intake is registered: no compound has complaints.</summary>
public sealed class NoComplaintCounts : IComplaintCounts
{
    public Task<IReadOnlyDictionary<string, int>> PerCompoundAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, int>>(new Dictionary<string, int>());
}
