using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SnowOps.Weather.Tests;

/// <summary>
/// A real HTTP server on 127.0.0.1 that publishes the real agency documents in ../shared/samples the way
/// agencies do: an ATOM index linking to CAP files (the index wrapper is ours, every CAP document is real),
/// an ATOM feed embedding them, and the NWS GeoJSON. It honours If-None-Match and can be told to fail.
/// </summary>
public sealed class FeedServer : IAsyncDisposable
{
    static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    readonly WebApplication _app;

    /// <summary>The CAP files (in ../shared/samples/cap) the index lists, in order.</summary>
    public List<string> IndexFiles { get; } = [];

    /// <summary>While true, /flaky answers 500.</summary>
    public bool Failing { get; set; }

    /// <summary>Requests per path, and how many got 304.</summary>
    public ConcurrentDictionary<string, int> Requests { get; } = new();
    public int NotModifiedAnswers;

    FeedServer(WebApplication app) => _app = app;

    public Uri Base { get; private set; } = null!;

    public string Url(string path) => new Uri(Base, path).AbsoluteUri;

    public static async Task<FeedServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var server = new FeedServer(builder.Build());
        server.Map();
        await server._app.StartAsync();
        server.Base = new Uri(server._app.Urls.Single());
        return server;
    }

    void Map()
    {
        _app.Use(async (context, next) =>
        {
            Requests.AddOrUpdate(context.Request.Path.Value!, 1, (_, n) => n + 1);
            await next(context);
        });
        _app.MapGet("/index.atom", (HttpContext c) => Conditional(c, LinkIndex(), "application/atom+xml"));
        _app.MapGet("/embedded.atom", (HttpContext c) => Conditional(c, EmbeddingIndex(), "application/atom+xml"));
        _app.MapGet("/cap/{file}", (HttpContext c, string file) => Conditional(c, Sample("cap", file), "application/cap+xml"));
        _app.MapGet("/nws", (HttpContext c) =>
            Conditional(c, Sample("nws", "weathergov-point-MN-winter-weather-advisory-update.json"), "application/geo+json"));
        _app.MapGet("/flaky", (HttpContext c) => Failing
            ? Results.StatusCode(StatusCodes.Status500InternalServerError)
            : Conditional(c, Sample("nws", "weathergov-point-MN-winter-weather-advisory-update.json"), "application/geo+json"));
    }

    IResult Conditional(HttpContext context, string body, string contentType)
    {
        var etag = $"\"{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(body)))[..16]}\"";
        context.Response.Headers.ETag = etag;
        context.Response.Headers.LastModified = "Wed, 25 Nov 2026 06:00:00 GMT";
        if (context.Request.Headers.IfNoneMatch == etag)
        {
            Interlocked.Increment(ref NotModifiedAnswers);
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        return Results.Text(body, contentType, Encoding.UTF8);
    }

    static string Sample(string kind, string file) => File.ReadAllText(Samples.Path_(kind, Path.GetFileName(file)));

    string LinkIndex() => Feed(IndexFiles.Select(file => new XElement(Atom + "entry",
        new XElement(Atom + "id", "urn:snowops:test:" + file),
        new XElement(Atom + "title", file),
        new XElement(Atom + "updated", "2026-11-25T06:00:00Z"),
        new XElement(Atom + "link", new XAttribute("rel", "related"), new XAttribute("type", "application/cap+xml"),
            new XAttribute("href", "cap/" + file)))));

    string EmbeddingIndex() => Feed(IndexFiles.Select(file => new XElement(Atom + "entry",
        new XElement(Atom + "id", "urn:snowops:test:" + file),
        new XElement(Atom + "title", file),
        new XElement(Atom + "updated", "2026-11-25T06:00:00Z"),
        new XElement(Atom + "content", new XAttribute("type", "application/cap+xml"),
            XDocument.Parse(Sample("cap", file)).Root))));

    static string Feed(IEnumerable<XElement> entries) => new XDocument(new XElement(Atom + "feed",
        new XElement(Atom + "id", "urn:snowops:test:feed"),
        new XElement(Atom + "title", "Test index of real CAP alerts"),
        new XElement(Atom + "updated", "2026-11-25T06:00:00Z"),
        entries)).ToString();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
