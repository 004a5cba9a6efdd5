using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using SnowOps.IntegrationTests.Infrastructure;
using SnowOps.ServiceDefaults.Auth;

namespace SnowOps.IntegrationTests.DistributedMode;

/// <summary>
/// A district of 300 compounds and three heating companies meets a cold wave, over real RabbitMQ and PostgreSQL/PostGIS.
/// The registry, the week's earlier checks, the hotline's complaints and the forecast are taken in by a Heating process
/// whose scheduler waits; then the operations process (Weather, Dispatch, CrewBot and Heating, scheduling every 2 s)
/// comes up, the cold-wave warning raises the check frequency, and the checks, repairs and re-checks run their course.
/// </summary>
public sealed partial class When_a_cold_wave_reaches_the_heating_district : IAsyncLifetime
{
    const int Seed = 20261126;
    const int CompoundCount = 300;
    const int ComplaintsPerCompound = 10;
    static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    readonly RealInfrastructure _infra = new();
    readonly string _key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
    readonly int _year = DateTime.UtcNow.Year;
    readonly HeatingDistrictFiles _district;
    /// <summary>The report's period starts before the complaints (called in 2 hours ago) and after last week's checks (30 hours ago).</summary>
    readonly DateTimeOffset _reportFrom = DateTimeOffset.UtcNow.AddHours(-3);
    HostProcess? _registry;
    HostProcess? _operations;

    public When_a_cold_wave_reaches_the_heating_district() => _district = new HeatingDistrictFiles(CompoundCount, Seed, _year - 1);

    public Task InitializeAsync() => _infra.InitializeAsync();

    public async Task DisposeAsync()
    {
        if (_registry is not null)
            await _registry.DisposeAsync();
        if (_operations is not null)
            await _operations.DisposeAsync();
        await _infra.DisposeAsync();
    }

    Dictionary<string, string> Settings(string modules, double schedulerSeconds)
    {
        var settings = _infra.HostSettings(modules, _key);
        settings["SnowOps__Heating__SchedulerSeconds"] = schedulerSeconds.ToString(CultureInfo.InvariantCulture);
        settings["SnowOps__Heating__CheckEveryHours"] = "168";
        settings["SnowOps__Heating__ColdWaveCheckEveryHours"] = "24";
        settings["SnowOps__Heating__ColdWaveFirstCompounds__0"] = "old";
        settings["SnowOps__Heating__ColdWaveFirstCompounds__1"] = "complaints";
        settings["SnowOps__Heating__Risk__ReferenceYear"] = _year.ToString(CultureInfo.InvariantCulture);
        return settings;
    }

    Api As(HostProcess host, string role, string name) =>
        new(host.BaseAddress, TokenIssuer.Create(SigningKey.FromText(_key, "test"), name, [role], TimeSpan.FromHours(1)));

    [Fact]
    public async Task Should_check_the_riskiest_compounds_within_capacity_and_see_a_deficiency_repaired_and_closed()
    {
        _registry = await HostProcess.StartAsync(Settings("Heating", 86_400));
        var (byPosition, byAddress) = NewestPerCompany();
        await ImportDistrictAsync();
        await RecordLastWeeksChecksAsync();
        await TakeComplaintsAsync(byPosition, byAddress);
        await PostColdFrontAsync();
        await _registry.DisposeAsync();
        _registry = null;
        Assert.Equal(0L, await _infra.ScalarAsync<long>("SELECT count(*) FROM heating.scheduled_checks"));

        _operations = await HostProcess.StartAsync(Settings("Weather,Dispatch,CrewBot,Heating", 2));
        await PutCrewsOnDutyAsync();
        await NothingIsDueBeforeTheColdWaveAsync();

        await IssueColdWaveWarningAsync();
        await RiskPutsTheComplaintsFirstAsync(byPosition, byAddress);
        var requested = await ChecksWithinCapacityAsync(byPosition, byAddress);
        var checkTasks = await CheckTasksInDispatchAsync(requested);

        var cold = await RecordCheckReadingsAsync(requested, byPosition, byAddress);
        var closed = await RepairAndRecheckAsync(cold, checkTasks.Count);

        await ReportShowsTheWaveAsync(closed);
        await CompanyReportCountsItsOwnComplaintsAsync(byPosition);
        await NoMessageFaultedAsync();
    }

