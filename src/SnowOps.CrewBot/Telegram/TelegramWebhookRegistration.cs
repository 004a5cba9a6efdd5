using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telegram.Bot;

namespace SnowOps.CrewBot.Telegram;

/// <summary>Webhook mode with a <see cref="TelegramOptions.WebhookUrl"/>: tells Telegram where to post updates, and with which secret.</summary>
public sealed partial class TelegramWebhookRegistration(ITelegramBotClient bot, TelegramOptions options, ILogger<TelegramWebhookRegistration> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Retried until it works: start-up does not wait on Telegram, and the webhook is needed sooner or later.
        for (var wait = TimeSpan.FromSeconds(5); !stoppingToken.IsCancellationRequested; wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, TimeSpan.FromMinutes(5).Ticks)))
        {
            try
            {
                await bot.SetWebhook(options.WebhookUrl!, allowedUpdates: TelegramUpdates.Wanted,
                    secretToken: options.WebhookSecret, cancellationToken: stoppingToken);
                LogRegistered(log, options.WebhookUrl!);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(log, wait.TotalSeconds, e);
            }
            await Task.Delay(wait, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    [LoggerMessage(LogLevel.Information, "Telegram webhook set to {Url}")]
    static partial void LogRegistered(ILogger logger, string url);

    [LoggerMessage(LogLevel.Warning, "Telegram setWebhook failed; trying again in {Seconds} s")]
    static partial void LogFailed(ILogger logger, double seconds, Exception exception);
}
