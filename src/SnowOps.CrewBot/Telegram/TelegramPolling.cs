using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telegram.Bot;

namespace SnowOps.CrewBot.Telegram;

/// <summary>Polling mode: asks Telegram for updates (long polling), each call confirming those taken before by its offset.</summary>
public sealed partial class TelegramPolling(ITelegramBotClient bot, IServiceScopeFactory scopes, TelegramOptions options, ILogger<TelegramPolling> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        int? offset = null;
        var webhookRemoved = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Telegram answers getUpdates with 409 while a webhook is set.
                if (!webhookRemoved)
                    await bot.DeleteWebhook(cancellationToken: stoppingToken);
                webhookRemoved = true;
                var updates = await bot.GetUpdates(offset, 100, options.PollSeconds, TelegramUpdates.Wanted, stoppingToken);
                foreach (var update in updates)
                {
                    await TakeAsync(update, stoppingToken);
                    offset = update.Id + 1;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogPollFailed(log, e);
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    async Task TakeAsync(global::Telegram.Bot.Types.Update update, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<TelegramUpdates>().HandleAsync(update, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Skipped rather than asked for again and again: one broken update must not stop the crews' bot.
            LogUpdateFailed(log, update.Id, e);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Telegram polling failed; trying again in 5 s")]
    static partial void LogPollFailed(ILogger logger, Exception exception);

    [LoggerMessage(LogLevel.Error, "Telegram update {UpdateId} could not be handled and is skipped")]
    static partial void LogUpdateFailed(ILogger logger, long updateId, Exception exception);
}
