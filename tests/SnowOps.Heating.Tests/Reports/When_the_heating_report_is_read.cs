using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SnowOps.Heating.Deficiencies;
using SnowOps.Heating.Readings;
using SnowOps.Heating.Reports;
using SnowOps.Heating.Tests.Readings;
using SnowOps.ServiceDefaults.Auth;

namespace SnowOps.Heating.Tests.Reports;

/// <summary>
/// The report over a small fixed week: north serves n1 (4 counted checks, 3 passes) and n2 (2 counted checks, none
/// passed); south serves s1 (1 check, passed). Deficiencies found in the week took 6, 24 and 10 hours to fix; one is open.
/// </summary>
public sealed class When_the_heating_report_is_read : IAsyncLifetime
{
    const string Week = "from=2026-12-01T00:00:00Z&to=2026-12-08T00:00:00Z";
    static readonly DateTimeOffset Monday = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    readonly HeatingApi _api = new();

    public async Task InitializeAsync()
    {
        await _api.InitializeAsync();
        await _api.SeedAsync("north", "n1", "n2");
        await _api.SeedAsync("south", "s1");
        await _api.QueryAsync(db =>
        {
            db.Readings.AddRange(
                Reading("n1", 18.5, Monday.AddHours(10)), Reading("n1", 19.0, Monday.AddHours(30)), Reading("n1", 18.0, Monday.AddHours(50)),
                Reading("n1", 17.0, Monday.AddHours(60)),
                Reading("n1", 12.0, Monday.AddHours(61), "window-open"),
                Reading("n1", 20.0, Monday.AddDays(-1)),
                Reading("n2", 16.0, Monday.AddDays(2)), Reading("n2", 15.5, Monday.AddDays(5)),
                Reading("s1", 19.5, Monday.AddDays(3)),
                Reading("s1", 10.0, Monday.AddDays(7)),
                Reading("unknown", 10.0, Monday.AddDays(1), "not in the registry"));
            db.Deficiencies.AddRange(
                Deficiency("north", "n1", Monday.AddHours(8), Monday.AddHours(14)),
                Deficiency("north", "n2", Monday.AddDays(2), Monday.AddDays(3)),
                Deficiency("north", "n2", Monday.AddDays(4), Monday.AddDays(4).AddHours(10)),
                Deficiency("north", "n2", Monday.AddDays(5), null),
                Deficiency("south", "s1", Monday.AddDays(-11), null));
            return db.SaveChangesAsync();
        });
    }

    public Task DisposeAsync() => _api.DisposeAsync();

    static TemperatureReading Reading(string compoundId, double average, DateTimeOffset measured, string? notCounted = null) => new()
    {
        Id = Guid.NewGuid(),
        CompoundId = compoundId,
        InspectorId = "inspector-7",
        AverageCelsius = average,
        Readings = [average, average, average, average, average],
        Measured = measured,
        StandardCelsius = 18,
        Counted = notCounted is null,
        BelowStandard = notCounted is null && average < 18,
        Verdict = notCounted ?? "",
    };

    static Deficiency Deficiency(string companyId, string compoundId, DateTimeOffset found, DateTimeOffset? closed) => new()
    {
        Id = Guid.NewGuid(),
        CompanyId = companyId,
        CompoundId = compoundId,
        ReadingId = Guid.NewGuid(),
        AverageCelsius = 16,
        StandardCelsius = 18,
        Found = found,
        Closed = closed,
    };

