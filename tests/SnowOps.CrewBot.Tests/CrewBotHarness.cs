using Microsoft.Extensions.DependencyInjection;
using SnowOps.CrewBot.Chats;
using SnowOps.CrewBot.Data;
using SnowOps.CrewBot.Telegram;
using SnowOps.CrewBot.WeCom;
using SnowOps.Testing;

namespace SnowOps.CrewBot.Tests;

/// <summary>
/// CrewBot's consumer on MassTransit's in-memory harness, over a real SQLite file; each messenger off unless its options
/// are given, and the field settings at their defaults unless given.
/// </summary>
public sealed class CrewBotHarness(TelegramOptions? telegram = null, WeComOptions? weCom = null, FieldOptions? field = null)
    : ModuleHarness<CrewBotDbContext, CrewBotSqliteContext>(CrewBotModule.AddConsumers, s =>
    {
        if (field is not null)
            s.AddSingleton(field);
        s.AddCrewBotServices(telegram ?? new TelegramOptions(), weCom);
    });
