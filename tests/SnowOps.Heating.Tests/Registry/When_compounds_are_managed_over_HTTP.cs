using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SnowOps.Heating.Readings;

namespace SnowOps.Heating.Tests.Registry;

/// <summary>The registry read by those who watch the operation and changed only by an administrator, one compound at a time.</summary>
public sealed class When_compounds_are_managed_over_HTTP : IAsyncLifetime
{
    readonly HeatingApi _api = new();

    public async Task InitializeAsync()
    {
        await _api.InitializeAsync();
        await _api.ImportCompaniesAndStationsAsync();
        (await _api.ImportAsync("compounds", HeatingApi.Sample("compounds.csv"))).EnsureSuccessStatusCode();
    }

    public Task DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task Should_ask_who_is_calling()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _api.Anonymous.GetAsync("/api/heating/compounds")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _api.ImportAsync("compounds", "compound_id\n", client: _api.Anonymous)).StatusCode);
    }

    [Theory]
    [InlineData("committee")]
    [InlineData("dispatcher")]
    [InlineData("crew")]
    [InlineData("hotline")]
    public async Task Should_let_only_an_administrator_change_the_registry(string role)
    {
        var client = _api.As(role);

        Assert.Equal(HttpStatusCode.Forbidden, (await _api.ImportAsync("compounds", HeatingApi.Sample("compounds.csv"), client: client)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync("/api/heating/compounds/maple-court", new { households = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync("/api/heating/compounds/maple-court")).StatusCode);
        Assert.Equal(420, (await _api.QueryAsync(db => db.Compounds.SingleAsync(c => c.CompoundId == "maple-court"))).Households);
    }

    [Fact]
    public async Task Should_not_show_the_registry_to_a_crew()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await _api.As("crew").GetAsync("/api/heating/compounds")).StatusCode);
    }

    [Fact]
    public async Task Should_filter_compounds_by_company_and_station_and_page_them()
    {
        var committee = _api.As("committee");

        var north = await HeatingApi.JsonAsync(await committee.GetAsync("/api/heating/compounds?company=north-heat&pageSize=1&page=2"));
        var east = await HeatingApi.JsonAsync(await committee.GetAsync("/api/heating/compounds?station=st-e1"));

        Assert.Equal(2, north.GetProperty("total").GetInt32());
        Assert.Equal("maple-court", Assert.Single(north.GetProperty("items").EnumerateArray()).GetProperty("compoundId").GetString());
        Assert.Equal("cedar-row", Assert.Single(east.GetProperty("items").EnumerateArray()).GetProperty("compoundId").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await committee.GetAsync("/api/heating/compounds?pageSize=5000")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await committee.GetAsync("/api/heating/compounds?page=2147483647")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await committee.GetAsync("/api/heating/complaints?page=0")).StatusCode);
    }

    [Fact]
    public async Task Should_show_a_compound_with_its_last_reading_and_whether_it_is_monitored()
    {
        var measured = _api.Now.AddHours(-2);
        await _api.QueryAsync(db =>
        {
            db.Readings.Add(new TemperatureReading { Id = Guid.NewGuid(), CompoundId = "maple-court", InspectorId = "i-1", Readings = [17.1, 17.2, 17.3], AverageCelsius = 17.2, Measured = measured.AddDays(-1) });
            db.Readings.Add(new TemperatureReading { Id = Guid.NewGuid(), CompoundId = "maple-court", InspectorId = "i-1", Readings = [18.4, 18.5, 18.6], AverageCelsius = 18.5, Measured = measured });
            return db.SaveChangesAsync();
        });
        await _api.QueryAsync(db => db.Compounds.Where(c => c.CompoundId == "maple-court")
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.MonitoredSince, measured.AddDays(-3))));

        var maple = await HeatingApi.JsonAsync(await _api.As("committee").GetAsync("/api/heating/compounds/maple-court"));

        Assert.Equal(18.5, maple.GetProperty("lastReading").GetProperty("celsius").GetDouble());
        Assert.Equal(measured, maple.GetProperty("lastReading").GetProperty("at").GetDateTimeOffset());
        Assert.True(maple.GetProperty("monitored").GetBoolean());
        Assert.StartsWith("POLYGON", maple.GetProperty("wkt").GetString());
    }

    [Fact]
    public async Task Should_answer_404_for_a_compound_nobody_registered()
    {
        var admin = _api.Admin;

        Assert.Equal(HttpStatusCode.NotFound, (await _api.As("committee").GetAsync("/api/heating/compounds/ghost")).StatusCode);
        var delete = await admin.DeleteAsync("/api/heating/compounds/ghost");
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Equal("application/problem+json", delete.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Should_change_a_compound_and_bump_its_version()
    {
        var response = await _api.Admin.PutAsJsonAsync("/api/heating/compounds/maple-court", new { households = 440, cold_spots = 5, version = 0 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var maple = await _api.QueryAsync(db => db.Compounds.AsNoTracking().SingleAsync(c => c.CompoundId == "maple-court"));
        Assert.Equal((440, 5, 1, "Maple Court"), (maple.Households, maple.ColdSpots, maple.Version, maple.Name));
    }

    [Fact]
    public async Task Should_answer_409_to_a_change_made_from_an_old_version()
    {
        await _api.Admin.PutAsJsonAsync("/api/heating/compounds/maple-court", new { households = 440, version = 0 });

        var stale = await _api.Admin.PutAsJsonAsync("/api/heating/compounds/maple-court", new { households = 450, version = 0 });
        var staleDelete = await _api.Admin.DeleteAsync("/api/heating/compounds/maple-court?version=0");

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, staleDelete.StatusCode);
        Assert.Equal(440, (await _api.QueryAsync(db => db.Compounds.SingleAsync(c => c.CompoundId == "maple-court"))).Households);
    }

    [Fact]
    public async Task Should_add_a_compound_put_under_a_new_id()
    {
        var response = await _api.Admin.PutAsJsonAsync("/api/heating/compounds/elm-court",
            new { name = "Elm Court", company_id = "east-heat", households = 75, geometry = new { type = "Point", coordinates = new[] { 116.49, 39.93 } } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var elm = await _api.QueryAsync(db => db.Compounds.AsNoTracking().SingleAsync(c => c.CompoundId == "elm-court"));
        Assert.Equal((75, 116.49), (elm.Households, elm.Geometry!.Coordinate.X));
    }

    [Fact]
    public async Task Should_answer_422_to_a_change_that_breaks_the_rules()
    {
        var response = await _api.Admin.PutAsJsonAsync("/api/heating/compounds/maple-court", new { company_id = "ghost-heat", households = -1 });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var detail = (await HeatingApi.JsonAsync(response)).GetProperty("detail").GetString();
        Assert.Contains("unknown company 'ghost-heat'", detail);
        Assert.Contains("households -1 is negative", detail);
    }

    [Fact]
    public async Task Should_let_an_administrator_raise_a_companys_inspectors_for_a_cold_wave()
    {
        var response = await _api.Admin.PutAsJsonAsync("/api/heating/companies/east-heat", new { inspectors = 9 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(54, (await HeatingApi.JsonAsync(response)).GetProperty("dailyCapacity").GetInt32());
        var east = await _api.QueryAsync(db => db.Companies.AsNoTracking().SingleAsync(c => c.CompanyId == "east-heat"));
        Assert.Equal((9, 6, "East Heating Co., Ltd."), (east.Inspectors, east.ChecksPerInspectorPerDay, east.Name));
        Assert.Equal(HttpStatusCode.Forbidden, (await _api.As("dispatcher").PutAsJsonAsync("/api/heating/companies/east-heat", new { inspectors = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await _api.Admin.PutAsJsonAsync("/api/heating/companies/east-heat", new { inspectors = -2 })).StatusCode);
    }

    [Fact]
    public async Task Should_remove_a_compound()
    {
        var response = await _api.Admin.DeleteAsync("/api/heating/compounds/birch-yard?version=0");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.False(await _api.QueryAsync(db => db.Compounds.AnyAsync(c => c.CompoundId == "birch-yard")));
    }
}
