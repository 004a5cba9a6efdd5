using System.Net;
using Microsoft.Extensions.Options;
using SnowOps.ServiceDefaults.Http;

namespace SnowOps.Weather.Feeds;

/// <summary>One fetched body, or <see cref="NotModified"/> when the server says what we hold is current.</summary>
public sealed record FeedResponse(bool NotModified, byte[] Body, string? ETag, DateTimeOffset? LastModified);

/// <summary>The feed could not be read this time (an HTTP error, a body too large, not the format it should be).</summary>
public sealed class FeedFailure(string message) : Exception(message);

/// <summary>Conditional GETs through the feeds' named client, with bodies bounded like POSTed alerts.</summary>
public sealed class FeedFetcher(IHttpClientFactory clients, IOptions<WeatherOptions> options)
{
    public const string ClientName = "snowops-weather-feeds";

    public async Task<FeedResponse> GetAsync(Uri url, string? etag, DateTimeOffset? lastModified, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        // Sent back exactly as received: servers compare the opaque tag, weak prefix and quotes included.
        if (etag is not null)
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        request.Headers.IfModifiedSince = lastModified;

        using var response = await clients.CreateClient(ClientName)
            .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotModified)
            return new FeedResponse(true, [], etag, lastModified);
        if (!response.IsSuccessStatusCode)
            throw new FeedFailure($"{url} answered {(int)response.StatusCode} {response.ReasonPhrase}.");

        var limit = options.Value.MaxDocumentBytes;
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var bytes = await BoundedBody.ReadAsync(body, response.Content.Headers.ContentLength, limit, cancellationToken)
            ?? throw new FeedFailure($"{url} sent more than {limit} bytes (SnowOps:Weather:MaxDocumentBytes).");
        if (bytes.Length == 0)
            throw new FeedFailure($"{url} answered with an empty body.");
        return new FeedResponse(false, bytes, response.Headers.ETag?.ToString(), response.Content.Headers.LastModified);
    }
}
