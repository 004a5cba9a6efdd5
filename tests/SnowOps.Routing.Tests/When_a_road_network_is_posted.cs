using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SnowOps.ServiceDefaults.Auth;
using Xunit.Abstractions;

namespace SnowOps.Routing.Tests;

/// <summary>
/// <c>POST /api/network</c> replaces the network with an OSM PBF extract or GeoJSON, as a whole; whatever is refused
/// gets problem details and leaves the stored network as it was.
/// </summary>
public sealed class When_a_road_network_is_posted(ITestOutputHelper output) : IAsyncLifetime
{
    RoutingApi _api = null!;

    public async Task InitializeAsync() =>
        _api = await RoutingApi.StartAsync(new Dictionary<string, string?> { ["SnowOps:Routing:MaxImportBytes"] = "4000000" });

    public async Task DisposeAsync() => await _api.DisposeAsync();

    static ByteArrayContent Body(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    static ByteArrayContent Pbf(byte[] bytes) => Body(bytes, "application/x-protobuf");

    static ByteArrayContent GeoJson(string text) => Body(Encoding.UTF8.GetBytes(text), "application/geo+json");

    Task<HttpResponseMessage> PostAsync(HttpContent content, string? role = Roles.Admin) =>
        _api.SendAsync(HttpMethod.Post, "/api/network", role, content);

    async Task<JsonNode> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]));
        return problem;
    }

    async Task LoadBeijingAsync()
    {
        using var response = await PostAsync(GeoJson(Beijing.Streets));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(6, await _api.SegmentCountAsync());
    }

    [Theory]
    [InlineData("application/x-protobuf")]
    [InlineData("application/octet-stream")]
    public async Task Should_replace_the_network_with_an_OSM_extract(string contentType)
    {
        await LoadBeijingAsync();

        using var response = await PostAsync(Body(await File.ReadAllBytesAsync(Monaco.File), contentType));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("OsmPbf", (string?)answer["format"]);
        Assert.Equal(2725, (int)answer["summary"]!["segments"]!);
        Assert.Equal(2725, await _api.SegmentCountAsync());
        Assert.Equal(0, await _api.QueryAsync(db => Task.FromResult(db.Segments.Count(s => s.Name == "Jianguo Road"))));
        var (read, store) = ((double)answer["readMs"]!, (double)answer["storeMs"]!);
        // How fast is the import benchmark's to say (see Road network); here only that both times are reported.
        output.WriteLine($"Monaco: read {read} ms, stored {store} ms");
        Assert.True(read > 0 && store > 0, $"read {read} ms, stored {store} ms");
    }

    [Theory]
    [InlineData("application/geo+json")]
    [InlineData("application/json")]
    [InlineData("application/geo+json; charset=utf-8")]
    public async Task Should_replace_the_network_with_GeoJSON(string contentType)
    {
        using var response = await PostAsync(Body(Encoding.UTF8.GetBytes(Beijing.Streets), contentType));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("GeoJson", (string?)answer["format"]);
        Assert.Equal(6, (int)answer["summary"]!["segments"]!);
    }

    [Fact]
    public async Task Should_refuse_a_malformed_PBF_with_problem_details_and_keep_the_network()
    {
        await LoadBeijingAsync();
        var truncated = (await File.ReadAllBytesAsync(Monaco.File))[..500_000];

        using var response = await PostAsync(Pbf(truncated));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("not a readable OpenStreetMap PBF file", (string?)problem["detail"]);
        Assert.Equal(6, await _api.SegmentCountAsync());
    }

    [Fact]
    public async Task Should_refuse_GeoJSON_sent_as_PBF_and_keep_the_network()
    {
        await LoadBeijingAsync();

        using var response = await PostAsync(Pbf(Encoding.UTF8.GetBytes(Beijing.Streets)));

        Assert.Contains("not an OpenStreetMap PBF file", (string?)(await ProblemAsync(response, HttpStatusCode.BadRequest))["detail"]);
        Assert.Equal(6, await _api.SegmentCountAsync());
    }

    [Fact]
    public async Task Should_answer_422_for_a_file_without_drivable_streets_and_keep_the_network()
    {
        await LoadBeijingAsync();
        var footways = new OsmFile().Node(1, 7.41, 43.73).Node(2, 7.42, 43.73).Way(10, [1, 2], ("highway", "footway")).ToPbf();

        using var pbf = await PostAsync(Pbf(footways));
        using var geoJson = await PostAsync(GeoJson(Streets.Collection(Streets.Line("highway=path", (7.41, 43.73), (7.42, 43.73)))));

        Assert.Contains("no drivable street", (string?)(await ProblemAsync(pbf, HttpStatusCode.UnprocessableEntity))["detail"]);
        await ProblemAsync(geoJson, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(6, await _api.SegmentCountAsync());
    }

    [Fact]
    public async Task Should_answer_413_for_a_body_over_the_limit_and_keep_the_network()
    {
        await LoadBeijingAsync();

        using var response = await PostAsync(Pbf(new byte[4_000_001]));

        Assert.Contains("4000000", (string?)(await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge))["detail"]);
        Assert.Equal(6, await _api.SegmentCountAsync());
    }

    [Fact]
    public async Task Should_answer_415_for_a_body_that_is_no_network_format()
    {
        using var response = await PostAsync(Body(Encoding.UTF8.GetBytes("Jianguo Road, primary"), "text/csv"));

        Assert.Contains("text/csv", (string?)(await ProblemAsync(response, HttpStatusCode.UnsupportedMediaType))["detail"]);
    }

    [Fact]
    public async Task Should_answer_400_for_an_empty_body()
    {
        using var response = await PostAsync(Pbf([]));

        await ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(Roles.Committee, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Dispatcher, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Crew, HttpStatusCode.Forbidden)]
    public async Task Should_let_only_an_admin_replace_the_network(string? role, HttpStatusCode status)
    {
        await LoadBeijingAsync();

        using var response = await PostAsync(Pbf(await File.ReadAllBytesAsync(Monaco.File)), role);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(6, await _api.SegmentCountAsync());
    }

    [Fact]
    public async Task Should_not_import_the_network_file_over_a_stored_network_at_the_next_start()
    {
        await LoadBeijingAsync();

        await _api.RestartAsync(new Dictionary<string, string?> { ["SnowOps:Routing:NetworkFile"] = Monaco.File });

        Assert.Equal(6, await _api.SegmentCountAsync());
    }

    [Fact]
    public async Task Should_stop_start_up_when_the_network_file_is_missing()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-city.osm.pbf");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            RoutingApi.StartAsync(new Dictionary<string, string?> { ["SnowOps:Routing:NetworkFile"] = missing }));

        Assert.Contains("no-such-city.osm.pbf", refused.Message);
    }
}
