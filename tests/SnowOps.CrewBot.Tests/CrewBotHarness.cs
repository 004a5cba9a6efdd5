using SnowOps.CrewBot.Data;
using SnowOps.CrewBot.Telegram;
using SnowOps.CrewBot.WeCom;
using SnowOps.Testing;

namespace SnowOps.CrewBot.Tests;

/// <summary>CrewBot's consumer on MassTransit's in-memory harness, over a real SQLite file; each messenger off unless its options are given.</summary>
public sealed class CrewBotHarness(TelegramOptions? telegram = null, WeComOptions? weCom = null)
    : ModuleHarness<CrewBotDbContext, CrewBotSqliteContext>(CrewBotModule.AddConsumers, s => s.AddCrewBotServices(telegram ?? new TelegramOptions(), weCom));
