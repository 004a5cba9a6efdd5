using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.CrewBot.Cards;

namespace SnowOps.CrewBot.Tests;

public sealed class When_readings_cannot_be_taken : ReadingSpec
{
    [Theory]
    [InlineData("3-2-401: 18.6 18.4 18.9 18.7", "4 readings: the method takes at least 5, 2 minutes apart")]
    [InlineData("3-2-401: 18.6 18.4 81.9 18.7 19.0", "81.9 cannot be an indoor temperature (it lies outside -30 to 45 °C)")]
    [InlineData("3-2-401: 18.6 18.4 warm 18.7 19.0", "These are not readings: \"warm\"")]
    [InlineData("18.6,18.4,18.9,18.7,19.0", "These are not readings: \"18.6.18.4.18.9.18.7.19.0\"")]
    public async Task Should_say_why_publish_nothing_and_keep_waiting(string text, string why)
    {
        await CheckOnScreenAsync();
        await PressReadingsAsync();

        await UpdateAsync(Message(text));

        Assert.Contains(why, LastAnswer());
        Assert.True((bool?)SentTo(Samples.JohnsChat)[^1].Body["reply_markup"]?["force_reply"]);
        Assert.Empty(Published<IndoorTemperatureRecorded>());
        await UpdateAsync(Message("3-2-401: 18.6 18.4 18.9 18.7 19.0"));
        Assert.Single(Published<IndoorTemperatureRecorded>());
    }

    [Fact]
    public async Task Should_say_why_when_readings_is_pressed_on_a_finished_check()
    {
        await CheckOnScreenAsync();
        var cardId = await CardMessageIdAsync();
        await CrewBot.DeliverAsync(Changed(TaskState.Completed, 30));

        await UpdateAsync(Samples.Press(NextUpdateId(), CardText.Data(TaskId, CardText.Readings), cardId));

        Assert.Equal("This task is already completed.", (string?)Bot.CallsOf("answerCallbackQuery").Single().Body["text"]);
        await UpdateAsync(Message("3-2-401: 18.6 18.4 18.9 18.7 19.0"));
        Assert.Empty(Published<IndoorTemperatureRecorded>());
    }

    [Fact]
    public async Task Should_stop_taking_readings_once_the_check_is_done()
    {
        await CheckOnScreenAsync();
        await PressReadingsAsync();
        await UpdateAsync(Message("3-2-401: 18.6 18.4 18.9 18.7 19.0"));
        await CrewBot.DeliverAsync(Changed(TaskState.Completed, 30));

        await UpdateAsync(Message("3-2-402: 18.6 18.4 18.9 18.7 19.0"));

        Assert.Single(Published<IndoorTemperatureRecorded>());
        Assert.Equal("This task is already completed.", LastAnswer());
        await UpdateAsync(Message("3-2-403: 18.6 18.4 18.9 18.7 19.0"));
        Assert.Contains("I did not understand that", LastAnswer());
    }

    [Fact]
    public async Task Should_stop_waiting_when_no_readings_came_for_two_hours()
    {
        await CheckOnScreenAsync();
        await PressReadingsAsync();
        await CrewBot.QueryAsync(db => db.Members.ExecuteUpdateAsync(s => s.SetProperty(m => m.AwaitingSince, DateTimeOffset.UtcNow.AddHours(-2.1))));

        await UpdateAsync(Message("3-2-401: 18.6 18.4 18.9 18.7 19.0"));

        Assert.Empty(Published<IndoorTemperatureRecorded>());
        Assert.Contains("No readings came for 2 h", LastAnswer());
    }

    [Fact]
    public async Task Should_refuse_a_readings_button_on_a_task_that_is_no_temperature_check()
    {
        await EnrolJohnAsync();
        await CrewBot.DeliverAsync(Assigned());

        await PressReadingsAsync();

        Assert.Equal("This task is not a temperature check.", (string?)Bot.CallsOf("answerCallbackQuery").Single().Body["text"]);
        Assert.Null((await MembersAsync()).Single().Awaiting);
    }
}
