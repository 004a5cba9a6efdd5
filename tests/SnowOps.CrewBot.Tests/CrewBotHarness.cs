using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SnowOps.CrewBot.Cards;
using SnowOps.CrewBot.Data;
using SnowOps.CrewBot.Telegram;
using SnowOps.Testing;

namespace SnowOps.CrewBot.Tests;

/// <summary>
/// CrewBot's consumer on MassTransit's in-memory harness, over a real SQLite file; the bot off unless options are given.
/// Without <paramref name="sender"/>, nothing drains the outbound queue, as in a process that has not started yet.
/// </summary>
public sealed class CrewBotHarness(TelegramOptions? telegram = null, bool sender = true)
    : ModuleHarness<CrewBotDbContext, CrewBotSqliteContext>(CrewBotModule.AddConsumers, s =>
    {
        s.AddCrewBotServices(telegram ?? new TelegramOptions());
        if (!sender)
            s.Remove(s.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(CardSender)));
    });
