using SnowOps.Contracts;
using SnowOps.CrewBot.Cards;
using SnowOps.CrewBot.Chats;

namespace SnowOps.CrewBot.Tests;

public sealed class When_a_photo_is_too_large : BotSpec
{
    // The sample's sizes are 1,170 to 51,356 bytes.
    protected override FieldOptions Field => new() { PhotoMaxBytes = 20_000 };

    [Fact]
    public async Task Should_take_the_largest_size_within_the_limit()
    {
        await EnrolJohnAsync();
        await CrewBot.DeliverAsync(Assigned());
        Bot.AddFile(FieldSamples.PhotoSizes[1], new byte[13_466]);
        await PressProblemAsync();

        await UpdateAsync(FieldSamples.Photo(NextUpdateId(), "Ice on the ramp"));

        Assert.Equal(FieldSamples.PhotoSizes[1], (string?)Bot.CallsOf("getFile").Single().Body["file_id"]);
        Assert.NotNull(Assert.Single(Published<TaskProblemReported>()).PhotoId);
    }

    [Fact]
    public async Task Should_refuse_a_photo_whose_file_turns_out_larger_and_keep_asking()
    {
        await EnrolJohnAsync();
        await CrewBot.DeliverAsync(Assigned());
        // The message said 13,466 bytes; the file is larger.
        Bot.AddFile(FieldSamples.PhotoSizes[1], new byte[25_000]);
        await PressProblemAsync();

        await UpdateAsync(FieldSamples.Photo(NextUpdateId(), "Ice on the ramp"));

        Assert.Empty(Published<TaskProblemReported>());
        Assert.Empty(Bot.Downloads);
        Assert.Equal("This photo is too large (the limit is 0.02 MB). Please send a smaller one.", SentTo(Samples.JohnsChat)[^1].Text);

        await UpdateAsync(Samples.Text(NextUpdateId(), "Ice on the ramp"));
        Assert.Equal("Ice on the ramp", Assert.Single(Published<TaskProblemReported>()).Problem);
    }

    [Fact]
    public async Task Should_refuse_a_photo_with_every_size_over_the_limit_without_fetching_it()
    {
        await EnrolJohnAsync();
        await CrewBot.DeliverAsync(Assigned());
        var photo = FieldSamples.Photo(NextUpdateId(), "Ice");
        foreach (var size in photo["message"]!["photo"]!.AsArray())
            size!["file_size"] = 30_000;
        await PressProblemAsync();

        await UpdateAsync(photo);

        Assert.Empty(Bot.CallsOf("getFile"));
        Assert.Empty(Published<TaskProblemReported>());
        Assert.StartsWith("This photo is too large", SentTo(Samples.JohnsChat)[^1].Text);
    }

    async Task PressProblemAsync() =>
        await UpdateAsync(Samples.Press(NextUpdateId(), CardText.Data(TaskId, CardText.Problem), await CardMessageIdAsync()));
}
