using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace SnowOps.IntegrationTests.Infrastructure;

/// <summary>SnowOps' HTTP API as a given caller sees it.</summary>
public sealed class Api(Uri baseAddress, string? token) : IDisposable
{
    readonly HttpClient _http = Create(baseAddress, token);

    /// <summary>The caller's bearer token, for a browser page to log in with.</summary>
    public string? Token { get; } = token;

    static HttpClient Create(Uri baseAddress, string? token)
    {
        var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public Task<HttpResponseMessage> PostAlertAsync(string body, string contentType = "application/cap+xml") =>
        _http.PostAsync("/api/alerts", new StringContent(body, Encoding.UTF8, contentType));

    /// <summary>Posts bytes as they are: a fuzzed document need not be valid text in any encoding.</summary>
    public Task<HttpResponseMessage> PostAlertAsync(byte[] body, string? contentType)
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return _http.PostAsync("/api/alerts", content);
    }

    public Task<HttpResponseMessage> PostAsync(string path, object? body = null) =>
        body is null ? _http.PostAsync(path, null) : _http.PostAsJsonAsync(path, body);

    /// <summary>Posts a file as it is, e.g. a CSV or GeoJSON import.</summary>
    public Task<HttpResponseMessage> PostTextAsync(string path, string body, string contentType) =>
        _http.PostAsync(path, new StringContent(body, Encoding.UTF8, contentType));

    public Task<HttpResponseMessage> PutAsync(string path, object body) => _http.PutAsJsonAsync(path, body);

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(path);

    public Task<HttpResponseMessage> DeleteAsync(string path) => _http.DeleteAsync(path);

    /// <summary>Sends a request as it is built: any method, any body.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => _http.SendAsync(request);

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"GET {path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public void Dispose() => _http.Dispose();
}