    async Task PutCrewsOnDutyAsync()
    {
        using var admin = As(_operations!, "admin", "roster-office");
        foreach (var (id, kind) in new[] { ("inspector-1", "TemperatureCheck"), ("inspector-2", "TemperatureCheck"), ("fitter-1", "HeatingRepair") })
        {
            using var put = await admin.PutAsync($"/api/crews/{id}", new { name = id, kinds = new[] { kind }, alwaysOnDuty = true });
            Assert.True(put.IsSuccessStatusCode, $"PUT crew {id} answered {(int)put.StatusCode}: {await put.Content.ReadAsStringAsync()}");
        }
    }

    async Task NothingIsDueBeforeTheColdWaveAsync()
    {
        using var committee = As(_operations!, "committee", "city");
        await Task.Delay(TimeSpan.FromSeconds(4.5));
        var day = await committee.GetJsonAsync("/api/heating/checks");
        Assert.All(day.GetProperty("companies").EnumerateArray(), c => Assert.Equal(0, c.GetProperty("checks").GetArrayLength()));
    }

    async Task IssueColdWaveWarningAsync()
    {
        using var source = As(_operations!, "alert-source", "bjmb");
        using var posted = await source.PostAlertAsync(ColdWaveCap(DateTimeOffset.UtcNow));
        Assert.True(posted.StatusCode == HttpStatusCode.Created, $"POST /api/alerts answered {(int)posted.StatusCode}: {await posted.Content.ReadAsStringAsync()}");
    }

