using System.Net;
using Microsoft.EntityFrameworkCore;

namespace SnowOps.Heating.Tests.Registry;

/// <summary>A city loads its heating companies, stations and compounds from CSV or GeoJSON, and loads them again as they change.</summary>
public sealed class When_the_registry_is_imported : IAsyncLifetime
{
    readonly HeatingApi _api = new();

    public Task InitializeAsync() => _api.InitializeAsync();

    public Task DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task Should_keep_companies_with_their_inspector_capacity()
    {
        var response = await _api.ImportAsync("companies", HeatingApi.Sample("companies.csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await HeatingApi.JsonAsync(response)).GetProperty("created").GetInt32());
        var companies = await HeatingApi.JsonAsync(await _api.As("committee").GetAsync("/api/heating/companies"));
        var east = companies.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("companyId").GetString() == "east-heat");
        Assert.Equal("East Heating Co., Ltd.", east.GetProperty("name").GetString());
        Assert.Equal(5, east.GetProperty("inspectors").GetInt32());
        Assert.Equal(30, east.GetProperty("dailyCapacity").GetInt32());
    }

    [Fact]
    public async Task Should_keep_compounds_from_csv_with_their_outline_age_and_households()
    {
        await _api.ImportCompaniesAndStationsAsync();

        var response = await _api.ImportAsync("compounds", HeatingApi.Sample("compounds.csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, (await HeatingApi.JsonAsync(response)).GetProperty("created").GetInt32());
        var maple = await _api.QueryAsync(db => db.Compounds.AsNoTracking().SingleAsync(c => c.CompoundId == "maple-court"));
        Assert.Equal(("Maple Court", "north-heat", "st-n1", 1985, 420, 3, true), (maple.Name, maple.CompanyId, maple.StationId, maple.BuiltYear, maple.Households, maple.ColdSpots, maple.ColdArea));
        Assert.Equal("12 Maple Road, North District", maple.Address);
        Assert.Equal("Polygon", maple.Geometry!.GeometryType);
        var cedar = await _api.QueryAsync(db => db.Compounds.AsNoTracking().SingleAsync(c => c.CompoundId == "cedar-row"));
        Assert.Equal("Point", cedar.Geometry!.GeometryType);
    }

    [Fact]
    public async Task Should_keep_compounds_from_geojson_polygons_multipolygons_and_points()
    {
        await _api.ImportCompaniesAndStationsAsync();

        var response = await _api.ImportAsync("compounds", HeatingApi.Sample("compounds.geojson"), "application/geo+json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await _api.QueryAsync(db => db.Compounds.AsNoTracking().OrderBy(c => c.CompoundId).ToListAsync());
        Assert.Equal(["oak-gardens", "pine-terrace", "willow-lane"], stored.Select(c => c.CompoundId));
        Assert.Equal(["Polygon", "MultiPolygon", "Point"], stored.Select(c => c.Geometry!.GeometryType));
        Assert.All(stored, c => Assert.Equal(4326, c.Geometry!.SRID));
        var oak = stored[0];
        Assert.Equal((1979, 610, 4, true, "st-n1"), (oak.BuiltYear, oak.Households, oak.ColdSpots, oak.ColdArea, oak.StationId));
    }

    [Fact]
    public async Task Should_change_nothing_when_the_same_file_is_imported_again()
    {
        await _api.ImportCompaniesAndStationsAsync();
        await _api.ImportAsync("compounds", HeatingApi.Sample("compounds.geojson"), "application/json");
        var before = await _api.QueryAsync(db => db.Compounds.AsNoTracking().ToDictionaryAsync(c => c.CompoundId, c => c.Version));

        var again = await HeatingApi.JsonAsync(await _api.ImportAsync("compounds", HeatingApi.Sample("compounds.geojson"), "application/json"));

        Assert.Equal((0, 0, 3), (again.GetProperty("created").GetInt32(), again.GetProperty("updated").GetInt32(), again.GetProperty("unchanged").GetInt32()));
        Assert.Equal(before, await _api.QueryAsync(db => db.Compounds.AsNoTracking().ToDictionaryAsync(c => c.CompoundId, c => c.Version)));
    }

    [Fact]
    public async Task Should_update_a_compound_whose_row_changed_and_leave_the_others()
    {
        await _api.ImportCompaniesAndStationsAsync();
        var csv = HeatingApi.Sample("compounds.csv");
        await _api.ImportAsync("compounds", csv);

        var changed = await HeatingApi.JsonAsync(await _api.ImportAsync("compounds", csv.Replace(",1998,260,", ",1998,275,")));

        Assert.Equal((0, 1, 2), (changed.GetProperty("created").GetInt32(), changed.GetProperty("updated").GetInt32(), changed.GetProperty("unchanged").GetInt32()));
        var birch = await _api.QueryAsync(db => db.Compounds.AsNoTracking().SingleAsync(c => c.CompoundId == "birch-yard"));
        Assert.Equal((275, 1), (birch.Households, birch.Version));
    }

    [Fact]
    public async Task Should_leave_alone_what_a_file_does_not_carry()
    {
        await _api.ImportCompaniesAndStationsAsync();
        await _api.ImportAsync("compounds", HeatingApi.Sample("compounds.csv"));

        var response = await _api.ImportAsync("compounds", "compound_id,households\nmaple-court,430\n");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var maple = await _api.QueryAsync(db => db.Compounds.AsNoTracking().SingleAsync(c => c.CompoundId == "maple-court"));
        Assert.Equal((430, "Maple Court", 1985), (maple.Households, maple.Name, maple.BuiltYear));
        Assert.NotNull(maple.Geometry);
    }

    [Fact]
    public async Task Should_take_stations_as_geojson_points()
    {
        await _api.ImportAsync("companies", HeatingApi.Sample("companies.csv"));
        const string stations = """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","id":"st-n2","geometry":{"type":"Point","coordinates":[116.44,39.95]},"properties":{"name":"North Station 2","company_id":"north-heat"}}]}
            """;

        var response = await _api.ImportAsync("stations", stations, "application/geo+json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var station = await _api.QueryAsync(db => db.Stations.AsNoTracking().SingleAsync());
        Assert.Equal(("st-n2", "north-heat", 116.44), (station.StationId, station.CompanyId, station.Location!.Coordinate.X));
    }
}
