using SnowOps.CrewBot.Data;
using SnowOps.Testing;

namespace SnowOps.CrewBot.Tests;

/// <summary>CrewBot's consumer on MassTransit's in-memory harness, over a real SQLite file.</summary>
public sealed class CrewBotHarness() : ModuleHarness<CrewBotDbContext, CrewBotSqliteContext>(CrewBotModule.AddConsumers);
