using MassTransit;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;
using SnowOps.Contracts;
using SnowOps.CrewBot.Cards;
using SnowOps.CrewBot.Chats;
using SnowOps.CrewBot.Data;
using SnowOps.CrewBot.Members;
using SnowOps.CrewBot.Photos;
using SnowOps.CrewBot.Telegram;
using SnowOps.CrewBot.WeCom;
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
        var weCom = builder.Configuration.GetSection(WeComOptions.Section).Get<WeComOptions>() ?? new WeComOptions();
        var field = builder.Configuration.GetSection(FieldOptions.Section).Get<FieldOptions>() ?? new FieldOptions();
        field.Validate();
        builder.Services.AddSingleton(field);
        builder.Services.AddCrewBotServices(telegram, weCom);
        // The same section as Heating's: one measuring method for the readings the bot takes and those Heating judges.
        builder.Services.Configure<MeasuringMethod>(builder.Configuration.GetSection(MeasuringMethod.Section));
        builder.Services.Configure<ReadingDialogOptions>(builder.Configuration.GetSection(ReadingDialogOptions.Section));
        builder.AddModuleDatabase<CrewBotDbContext, CrewBotSqliteContext, CrewBotPostgresContext>(Name);
        builder.AddModuleMessaging(AddConsumers);
        return builder;
    }

    /// <summary>
    /// Everything but the database and the bus: a messenger for each of Telegram and WeCom that is on (both may be);
    /// with both off, no messenger and nothing that calls out.
    /// </summary>
    public static IServiceCollection AddCrewBotServices(this IServiceCollection services, TelegramOptions telegram, WeComOptions? weCom = null)
    {
        weCom ??= new WeComOptions();
        telegram.Validate();
        weCom.Validate();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<CardAnswers>();
        services.AddScoped<CardPoster>();
        services.AddScoped<CardDelivery>();
        services.AddSingleton<CardQueue>();
        services.AddScoped<CrewEnrolment>();
        services.AddScoped<CrewChat>();
        services.AddScoped<TemperatureReadings>();
        services.AddOptions<MeasuringMethod>();
        services.AddOptions<ReadingDialogOptions>();
        services.TryAddSingleton(new FieldOptions());
        services.AddScoped<PhotoStore>();
        services.AddScoped<ProblemReports>();
        services.AddScoped<CompletionPhotos>();
        services.AddScoped<LocationProgress>();
        services.AddSingleton(telegram);
        services.AddSingleton(weCom);
        if (weCom.IsOn)
            services.AddWeCom();
        // The one sender of the cards: Telegram's limits are per bot token (see CardSender).
        if (weCom.IsOn || telegram.EffectiveMode != TelegramMode.Off)
            services.AddHostedService<CardSender>();
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
        if (telegram.EffectiveMode == TelegramMode.Polling)
            services.AddHostedService<TelegramPolling>();
        if (telegram.EffectiveMode == TelegramMode.Webhook && telegram.WebhookUrl is not null)
            services.AddHostedService<TelegramWebhookRegistration>();
        return services;
    }

    /// <summary>The access token is in every WeCom request URL: no request logging.</summary>
    static void AddWeCom(this IServiceCollection services)
    {
        services.AddSingleton<WeComAccessTokenCache>();
        services.AddHttpClient<WeComClient>().RemoveAllLoggers();
        services.AddScoped<WeComMessenger>();
        services.AddScoped<ICrewMessenger>(sp => sp.GetRequiredService<WeComMessenger>());
        services.AddScoped<IWeComCallbackSink, WeComCallbacks>();
    }

    public static void AddConsumers(IBusRegistrationConfigurator bus) => bus.AddConsumer<CardWriter>();

    public static IEndpointRouteBuilder MapCrewBotEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapCardEndpoints().MapMemberEndpoints().MapPhotoEndpoints().MapTelegramWebhook();
        if (app.ServiceProvider.GetRequiredService<WeComOptions>().IsOn)
            app.MapWeComCallback();
        return app;
    }
}