    /// <summary>Under the cold wave, old age and complaints count double, and the ten complaints each put their compounds on top.</summary>
    async Task RiskPutsTheComplaintsFirstAsync(HeatingDistrictFiles.Compound byPosition, HeatingDistrictFiles.Compound byAddress)
    {
        using var committee = As(_operations!, "committee", "city");
        var risk = await Eventually.HoldsAsync(() => committee.GetJsonAsync("/api/heating/risk?top=2"),
            r => r.GetProperty("first").GetArrayLength() == 2, "the cold wave's first compounds in the ranking");
        Assert.Equal(["complaints", "old"], risk.GetProperty("first").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(CompoundCount, risk.GetProperty("compounds").GetInt32());
        Assert.Equal(-15, risk.GetProperty("lowestForecastCelsius").GetDouble());
        Assert.Equal(new[] { byPosition.Id, byAddress.Id }.Order(),
            risk.GetProperty("ranked").EnumerateArray().Select(r => r.GetProperty("compoundId").GetString()!).Order());
    }

    /// <summary>
    /// Every company uses exactly its day's capacity (it binds: checks wait), highest risk first; the complaint compounds
    /// come first, and the other checks go to buildings old enough to score the full age points.
    /// </summary>
    async Task<List<JsonElement>> ChecksWithinCapacityAsync(HeatingDistrictFiles.Compound byPosition, HeatingDistrictFiles.Compound byAddress)
    {
        using var committee = As(_operations!, "committee", "city");
        var capacity = _district.Companies.ToDictionary(c => c.Id, c => c.Capacity);
        var day = await Eventually.HoldsAsync(() => committee.GetJsonAsync("/api/heating/checks"),
            d => d.GetProperty("companies").EnumerateArray().All(c => c.GetProperty("used").GetInt32() == capacity[c.GetProperty("companyId").GetString()!]),
            "each company's checks to fill its day's capacity", 30);
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        day = await committee.GetJsonAsync("/api/heating/checks");

        var requested = new List<JsonElement>();
        var built = _district.Compounds.ToDictionary(c => c.Id, c => c.BuiltYear);
        foreach (var company in day.GetProperty("companies").EnumerateArray())
        {
            var id = company.GetProperty("companyId").GetString()!;
            Assert.Equal(capacity[id], company.GetProperty("capacity").GetInt32());
            Assert.Equal(capacity[id], company.GetProperty("used").GetInt32());
            Assert.True(company.GetProperty("waiting").GetInt32() > 0, $"{id}: the cold wave should leave checks waiting for capacity");
            var checks = company.GetProperty("checks").EnumerateArray().ToList();
            var today = checks.Where(c => c.GetProperty("state").GetString() == "requested").ToList();
            var waiting = checks.Where(c => c.GetProperty("state").GetString() == "waiting").ToList();
            Assert.True(today.Min(c => c.GetProperty("risk").GetDouble()) >= waiting.Max(c => c.GetProperty("risk").GetDouble()),
                $"{id}: a check waits with more risk than one requested");
            Assert.All(today, c =>
            {
                var compound = c.GetProperty("compoundId").GetString()!;
                Assert.True(compound == byPosition.Id || compound == byAddress.Id || built[compound] <= _year - 60,
                    $"{compound} (built {built[compound]}) was requested ahead of older buildings and complaints");
            });
            requested.AddRange(today);
        }
        var first = requested.Select(c => c.GetProperty("compoundId").GetString()).ToHashSet();
        Assert.Contains(byPosition.Id, first);
        Assert.Contains(byAddress.Id, first);
        return requested;
    }

    /// <summary>Dispatch made one TemperatureCheck task per requested check, each for a crew on duty, and Heating knows which task is which.</summary>
    async Task<List<JsonElement>> CheckTasksInDispatchAsync(List<JsonElement> requested)
    {
        using var committee = As(_operations!, "committee", "city");
        var tasks = await Eventually.HoldsAsync(() => committee.GetJsonAsync("/api/tasks?kind=TemperatureCheck&limit=1000"),
            t => t.GetArrayLength() == requested.Count, $"{requested.Count} temperature-check tasks in Dispatch");
        Assert.All(tasks.EnumerateArray(), t => Assert.False(string.IsNullOrEmpty(t.GetProperty("crewId").GetString())));
        Assert.Equal(requested.Select(c => c.GetProperty("compoundId").GetString()).Order(),
            tasks.EnumerateArray().Select(t => t.GetProperty("subjectId").GetString()).Order());

        await Eventually.HoldsAsync(() => committee.GetJsonAsync("/api/heating/checks"),
            d => d.GetProperty("companies").EnumerateArray().SelectMany(c => c.GetProperty("checks").EnumerateArray())
                .Where(c => c.GetProperty("state").GetString() == "requested").All(c => c.GetProperty("taskId").ValueKind == JsonValueKind.String),
            "every requested check to know its task");
        return [.. tasks.EnumerateArray()];
    }

    static readonly string[] None = [];
    static readonly string[] WindowOpen = ["window-open"];

    /// <summary>
    /// Six checked compounds are measured, the times as the inspectors' phones send them (Beijing time): the two with complaints and one more warm, two below 18 °C, and one cold with the
    /// window open, which is kept but not counted. Returns the two counted cold ones.
    /// </summary>
    async Task<List<string>> RecordCheckReadingsAsync(List<JsonElement> requested, HeatingDistrictFiles.Compound byPosition,
        HeatingDistrictFiles.Compound byAddress)
    {
        using var committee = As(_operations!, "committee", "city");
        var day = await committee.GetJsonAsync("/api/heating/checks");
        var taskOf = day.GetProperty("companies").EnumerateArray().SelectMany(c => c.GetProperty("checks").EnumerateArray())
            .Where(c => c.GetProperty("state").GetString() == "requested")
            .ToDictionary(c => c.GetProperty("compoundId").GetString()!, c => c.GetProperty("taskId").GetGuid());
        var others = requested.Select(c => c.GetProperty("compoundId").GetString()!)
            .Where(id => id != byPosition.Id && id != byAddress.Id).Order(StringComparer.Ordinal).ToList();
        var cold = others.Take(2).ToList();
        using var inspector = As(_operations!, "crew", "inspector-1");
        var measurements = new[] { (byPosition.Id, Warm, None), (byAddress.Id, Warm, None), (others[2], Warm, None), (cold[0], Cold, None),
            (cold[1], Cold, None), (others[3], Cold, WindowOpen) };
        foreach (var (compound, readings, exclusions) in measurements)
        {
            using var r = await inspector.PostAsync("/api/heating/readings",
                new { taskId = taskOf[compound], compoundId = compound, readings, exclusions, measured = DateTimeOffset.UtcNow.ToOffset(Beijing) });
            Assert.True(r.StatusCode == HttpStatusCode.Accepted, $"Reading {compound} answered {(int)r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
        }
        return cold;
    }

    /// <summary>Both cold compounds get a repair task; one is repaired, its re-check task appears, and a warm re-check closes the deficiency.</summary>
    async Task<string> RepairAndRecheckAsync(List<string> cold, int checkTasks)
    {
        using var committee = As(_operations!, "committee", "city");
        var open = await Eventually.HoldsAsync(() => committee.GetJsonAsync("/api/heating/deficiencies?open=true"),
            d => d.GetArrayLength() == 2 && d.EnumerateArray().All(x => x.GetProperty("repairTaskId").ValueKind == JsonValueKind.String),
            "two open deficiencies, each with its repair task");
        Assert.Equal(cold.Order(), open.EnumerateArray().Select(d => d.GetProperty("compoundId").GetString()!).Order());
        var repairs = await committee.GetJsonAsync("/api/tasks?kind=HeatingRepair");
        Assert.Equal(2, repairs.GetArrayLength());

        var fixedOne = cold[0];
        var deficiency = open.EnumerateArray().Single(d => d.GetProperty("compoundId").GetString() == fixedOne);
        var repairId = deficiency.GetProperty("repairTaskId").GetGuid();
        var repair = repairs.EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == repairId);
        Assert.Equal(fixedOne, repair.GetProperty("subjectId").GetString());
        var fitterId = repair.GetProperty("crewId").GetString()!;
        using var fitter = As(_operations!, "crew", fitterId);
        await Eventually.HoldsAsync(() => fitter.GetJsonAsync("/api/crew/tasks"),
            c => c.EnumerateArray().Any(t => t.GetProperty("taskId").GetGuid() == repairId), "the repair card in the fitter's list");
        using (var done = await fitter.PostAsync($"/api/crew/tasks/{repairId}/complete", new { note = "circulation pump replaced" }))
            Assert.Equal(HttpStatusCode.Accepted, done.StatusCode);

        var deficiencyId = deficiency.GetProperty("deficiencyId").GetGuid();
        var rechecked = await Eventually.HoldsAsync(() => committee.GetJsonAsync($"/api/heating/deficiencies?compound={fixedOne}"),
            d => d[0].GetProperty("recheckTaskId").ValueKind == JsonValueKind.String, "the re-check task of the repaired deficiency");
        var recheckId = rechecked[0].GetProperty("recheckTaskId").GetGuid();
        var checks = await committee.GetJsonAsync("/api/tasks?kind=TemperatureCheck&limit=1000");
        Assert.Equal(checkTasks + 1, checks.GetArrayLength());
        Assert.Equal(fixedOne, checks.EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == recheckId).GetProperty("subjectId").GetString());

        using var inspector = As(_operations!, "crew", "inspector-2");
        using (var r = await inspector.PostAsync("/api/heating/readings", new { taskId = recheckId, compoundId = fixedOne, readings = Warm, measured = DateTimeOffset.UtcNow.ToOffset(Beijing) }))
            Assert.Equal(HttpStatusCode.Accepted, r.StatusCode);
        var closed = await Eventually.HoldsAsync(() => committee.GetJsonAsync("/api/heating/deficiencies?open=false"),
            d => d.GetArrayLength() == 1, "the repaired deficiency closed by the warm re-check");
        Assert.Equal(deficiencyId, closed[0].GetProperty("deficiencyId").GetGuid());
        return fixedOne;
    }

