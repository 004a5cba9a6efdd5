using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.CrewBot.Cards;
using SnowOps.CrewBot.Chats;
using SnowOps.CrewBot.Photos;

namespace SnowOps.CrewBot.Tests;

public sealed class When_a_crew_sends_a_photo_of_finished_work : BotSpec
{
    static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 9, 8, 7, 0xFF, 0xD9];

    [Fact]
    public async Task Should_report_done_at_once_then_attach_the_photo_to_the_completion()
    {
        await EnrolJohnAsync();
        await CrewBot.DeliverAsync(Assigned(), Changed(TaskState.Started, 10));
        Bot.AddFile(FieldSamples.PhotoSizes[2], Jpeg, "AQAD6q4xG6fdAVd-");

        await PressDoneAsync();

        Assert.Single(Published<TaskCompleted>());
        Assert.Equal("Thank you. Send a photo of the finished work, if you have one (within 30 minutes).", SentTo(Samples.JohnsChat)[^1].Text);
        Assert.Equal(Awaiting.CompletionPhoto, (await MembersAsync()).Single().Awaiting);

        await UpdateAsync(FieldSamples.Photo(NextUpdateId(), null));

        var attached = Assert.Single(Published<TaskPhotoAttached>());
        Assert.Equal((TaskId, Crew, TaskPhoto.Completion), (attached.TaskId, attached.CrewId, attached.Purpose));
        var kept = await CrewBot.QueryAsync(db => db.Photos.AsNoTracking().SingleAsync());
        Assert.Equal((attached.PhotoId, TaskId, TaskPhoto.Completion), (kept.PhotoId, kept.TaskId, kept.Purpose));
        Assert.Equal(Jpeg, kept.Bytes);
        Assert.Equal("Photo attached to the completed task.", SentTo(Samples.JohnsChat)[^1].Text);
        Assert.Empty(Published<TaskProblemReported>());
    }

    [Fact]
    public async Task Should_keep_the_same_photo_update_once()
    {
        await EnrolJohnAsync();
        await CrewBot.DeliverAsync(Assigned());
        Bot.AddFile(FieldSamples.PhotoSizes[2], Jpeg, "AQAD6q4xG6fdAVd-");
        await PressDoneAsync();
        var photo = FieldSamples.Photo(NextUpdateId(), "Bridge done");

        Assert.True(await UpdateAsync(photo));
        Assert.False(await UpdateAsync(photo));

        Assert.Single(Published<TaskPhotoAttached>());
        Assert.Single(Bot.Downloads);
        Assert.Equal(1, await CrewBot.QueryAsync(db => db.Photos.CountAsync()));
    }

    [Fact]
    public async Task Should_keep_the_same_file_sent_again_once()
    {
        await EnrolJohnAsync();
        await CrewBot.DeliverAsync(Assigned());
        Bot.AddFile(FieldSamples.PhotoSizes[2], Jpeg, "AQAD6q4xG6fdAVd-");
        await PressDoneAsync();

        await UpdateAsync(FieldSamples.Photo(NextUpdateId(), null));
        await UpdateAsync(FieldSamples.Photo(NextUpdateId(), "once more"));

        Assert.Single(Published<TaskPhotoAttached>().Select(p => p.PhotoId).Distinct());
        Assert.Single(Bot.Downloads);
        Assert.Equal(1, await CrewBot.QueryAsync(db => db.Photos.CountAsync()));
    }

    [Fact]
    public async Task Should_explain_a_photo_nobody_asked_for_and_keep_nothing()
    {
        await EnrolJohnAsync();
        await CrewBot.DeliverAsync(Assigned());

        await UpdateAsync(FieldSamples.Photo(NextUpdateId(), "Look at this"));

        Assert.StartsWith("Thank you, but I was not expecting a photo.", SentTo(Samples.JohnsChat)[^1].Text);
        Assert.Empty(Bot.CallsOf("getFile"));
        Assert.Empty(Published<TaskPhotoAttached>());
        Assert.Empty(Published<TaskProblemReported>());
    }

    [Fact]
    public async Task Should_explain_a_photo_sent_after_the_time_for_it()
    {
        await EnrolJohnAsync();
        await CrewBot.DeliverAsync(Assigned());
        Bot.AddFile(FieldSamples.PhotoSizes[2], Jpeg);
        await PressDoneAsync();
        await CrewBot.QueryAsync(db => db.Members.ExecuteUpdateAsync(s => s.SetProperty(m => m.AwaitingUntil, DateTimeOffset.UtcNow.AddSeconds(-1))));

        await UpdateAsync(FieldSamples.Photo(NextUpdateId(), null));

        Assert.StartsWith("Thank you, but I was not expecting a photo.", SentTo(Samples.JohnsChat)[^1].Text);
        Assert.Empty(Published<TaskPhotoAttached>());
    }

    [Fact]
    public async Task Should_tell_an_unknown_chat_it_is_not_enrolled()
    {
        await UpdateAsync(FieldSamples.Photo(NextUpdateId(), null));

        Assert.StartsWith("This chat is not enrolled", SentTo(Samples.JohnsChat).Single().Text);
        Assert.Empty(Bot.CallsOf("getFile"));
    }

    async Task PressDoneAsync() =>
        await UpdateAsync(Samples.Press(NextUpdateId(), CardText.Data(TaskId, CardText.Done), await CardMessageIdAsync()));
}
