using System.Net.Http.Headers;
using System.Text;

namespace SnowOps.IntegrationTests.Security;

/// <summary>What the host answered one caller on one endpoint.</summary>
public sealed record Answer(Endpoint Endpoint, string? Role, int Status, string? MediaType, string Body)
{
    public string Caller => Role ?? "no token";

    /// <summary>The answer of a host with no such route: 405, or the 404 the status-code pages write for any unknown path.</summary>
    public bool NoSuchRoute => Status == 405 || (Status == 404 && Body.Contains("\"detail\":\"Not Found: ", StringComparison.Ordinal));

    public override string ToString() => $"{Endpoint} as {Caller}: {Status}";
}

/// <summary>Calls endpoints with a bearer token (or none) and an empty JSON body, a few at a time.</summary>
public sealed class Caller(Uri baseAddress) : IDisposable
{
    const int AtOnce = 8;
    readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public async Task<Answer> CallAsync(Endpoint endpoint, string? role, string? token)
    {
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Path);
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (endpoint.Method is "POST" or "PUT")
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new Answer(endpoint, role, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body[..Math.Min(body.Length, 500)]);
    }

    /// <summary>Every call, <see cref="AtOnce"/> at a time, in the order given.</summary>
    public async Task<IReadOnlyList<Answer>> CallAllAsync(IEnumerable<(Endpoint Endpoint, string? Role)> calls, Func<string, string> token)
    {
        using var gate = new SemaphoreSlim(AtOnce);
        var answers = calls.Select(async call =>
        {
            await gate.WaitAsync();
            try
            {
                return await CallAsync(call.Endpoint, call.Role, call.Role is null ? null : token(call.Role));
            }
            finally
            {
                gate.Release();
            }
        });
        return await Task.WhenAll(answers);
    }

    /// <summary>A GET that must succeed, as its text.</summary>
    public async Task<string> GetTextAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? text : throw new HttpRequestException($"GET {path} answered {(int)response.StatusCode}: {text}");
    }

    public void Dispose() => _http.Dispose();
}