    /// <summary>One company's report times only the complaints about its own compounds, and every measurement is kept.</summary>
    async Task CompanyReportCountsItsOwnComplaintsAsync(HeatingDistrictFiles.Compound byPosition)
    {
        using var committee = As(_operations!, "committee", "city");
        var from = Uri.EscapeDataString(_reportFrom.ToString("O", CultureInfo.InvariantCulture));
        var report = await committee.GetJsonAsync($"/api/heating/report?company={byPosition.CompanyId}&from={from}");
        Assert.Equal(ComplaintsPerCompound, report.GetProperty("complaintToCheck").GetProperty("count").GetInt32());
        Assert.All(report.GetProperty("compounds").EnumerateArray(), c => Assert.Equal(byPosition.CompanyId, c.GetProperty("companyId").GetString()));

        var readings = await committee.GetJsonAsync("/api/heating/readings");
        Assert.Equal(CompoundCount + 7, readings.GetArrayLength());
        Assert.Single(readings.EnumerateArray(), r => r.GetProperty("exclusions").GetArrayLength() > 0 && !r.GetProperty("counted").GetBoolean());
    }

    /// <summary>No message went to an error queue: no consumer failed for good.</summary>
    async Task NoMessageFaultedAsync()
    {
        var queues = await _infra.QueuesAsync();
        // MassTransit declares a consumer's error queue when it moves the first faulted message there.
        Assert.DoesNotContain(queues.EnumerateArray(), q => q.GetProperty("name").GetString()!.EndsWith("_error", StringComparison.Ordinal));
    }

