using MassTransit.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Time.Testing;
using SnowOps.Heating.Registry;
using SnowOps.Testing;

namespace SnowOps.Heating.Tests.Readings;

/// <summary>
/// Heating's endpoints in an in-process server with the real authentication, policies and problem details, over a real
/// SQLite file; what they publish is consumed by Heating's own consumers on MassTransit's test harness.
/// </summary>
public sealed class HeatingApi : HeatingServer
{
    public const string CompanyId = "east-heating";

    /// <summary>Starts at the real time, to the second, so the tokens (checked against the real time) are valid.</summary>
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    protected override TimeProvider Clock => Time;

    protected override void AddServices(WebApplicationBuilder builder) => builder.Services.AddHeatingServices(builder.Configuration);

    public new HttpClient As(string role, string name = "inspector-7") => base.As(role, name);

    /// <summary>A company with these compounds, as the registry would hold them.</summary>
    public Task SeedAsync(string companyId, params string[] compoundIds) => QueryAsync(db =>
    {
        db.Companies.Add(new HeatingCompany { CompanyId = companyId, Name = "Company " + companyId, Inspectors = 2 });
        foreach (var id in compoundIds)
            db.Compounds.Add(new Compound { CompoundId = id, Name = "Compound " + id, CompanyId = companyId });
        return db.SaveChangesAsync();
    });

    /// <summary>Waits until Heating's consumers have taken in so many messages of the kind.</summary>
    public async Task ConsumedAsync<T>(int count) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (Harness.Consumed.Select<T>(new CancellationToken(canceled: true)).Count() < count)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{count} {typeof(T).Name} were not consumed.");
            await Task.Delay(10);
        }
        await Harness.QuietAsync();
    }
}
