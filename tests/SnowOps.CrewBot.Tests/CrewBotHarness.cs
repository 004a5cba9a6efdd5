using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SnowOps.CrewBot.Cards;
using SnowOps.CrewBot.Chats;
using SnowOps.CrewBot.Data;
using SnowOps.CrewBot.Telegram;
using SnowOps.CrewBot.WeCom;
using SnowOps.Testing;

namespace SnowOps.CrewBot.Tests;

/// <summary>
/// CrewBot's consumer on MassTransit's in-memory harness, over a real SQLite file; each messenger off unless its options
/// are given, and the field settings at their defaults unless given. Without <paramref name="sender"/>, nothing drains the
/// outbound queue, as in a process that has not started yet.
/// </summary>
public sealed class CrewBotHarness(TelegramOptions? telegram = null, WeComOptions? weCom = null, FieldOptions? field = null, bool sender = true)
    : ModuleHarness<CrewBotDbContext, CrewBotSqliteContext>(CrewBotModule.AddConsumers, s =>
    {
        if (field is not null)
            s.AddSingleton(field);
        s.AddCrewBotServices(telegram ?? new TelegramOptions(), weCom);
        if (!sender)
            s.Remove(s.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(CardSender)));
    })
{
    /// <summary>Until no card waits in the outbound queue or is on its way.</summary>
    public async Task QueueDrainedAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await QueryAsync(db => db.SentCards.AnyAsync(s => s.Queued != null || s.Claimed != null)))
        {
            Assert.True(DateTime.UtcNow < deadline, "The outbound queue was not drained in 30 s.");
            await Task.Delay(50);
        }
    }
}
