using MassTransit;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;
using SnowOps.CrewBot.Cards;
using SnowOps.CrewBot.Chats;
using SnowOps.CrewBot.Data;
using SnowOps.CrewBot.Members;
using SnowOps.CrewBot.Telegram;
using SnowOps.ServiceDefaults.Data;
using SnowOps.ServiceDefaults.Messaging;
using Telegram.Bot;

namespace SnowOps.CrewBot;

/// <summary>CrewBot: the crews' side of every task.</summary>
public static class CrewBotModule
{
    public const string Name = "CrewBot";

    public static IHostApplicationBuilder AddCrewBot(this IHostApplicationBuilder builder)
    {
        var telegram = builder.Configuration.GetSection(TelegramOptions.Section).Get<TelegramOptions>() ?? new TelegramOptions();
        builder.Services.AddCrewBotServices(telegram);
        builder.AddModuleDatabase<CrewBotDbContext, CrewBotSqliteContext, CrewBotPostgresContext>(Name);
        builder.AddModuleMessaging(AddConsumers);
        return builder;
    }

    /// <summary>Everything but the database and the bus; with the bot off, no messenger and nothing that calls out.</summary>
    public static IServiceCollection AddCrewBotServices(this IServiceCollection services, TelegramOptions telegram)
    {
        telegram.Validate();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<CardAnswers>();
        services.AddScoped<CardPoster>();
        services.AddScoped<CardDelivery>();
        services.AddSingleton<CardQueue>();
        services.AddScoped<CrewEnrolment>();
        services.AddScoped<CrewChat>();
        services.AddSingleton(telegram);
        if (telegram.EffectiveMode == TelegramMode.Off)
            return services;

        // The token is part of every request path: no request logging, and no token in exported spans.
        services.AddHttpClient(TelegramMessenger.Key).RemoveAllLoggers();
        services.AddSingleton<TelegramRateGate>();
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(new BotTokenRedaction(telegram.Token!)));
        services.AddSingleton<ITelegramBotClient>(sp => new TelegramBotClient(
            // No retries inside the client: a 429 is the rate gate's to wait out, within its limits.
            new TelegramBotClientOptions(telegram.Token!, telegram.BaseUrl) { RetryCount = 0 },
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(TelegramMessenger.Key)));
        services.AddSingleton<TelegramMessenger>();
        services.AddSingleton<ICrewMessenger>(sp => sp.GetRequiredService<TelegramMessenger>());
        services.AddScoped<TelegramUpdates>();
        // The one sender of this bot's cards: Telegram's limits are per bot token (see CardSender).
        services.AddHostedService<CardSender>();
        if (telegram.EffectiveMode == TelegramMode.Polling)
            services.AddHostedService<TelegramPolling>();
        if (telegram.EffectiveMode == TelegramMode.Webhook && telegram.WebhookUrl is not null)
            services.AddHostedService<TelegramWebhookRegistration>();
        return services;
    }

    public static void AddConsumers(IBusRegistrationConfigurator bus) => bus.AddConsumer<CardWriter>();

    public static IEndpointRouteBuilder MapCrewBotEndpoints(this IEndpointRouteBuilder app) =>
        app.MapCardEndpoints().MapMemberEndpoints().MapTelegramWebhook();
}
