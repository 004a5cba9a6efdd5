using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SnowOps.Heating.Checks;
using SnowOps.Heating.Risk;
using SnowOps.Heating.Tests.Checks;

namespace SnowOps.Heating.Tests.Risk;

/// <summary>
/// Heating's endpoints in an in-process server with the real authentication, policies and problem details, over a real
/// SQLite file; complaints and the forecast are the spec's, and the clock moves only when the spec moves it.
/// </summary>
public sealed class HeatingApi : HeatingServer
{
    public SpecInputs Inputs { get; } = new(new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero));

    protected override TimeProvider Clock => Inputs.Clock;

    protected override void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddHeatingServices(builder.Configuration);
        builder.Services.Configure<CheckOptions>(_ => { });
        builder.Services.Configure<RiskOptions>(o => o.ReferenceYear = 2026);
        builder.Services.AddSingleton<IComplaintCounts>(Inputs.Complaints);
        builder.Services.AddSingleton<IOutdoorForecast>(Inputs.Forecast);
    }

    public Task AddAsync(params object[] entities) => QueryAsync(db =>
    {
        db.AddRange(entities);
        return db.SaveChangesAsync();
    });

    public Task ScheduleAsync() => WithAsync(async services =>
    {
        await services.GetRequiredService<CheckScheduler>().RunAsync(CancellationToken.None);
        return 0;
    });
}
