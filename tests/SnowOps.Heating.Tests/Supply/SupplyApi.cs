using System.Net.Http.Json;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SnowOps.Contracts;
using SnowOps.Heating.Forecasts;
using SnowOps.Heating.Registry;
using SnowOps.Heating.Supply;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.Testing;

namespace SnowOps.Heating.Tests.Supply;

/// <summary>
/// Heating's endpoints and consumers in an in-process server with the real authentication, policies and problem details,
/// over a real SQLite file; the clock stands still unless a spec moves it, and what is published is caught by MassTransit's test harness.
/// </summary>
public sealed class SupplyApi(Dictionary<string, string?>? settings = null, HttpMessageHandler? feed = null) : HeatingServer(settings)
{
    /// <summary>Starts at the real time, to the second, so the tokens (checked against the real time) are valid.</summary>
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    public DateTimeOffset Now => Time.GetUtcNow();

    protected override TimeProvider Clock => Time;

    protected override void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddHeatingSupply(builder.Configuration);
        if (feed is not null)
            builder.Services.AddHttpClient(ForecastFeed.ClientName).ConfigurePrimaryHttpMessageHandler(() => feed);
    }

    protected override void AddConsumers(IBusRegistrationConfigurator bus)
    {
        bus.AddSupplyConsumers();
        bus.SetTestTimeouts(testInactivityTimeout: TimeSpan.FromMilliseconds(200));
    }

    protected override void MapEndpoints(WebApplication app) => app.MapHeatingSupplyEndpoints();

    /// <summary>A company (in a zone, if given) with heat stations.</summary>
    public Task AddStationsAsync(string companyId, string? zone, params string[] stationIds) => QueryAsync(db =>
    {
        db.Companies.Add(new HeatingCompany { CompanyId = companyId, Name = companyId, Inspectors = 2, Zone = zone });
        foreach (var id in stationIds)
            db.Stations.Add(new HeatStation { StationId = id, CompanyId = companyId, Name = id });
        return db.SaveChangesAsync();
    });

    /// <summary>Posts a city-wide hourly forecast, as an alert source would; the first value is for <paramref name="start"/>.</summary>
    public async Task<HttpResponseMessage> ForecastAsync(DateTimeOffset issued, DateTimeOffset start, params double[] hourly)
    {
        var points = hourly.Select((celsius, k) => new { at = start.AddHours(k), celsius });
        return await As(Roles.AlertSource, "met-feed").PostAsJsonAsync("/api/heating/forecast", new { source = "met", issued, points });
    }

    /// <summary>Runs the advisor once, as the schedule would.</summary>
    public Task<int> AdviseAsync() => WithAsync(services => services.GetRequiredService<SupplyAdvisor>().AdviseAsync(CancellationToken.None));

    /// <summary>Publishes a message and waits until it has been consumed and the bus is quiet.</summary>
    public async Task DeliverAsync<T>(T message) where T : class
    {
        var before = Consumed<T>();
        await Harness.Bus.Publish(message);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (Consumed<T>() == before)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{typeof(T).Name} was not consumed.");
            await Task.Delay(10);
        }
        await Harness.QuietAsync();
    }

    int Consumed<T>() where T : class => Harness.Consumed.Select<T>(new CancellationToken(canceled: true)).Count();

    /// <summary>The supply advice published so far, in order.</summary>
    public List<SupplyTemperatureAdvised> Advised() =>
        Harness.Published.Select<SupplyTemperatureAdvised>(new CancellationToken(canceled: true)).Select(p => p.Context.Message).ToList();
}
