using MassTransit;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using SnowOps.CrewBot.Cards;
using SnowOps.CrewBot.Data;
using SnowOps.ServiceDefaults.Data;
using SnowOps.ServiceDefaults.Messaging;

namespace SnowOps.CrewBot;

/// <summary>CrewBot: the crews' side of every task.</summary>
public static class CrewBotModule
{
    public const string Name = "CrewBot";

    public static IHostApplicationBuilder AddCrewBot(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<CardAnswers>();
        builder.AddModuleDatabase<CrewBotDbContext, CrewBotSqliteContext, CrewBotPostgresContext>(Name);
        builder.AddModuleMessaging(AddConsumers);
        return builder;
    }

    public static void AddConsumers(IBusRegistrationConfigurator bus) => bus.AddConsumer<CardWriter>();

    public static IEndpointRouteBuilder MapCrewBotEndpoints(this IEndpointRouteBuilder app) => app.MapCardEndpoints();
}