    async Task<JsonElement> ReportAsync(string query)
    {
        var response = await _api.As(Roles.Committee).GetAsync("/api/heating/report?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    static (int, int, double?) Rate(JsonElement line)
    {
        var rate = line.GetProperty("passRate");
        return (rate.GetProperty("checks").GetInt32(), rate.GetProperty("passes").GetInt32(),
            rate.GetProperty("rate").ValueKind == JsonValueKind.Null ? null : rate.GetProperty("rate").GetDouble());
    }

    [Fact]
    public async Task Should_give_pass_rates_per_company_and_compound_from_counted_measurements_in_the_period()
    {
        var report = await ReportAsync(Week);

        Assert.Equal((7, 4, 0.5714), Rate(report));
        var companies = report.GetProperty("companies").EnumerateArray().ToDictionary(c => c.GetProperty("companyId").GetString()!);
        Assert.Equal((6, 3, 0.5), Rate(companies["north"]));
        Assert.Equal((1, 1, 1.0), Rate(companies["south"]));
        var compounds = report.GetProperty("compounds").EnumerateArray().ToDictionary(c => c.GetProperty("compoundId").GetString()!);
        Assert.Equal((4, 3, 0.75), Rate(compounds["n1"]));
        Assert.Equal((2, 0, 0.0), Rate(compounds["n2"]));
        Assert.Equal((1, 1, 1.0), Rate(compounds["s1"]));
    }

    [Fact]
    public async Task Should_count_deficiencies_found_in_the_period_and_time_their_fixes()
    {
        var report = await ReportAsync(Week);

        Assert.Equal((1, 3), (report.GetProperty("openDeficiencies").GetInt32(), report.GetProperty("closedDeficiencies").GetInt32()));
        var fix = report.GetProperty("deficiencyToFix");
        Assert.Equal((3, 10.0, 24.0, 24.0), (fix.GetProperty("count").GetInt32(), fix.GetProperty("medianHours").GetDouble(),
            fix.GetProperty("p90Hours").GetDouble(), fix.GetProperty("maxHours").GetDouble()));
        var open = Assert.Single(report.GetProperty("open").EnumerateArray());
        Assert.Equal(("n2", Monday.AddDays(5)), (open.GetProperty("compoundId").GetString(), open.GetProperty("found").GetDateTimeOffset()));
        var n2 = report.GetProperty("compounds").EnumerateArray().Single(c => c.GetProperty("compoundId").GetString() == "n2");
        Assert.Equal((1, 2, 17.0), (n2.GetProperty("openDeficiencies").GetInt32(), n2.GetProperty("closedDeficiencies").GetInt32(),
            n2.GetProperty("medianFixHours").GetDouble()));
        Assert.Equal(0, report.GetProperty("complaintToCheck").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Should_keep_to_one_company_when_asked()
    {
        var report = await ReportAsync(Week + "&company=south");

        Assert.Equal((1, 1, 1.0), Rate(report));
        Assert.Equal(["s1"], report.GetProperty("compounds").EnumerateArray().Select(c => c.GetProperty("compoundId").GetString()));
        Assert.Equal(0, report.GetProperty("openDeficiencies").GetInt32());
    }

    [Fact]
    public async Task Should_export_one_csv_row_per_compound()
    {
        var response = await _api.As(Roles.Dispatcher).GetAsync("/api/heating/report.csv?" + Week);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            "company,compound,name,checks,passes,pass_rate,open_deficiencies,closed_deficiencies,median_fix_hours\r\n"
            + "north,n1,Compound n1,4,3,0.75,0,1,6\r\n"
            + "north,n2,Compound n2,2,0,0,1,2,17\r\n"
            + "south,s1,Compound s1,1,1,1,0,0,\r\n",
            await response.Content.ReadAsStringAsync());
        Assert.Equal(await response.Content.ReadAsStringAsync(),
            await (await _api.As(Roles.Committee).GetAsync("/api/heating/report?format=csv&" + Week)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Should_report_complaint_delays_where_complaints_are_kept()
    {
        var report = await _api.QueryAsync(db => new ReportBuilder(db, new FixedDelays([4, 1, 3, 2]))
            .BuildAsync(Monday, Monday.AddDays(7), null, CancellationToken.None));

        Assert.Equal(new Durations(4, 2.5, 4, 4), report.ComplaintToCheck);
    }

    [Theory]
    [InlineData("from=2026-12-08T00:00:00Z&to=2026-12-01T00:00:00Z", HttpStatusCode.BadRequest)]
    [InlineData("from=yesterday", HttpStatusCode.BadRequest)]
    [InlineData("format=xml", HttpStatusCode.BadRequest)]
    [InlineData("company=west", HttpStatusCode.NotFound)]
    public async Task Should_refuse_a_question_it_cannot_answer(string query, HttpStatusCode status)
    {
        var response = await _api.As(Roles.Committee).GetAsync("/api/heating/report?" + query);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Should_be_read_by_the_committee_and_dispatchers_only()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _api.Anonymous.GetAsync("/api/heating/report")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _api.As(Roles.Crew).GetAsync("/api/heating/report.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _api.As(Roles.Dispatcher).GetAsync("/api/heating/report")).StatusCode);
    }

    sealed class FixedDelays(IReadOnlyList<double> hours) : IComplaintDelays
    {
        public Task<IReadOnlyList<double>?> HoursToCheckAsync(DateTimeOffset from, DateTimeOffset to, string? companyId,
            CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<double>?>(hours);
    }
}
