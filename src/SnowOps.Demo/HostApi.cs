using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.IdentityModel.Tokens;
using SnowOps.ServiceDefaults.Auth;

namespace SnowOps.Demo;

/// <summary>The demo's way into the host: its own HTTP API and its Telegram webhook, at the address it really listens on.</summary>
public sealed class HostApi(IServer server, SymmetricSecurityKey signingKey) : IDisposable
{
    public const string WebhookSecret = "snowops-demo-webhook";
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(12);

    readonly Dictionary<string, string> _tokens = [];
    HttpClient? _http;

    public Uri BaseAddress => _http?.BaseAddress ?? throw new InvalidOperationException("The host has not started yet.");

    /// <summary>Reads the bound address once the server listens; a wildcard host is reached as localhost.</summary>
    public void Connect()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The host listens on no address.");
        address = address.Replace("://+:", "://localhost:").Replace("://*:", "://localhost:")
            .Replace("://0.0.0.0:", "://localhost:").Replace("://[::]:", "://localhost:");
        _http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>A token for a role, signed with the host's key.</summary>
    public string TokenFor(string role, string name)
    {
        lock (_tokens)
        {
            if (!_tokens.TryGetValue(role + "/" + name, out var token))
                _tokens[role + "/" + name] = token = TokenIssuer.Create(signingKey, name, [role], TokenLifetime);
            return token;
        }
    }

    public async Task<JsonElement> GetAsync(string path, string role, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, path, role, null);
        using var response = await _http!.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"GET {path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Posts and answers the status and body; the caller decides what an answer means.</summary>
    public async Task<(int Status, string Body)> PostAsync(string path, string role, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Post, path, role, content ?? new StringContent("{}", Encoding.UTF8, "application/json"));
        using var response = await _http!.SendAsync(request, cancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    public Task<(int Status, string Body)> PostJsonAsync(string path, string role, object body, CancellationToken cancellationToken) =>
        PostAsync(path, role, new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"), cancellationToken);

    /// <summary>An update posted the way Telegram posts it to the webhook, with the secret in its header.</summary>
    public async Task<int> PostUpdateAsync(JsonObject update, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/telegram/webhook")
        {
            Content = new StringContent(update.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", WebhookSecret);
        using var response = await _http!.SendAsync(request, cancellationToken);
        return (int)response.StatusCode;
    }

    HttpRequestMessage Request(HttpMethod method, string path, string role, HttpContent? content)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(role, "demo-" + role));
        return request;
    }

    public void Dispose() => _http?.Dispose();
}