    /// <summary>Over the cold wave (the window-open measurement not counted): 6 counted checks, 4 passed; one deficiency closed, one open; 20 complaints checked about 2 hours after the call.</summary>
    async Task ReportShowsTheWaveAsync(string closedCompound)
    {
        using var committee = As(_operations!, "committee", "city");
        var from = Uri.EscapeDataString(_reportFrom.ToString("O", CultureInfo.InvariantCulture));
        var report = await committee.GetJsonAsync($"/api/heating/report?from={from}");
        var pass = report.GetProperty("passRate");
        Assert.Equal((6, 4), (pass.GetProperty("checks").GetInt32(), pass.GetProperty("passes").GetInt32()));
        Assert.Equal(0.6667, pass.GetProperty("rate").GetDouble());
        Assert.Equal((1, 1), (report.GetProperty("openDeficiencies").GetInt32(), report.GetProperty("closedDeficiencies").GetInt32()));
        Assert.Equal(1, report.GetProperty("deficiencyToFix").GetProperty("count").GetInt32());
        var complaints = report.GetProperty("complaintToCheck");
        Assert.Equal(2 * ComplaintsPerCompound, complaints.GetProperty("count").GetInt32());
        Assert.InRange(complaints.GetProperty("medianHours").GetDouble(), 1.9, 2.5);

        using var csv = await committee.GetAsync($"/api/heating/report.csv?from={from}");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("company,compound,name,checks,passes,pass_rate,open_deficiencies,closed_deficiencies,median_fix_hours", lines[0]);
        Assert.Equal(CompoundCount, lines.Length - 1);
        var line = Assert.Single(lines, l => l.Split(',')[1] == closedCompound).Split(',');
        Assert.Equal(("2", "1", "0.5", "0", "1"), (line[3], line[4], line[5], line[6], line[7]));
    }
}
