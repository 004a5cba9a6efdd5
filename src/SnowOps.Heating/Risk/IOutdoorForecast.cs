namespace SnowOps.Heating.Risk;

/// <summary>The outdoor forecast for the city.</summary>
public interface IOutdoorForecast
{
    /// <summary>The coldest forecast temperature (°C) between <paramref name="from"/> and <paramref name="until"/>, or null when none is known.</summary>
    Task<double?> LowestAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken);
}

/// <summary>Stands in while no forecast store is registered: nothing is known, and the forecast part scores 0.</summary>
public sealed class NoOutdoorForecast : IOutdoorForecast
{
    public Task<double?> LowestAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken) => Task.FromResult<double?>(null);
}
