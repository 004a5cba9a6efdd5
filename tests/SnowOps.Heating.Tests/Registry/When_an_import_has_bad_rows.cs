using System.Net;
using Microsoft.EntityFrameworkCore;

namespace SnowOps.Heating.Tests.Registry;

/// <summary>An import is all-or-nothing: one bad row and nothing is saved, and the answer names every bad row and why.</summary>
public sealed class When_an_import_has_bad_rows : IAsyncLifetime
{
    const string Header = "compound_id,name,company_id,built_year,households,wkt\n";
    const string Square = "\"POLYGON ((116.45 39.93, 116.452 39.93, 116.452 39.932, 116.45 39.932, 116.45 39.93))\"";
    const string Good = $"good-1,Good One,north-heat,1990,100,{Square}\n";

    readonly HeatingApi _api = new(new() { ["SnowOps:Heating:ImportMaxBytes"] = "4096" });

    public async Task InitializeAsync()
    {
        await _api.InitializeAsync();
        await _api.ImportCompaniesAndStationsAsync();
    }

    public Task DisposeAsync() => _api.DisposeAsync();

    [Theory]
    [InlineData($"bad,Bad,nobody-heat,1990,100,{Square}", "unknown company 'nobody-heat'")]
    [InlineData($"bad,Bad,north-heat,1990,-5,{Square}", "households -5 is negative")]
    [InlineData($"bad,Bad,north-heat,1650,100,{Square}", "built_year 1650 is outside")]
    [InlineData($"bad,Bad,north-heat,2990,100,{Square}", "built_year 2990 is outside")]
    [InlineData("bad,Bad,north-heat,1990,100,\"POLYGON ((450000 4420000, 450200 4420000, 450200 4420200, 450000 4420000))\"", "outside longitude")]
    [InlineData("bad,Bad,north-heat,1990,100,\"POLYGON ((116.45 39.93, 116.452 39.932, 116.452 39.93, 116.45 39.932, 116.45 39.93))\"", "not valid")]
    [InlineData("bad,Bad,north-heat,1990,100,\"LINESTRING (116.45 39.93, 116.452 39.932)\"", "expected a Polygon")]
    [InlineData("bad,Bad,north-heat,1990,100,\"POLYGON ((116.45\"", "not well-known text")]
    [InlineData($"bad,Bad,north-heat,nineteen,100,{Square}", "is not a whole number")]
    [InlineData($",Bad,north-heat,1990,100,{Square}", "id is missing")]
    [InlineData($"good-1,Twice,north-heat,1990,100,{Square}", "also on row 1")]
    public async Task Should_answer_422_naming_the_row_and_save_nothing(string badRow, string reason)
    {
        var response = await _api.ImportAsync("compounds", Header + Good + badRow + "\n");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await HeatingApi.JsonAsync(response);
        var row = Assert.Single(problem.GetProperty("rows").EnumerateArray());
        Assert.Equal(2, row.GetProperty("row").GetInt32());
        Assert.Contains(row.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains(reason));
        Assert.Equal(0, await _api.QueryAsync(db => db.Compounds.CountAsync()));
    }

    [Fact]
    public async Task Should_list_every_bad_row_not_only_the_first()
    {
        var response = await _api.ImportAsync("compounds",
            Header + $"a,A,nobody,1990,1,{Square}\n" + Good + $"b,B,north-heat,1990,-1,{Square}\n");

        var rows = (await HeatingApi.JsonAsync(response)).GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("row").GetInt32());
        Assert.Equal([1, 3], rows);
    }

    [Fact]
    public async Task Should_answer_422_for_a_geojson_feature_with_a_bad_geometry()
    {
        const string json = """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","geometry":{"type":"Point","coordinates":[116.4,39.9]},"properties":{"compound_id":"ok","name":"Ok","company_id":"north-heat"}},
              {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[1,2]]]},"properties":{"compound_id":"broken","name":"Broken","company_id":"north-heat"}}]}
            """;

        var response = await _api.ImportAsync("compounds", json, "application/geo+json");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(2, (await HeatingApi.JsonAsync(response)).GetProperty("rows")[0].GetProperty("row").GetInt32());
        Assert.Equal(0, await _api.QueryAsync(db => db.Compounds.CountAsync()));
    }

    [Fact]
    public async Task Should_refuse_a_file_over_the_size_limit_with_413()
    {
        var rows = string.Concat(Enumerable.Range(1, 60).Select(i => $"c-{i},C {i},north-heat,1990,100,{Square}\n"));

        var response = await _api.ImportAsync("compounds", Header + rows);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await _api.QueryAsync(db => db.Compounds.CountAsync()));
    }

    [Fact]
    public async Task Should_refuse_a_body_that_is_neither_csv_nor_json()
    {
        var response = await _api.ImportAsync("compounds", "<compounds/>", "application/xml");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Should_answer_400_for_json_that_does_not_parse()
    {
        var response = await _api.ImportAsync("compounds", "{\"type\":\"FeatureCollection\",", "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("compound_id,name\nx,\"unclosed\n")]
    [InlineData("compound_id,name\nx,a\"b\n")]
    [InlineData("")]
    [InlineData("compound_id,compound_id\nx,y\n")]
    public async Task Should_answer_400_for_csv_that_cannot_be_read(string csv)
    {
        var response = await _api.ImportAsync("compounds", csv);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Should_name_a_row_with_the_wrong_number_of_fields()
    {
        var response = await _api.ImportAsync("compounds", Header + Good + "short,Short,north-heat\n");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(2, (await HeatingApi.JsonAsync(response)).GetProperty("rows")[0].GetProperty("row").GetInt32());
    }

    [Fact]
    public async Task Should_refuse_a_station_of_an_unknown_company()
    {
        var response = await _api.ImportAsync("stations", "station_id,company_id,name,lon,lat\nst-x,ghost-heat,X,116.4,39.9\n");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(2, await _api.QueryAsync(db => db.Stations.CountAsync()));
    }
}
