using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;
using SnowOps.Contracts;
using SnowOps.Heating.Checks;
using SnowOps.Heating.Data;
using SnowOps.Heating.Registry;
using SnowOps.Heating.Risk;
using SnowOps.ServiceDefaults.Data;
using SnowOps.Testing;

namespace SnowOps.Heating.Tests.Checks;

/// <summary>A clock the spec moves by hand.</summary>
public sealed class SpecClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>Complaint counts the spec sets.</summary>
public sealed class SpecComplaints : IComplaintCounts
{
    public Dictionary<string, int> Counts { get; } = [];

    public Task<IReadOnlyDictionary<string, int>> PerCompoundAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, int>>(Counts);
}

/// <summary>An outdoor forecast the spec sets, remembering what it was asked.</summary>
public sealed class SpecForecast : IOutdoorForecast
{
    public double? Lowest { get; set; }
    public (DateTimeOffset From, DateTimeOffset Until)? Asked { get; private set; }

    public Task<double?> LowestAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        Asked = (from, until);
        return Task.FromResult(Lowest);
    }
}

/// <summary>The fakes a harness scores with.</summary>
public sealed record SpecInputs(SpecClock Clock, SpecComplaints Complaints, SpecForecast Forecast)
{
    public SpecInputs(DateTimeOffset start) : this(new SpecClock(start), new SpecComplaints(), new SpecForecast()) { }
}

/// <summary>
/// Heating's consumers on the in-memory harness over a real SQLite file, with the risk ranking and the check scheduler;
/// the clock moves and the scheduler runs only when the spec says so (unless <paramref name="schedulerSeconds"/> starts the
/// real Quartz job, when the spec starts Quartz's scheduler).
/// </summary>
public sealed class CheckHarness(SpecInputs inputs, Action<CheckOptions>? checks = null, Action<RiskOptions>? risk = null, double? schedulerSeconds = null)
    : ModuleHarness<HeatingDbContext, HeatingSqliteContext>(HeatingModule.AddConsumers, services =>
    {
        services.AddSingleton<TimeProvider>(inputs.Clock);
        services.Configure<MeasuringMethod>(_ => { });
        services.Configure<CheckOptions>(o => checks?.Invoke(o));
        services.Configure<RiskOptions>(o =>
        {
            o.ReferenceYear = 2026;
            risk?.Invoke(o);
        });
        services.AddSingleton<IComplaintCounts>(inputs.Complaints);
        services.AddSingleton<IOutdoorForecast>(inputs.Forecast);
        HeatingModule.AddRiskAndChecks(services);
        if (schedulerSeconds is { } seconds)
            services.AddCheckScheduler(seconds, hosted: false);
    })
{
    public SpecClock Clock => inputs.Clock;
    public SpecComplaints Complaints => inputs.Complaints;
    public SpecForecast Forecast => inputs.Forecast;

    public DateTimeOffset Now
    {
        get => inputs.Clock.Now;
        set => inputs.Clock.Now = value;
    }

    /// <summary>Puts companies and compounds into the registry.</summary>
    public Task AddAsync(params object[] entities) => QueryAsync(db =>
    {
        db.AddRange(entities);
        return db.SaveChangesAsync();
    });

    public static HeatingCompany Company(string id, int capacity, string? zone = null) =>
        new() { CompanyId = id, Name = id, Inspectors = capacity, ChecksPerInspectorPerDay = 1, Zone = zone };

    public static Compound Compound(string id, string company, int? built = 2000, bool coldArea = false, int coldSpots = 0) => new()
    {
        CompoundId = id, Name = "Compound " + id, CompanyId = company, BuiltYear = built, ColdArea = coldArea, ColdSpots = coldSpots,
        Households = 100, Geometry = new GeometryFactory(new PrecisionModel(), Wgs84.Srid).CreatePoint(new Coordinate(116.4, 39.9)),
    };

    /// <summary>One run of the scheduler, as the Quartz job runs it; then the bus is left to go quiet.</summary>
    public async Task<CheckScheduler.Outcome> RunAsync()
    {
        CheckScheduler.Outcome? outcome = null;
        await WithServicesAsync(async services => outcome = await services.GetRequiredService<CheckScheduler>().RunAsync(CancellationToken.None));
        await Harness.QuietAsync();
        return outcome!;
    }

    /// <summary>Every temperature check requested from Dispatch so far, in the order they went out.</summary>
    public List<CrewTaskRequested> Requests() =>
        [.. Harness.Published.Select<CrewTaskRequested>(new CancellationToken(canceled: true)).Select(m => m.Context.Message)];

    public Task<List<ScheduledCheck>> ChecksAsync() =>
        QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.ScheduledChecks.OrderBy(c => c.Found)));
}
