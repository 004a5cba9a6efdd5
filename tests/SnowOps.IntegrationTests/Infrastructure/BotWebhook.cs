using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace SnowOps.IntegrationTests.Infrastructure;

/// <summary>Telegram's side of the webhook: posts updates to <c>/api/telegram/webhook</c> with the secret in its header.</summary>
public sealed class BotWebhook(Uri baseAddress, string secret) : IDisposable
{
    const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Posts the update as Telegram does, with the secret the bot was given unless another is named.</summary>
    public async Task<HttpStatusCode> PostAsync(JsonObject update, string? withSecret = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/telegram/webhook")
        {
            Content = new StringContent(update.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(SecretHeader, withSecret ?? secret);
        using var response = await _http.SendAsync(request);
        return response.StatusCode;
    }

    public void Dispose() => _http.Dispose();
}
