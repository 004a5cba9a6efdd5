using Microsoft.EntityFrameworkCore;
using SnowOps.CrewBot.Members;

namespace SnowOps.CrewBot.Tests;

public sealed class When_an_update_comes_again : BotSpec
{
    [Fact]
    public async Task Should_answer_a_text_only_once()
    {
        await EnrolJohnAsync();
        var tasks = Samples.Text(NextUpdateId(), "/tasks");

        Assert.True(await UpdateAsync(tasks));
        Assert.False(await UpdateAsync(tasks));

        Assert.Single(SentTo(Samples.JohnsChat), c => c.Text!.Contains("no open tasks"));
    }

    [Fact]
    public async Task Should_forget_update_ids_older_than_a_week_from_time_to_time()
    {
        await CrewBot.QueryAsync(db =>
        {
            db.ProcessedUpdates.Add(new ProcessedUpdate { Messenger = "telegram", UpdateId = 1, Received = DateTimeOffset.UtcNow.AddDays(-8) });
            db.ProcessedUpdates.Add(new ProcessedUpdate { Messenger = "telegram", UpdateId = 2, Received = DateTimeOffset.UtcNow.AddDays(-6) });
            return db.SaveChangesAsync();
        });

        await UpdateAsync(Samples.Text(1500, "/help"));

        var kept = await CrewBot.QueryAsync(db => db.ProcessedUpdates.Select(u => u.UpdateId).OrderBy(id => id).ToListAsync());
        Assert.Equal([2L, 1500L], kept);
    }
}
