using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.Status.Dashboard;
using SnowOps.Status.Tests.Live;

namespace SnowOps.Status.Tests.Dashboard;

public sealed partial class When_the_pages_are_served : IAsyncLifetime
{
    readonly LiveServer _server = new(TimeProvider.System, new Dictionary<string, string?>
    {
        [$"{MapOptions.Section}:TileUrl"] = "https://{s}.tiles.example.org/{z}/{x}/{y}.png",
        [$"{MapOptions.Section}:TileAttribution"] = "© example",
        [$"{MapOptions.Section}:FreshHours"] = "2",
    });

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Theory]
    [InlineData("/dashboard", "id=\"token-input\"")]
    [InlineData("/console", "id=\"tasks-table\"")]
    [InlineData("/lookup", "id=\"street-search\"")]
    public async Task Should_serve_each_page_without_a_token_under_a_strict_content_security_policy(string path, string hook)
    {
        using var response = await _server.Anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(hook, await response.Content.ReadAsStringAsync());
        var policy = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("connect-src 'self';", policy);
        Assert.Contains("img-src 'self' data: https://*.tiles.example.org;", policy);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("/web/vendor/leaflet/leaflet.js", "text/javascript")]
    [InlineData("/web/vendor/leaflet/leaflet.css", "text/css")]
    [InlineData("/web/vendor/leaflet/images/layers.png", "image/png")]
    [InlineData("/web/vendor/chartjs/chart.umd.min.js", "text/javascript")]
    [InlineData("/web/vendor/signalr/signalr.min.js", "text/javascript")]
    public async Task Should_serve_the_vendored_libraries_for_a_day_of_caching(string path, string mediaType)
    {
        using var response = await _server.Anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=86400", response.Headers.CacheControl?.ToString());
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task Should_serve_every_file_the_pages_and_their_modules_load()
    {
        var pending = new Queue<string>(["/dashboard", "/lookup"]);
        var seen = new HashSet<string>();
        while (pending.TryDequeue(out var path))
        {
            using var response = await _server.Anonymous.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
            if (path.EndsWith(".css", StringComparison.Ordinal) || path.EndsWith(".png", StringComparison.Ordinal))
                continue;
            var text = await response.Content.ReadAsStringAsync();
            var folder = path.StartsWith("/web/", StringComparison.Ordinal) ? path[..(path.LastIndexOf('/') + 1)] : "/web/";
            var links = PageLink().Matches(text).Select(m => m.Groups[1].Value)
                .Concat(ModuleImport().Matches(text).Select(m => folder + m.Groups[1].Value[2..]));
            foreach (var link in links.Where(seen.Add))
                pending.Enqueue(link);
        }
        Assert.Contains("/web/js/app.js", seen);
        Assert.Contains("/web/js/i18n.js", seen);
        Assert.Contains("/web/js/lookup.js", seen);
    }

    [Fact]
    public async Task Should_answer_not_found_for_a_file_that_is_not_there()
    {
        using var response = await _server.Anonymous.GetAsync("/web/js/nothing-here.js");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Should_tell_the_pages_the_configured_tiles_and_freshness()
    {
        var config = await _server.As(Roles.Committee).GetFromJsonAsync<JsonElement>("/api/status/config");

        Assert.Equal(("https://{s}.tiles.example.org/{z}/{x}/{y}.png", "© example", 2.0, 12.0),
            (config.GetProperty("tileUrl").GetString(), config.GetProperty("tileAttribution").GetString(),
                config.GetProperty("freshHours").GetDouble(), config.GetProperty("repassHours").GetDouble()));
        Assert.Equal(JsonValueKind.Null, config.GetProperty("center").ValueKind);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("https://tile.example.org/{z}/{x}/{y}.png", "https://tile.example.org")]
    [InlineData("http://{s}.maps.local:8080/{z}/{x}/{y}.png", "http://*.maps.local:8080")]
    [InlineData("tiles/{z}/{x}/{y}.png", null)]
    [InlineData("https://evil.example.org; script-src *", null)]
    public void Should_allow_images_only_from_the_tile_server_origin(string? tileUrl, string? origin) =>
        Assert.Equal(origin, new MapOptions { TileUrl = tileUrl }.TileOrigin());

    [GeneratedRegex("(?:src|href)=\"(/web/[^\"]+)\"")]
    private static partial Regex PageLink();

    [GeneratedRegex("from \"(\\./[^\"]+)\"")]
    private static partial Regex ModuleImport();
}
