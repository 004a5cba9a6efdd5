using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SnowOps.ServiceDefaults.Http;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace SnowOps.CrewBot.Telegram;

/// <summary>
/// Where Telegram posts updates in webhook mode. No bearer token: the caller proves itself with the secret set on
/// the webhook, which Telegram sends back in <c>X-Telegram-Bot-Api-Secret-Token</c>.
/// </summary>
public static class TelegramWebhook
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";
    const long MaxBodyBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/telegram/webhook", ReceiveAsync).WithTags("Crew").ExcludeFromDescription();
        return app;
    }

    public static async Task<IResult> ReceiveAsync(HttpRequest request, TelegramOptions options, CancellationToken cancellationToken)
    {
        if (options.EffectiveMode != TelegramMode.Webhook)
            return Problems.NotFound("The Telegram bot does not take webhook calls here.");
        if (!request.Headers.TryGetValue(SecretHeader, out var given) || string.IsNullOrEmpty(given))
            return Results.Problem($"{SecretHeader} is missing.", statusCode: StatusCodes.Status401Unauthorized, title: "Not authenticated");
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given.ToString()), Encoding.UTF8.GetBytes(options.WebhookSecret!)))
            return Problems.Forbidden($"{SecretHeader} is wrong.");

        var body = await BoundedBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (body is null)
            return Problems.TooLarge($"An update is at most {MaxBodyBytes} bytes.");
        Update? update;
        try
        {
            update = JsonSerializer.Deserialize<Update>(body, JsonBotAPI.Options);
        }
        catch (JsonException e)
        {
            return Problems.BadRequest($"Not a Telegram update: {e.Message}");
        }
        if (update is null)
            return Problems.BadRequest("Not a Telegram update.");
        await request.HttpContext.RequestServices.GetRequiredService<TelegramUpdates>().HandleAsync(update, cancellationToken);
        return Results.Ok();
    }
}
