using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SnowOps.Contracts;
using SnowOps.Heating.Data;
using SnowOps.Heating.Deficiencies;
using SnowOps.Heating.Readings;
using SnowOps.Heating.Registry;
using SnowOps.Testing;

namespace SnowOps.Heating.Tests.Deficiencies;

/// <summary>
/// Heating's consumers on the in-memory harness with a city's rules: the 18 °C standard, an optional night standard,
/// repairs due within 24 h, and two deficiencies in 30 days to be watched. Complaint checks are recorded.
/// </summary>
public sealed class DeficiencyHarness : ModuleHarness<HeatingDbContext, HeatingSqliteContext>
{
    public const string CompanyId = "east-heating";
    public const string Zone = "east";

    public DeficiencyHarness(Action<IndoorStandard>? night = null, Action<DeficiencyRules>? rules = null) : this(new RecordedChecks(), night, rules)
    {
    }

    DeficiencyHarness(RecordedChecks checks, Action<IndoorStandard>? night, Action<DeficiencyRules>? rules)
        : base(HeatingModule.AddConsumers, services =>
        {
            services.Configure<MeasuringMethod>(_ => { });
            services.Configure<IndoorStandard>(s => night?.Invoke(s));
            services.Configure<DeficiencyRules>(r => rules?.Invoke(r));
            services.AddSingleton<IComplaintChecks>(checks);
        }) => Checks = checks;

    public RecordedChecks Checks { get; }

    /// <summary>The company and its compounds, as the registry would hold them.</summary>
    public Task SeedAsync(params string[] compoundIds) => QueryAsync(db =>
    {
        db.Companies.Add(new HeatingCompany { CompanyId = CompanyId, Name = "East District Heating", Inspectors = 2, Zone = Zone });
        foreach (var id in compoundIds)
            db.Compounds.Add(new Compound { CompoundId = id, Name = "Compound " + id, CompanyId = CompanyId, Households = 120 });
        return db.SaveChangesAsync();
    });

    public Task<Compound> CompoundAsync(string id) => QueryAsync(db => db.Compounds.AsNoTracking().SingleAsync(c => c.CompoundId == id));

    public Task<List<Deficiency>> DeficienciesAsync() => QueryAsync(db => db.Deficiencies.AsNoTracking().OrderBy(d => d.Found).ToListAsync());

    public Task<TemperatureReading> ReadingAsync(Guid id) => QueryAsync(db => db.Readings.AsNoTracking().SingleAsync(r => r.Id == id));

    public static IndoorTemperatureRecorded Measurement(string compoundId, double average, DateTimeOffset measured, Guid? taskId = null,
        params string[] exclusions) =>
        new(Guid.NewGuid(), taskId, compoundId, [average - 0.3, average - 0.1, average, average + 0.1, average + 0.3], average, "inspector-7",
            measured, null, exclusions.Length == 0 ? null : exclusions);

    /// <summary>Every compound a check was reported for, in order.</summary>
    public sealed class RecordedChecks : IComplaintChecks
    {
        readonly List<(string CompoundId, DateTimeOffset Measured)> _calls = [];

        public IReadOnlyList<(string CompoundId, DateTimeOffset Measured)> Calls
        {
            get
            {
                lock (_calls)
                    return _calls.ToList();
            }
        }

        public Task MarkCheckedAsync(string compoundId, DateTimeOffset measured, CancellationToken cancellationToken)
        {
            lock (_calls)
                _calls.Add((compoundId, measured));
            return Task.CompletedTask;
        }
    }
}
