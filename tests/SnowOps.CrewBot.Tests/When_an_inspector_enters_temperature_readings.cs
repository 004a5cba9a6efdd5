using System.Globalization;
using SnowOps.Contracts;
using SnowOps.ServiceDefaults.Data;

namespace SnowOps.CrewBot.Tests;

public sealed class When_an_inspector_enters_temperature_readings : ReadingSpec
{
    [Fact]
    public async Task Should_show_the_compound_and_a_readings_button_on_the_card()
    {
        await CheckOnScreenAsync();

        var card = SentTo(Samples.JohnsChat)[^1];
        Assert.Contains("Compound: chaoyang-hujialou-3", card.Text);
        Assert.Equal([$"{TaskId:N}:r", $"{TaskId:N}:a", $"{TaskId:N}:d", $"{TaskId:N}:s", $"{TaskId:N}:c", $"{TaskId:N}:p"], card.ButtonData);
    }

    [Fact]
    public async Task Should_explain_the_method_and_ask_for_the_readings_when_readings_is_pressed()
    {
        await CheckOnScreenAsync();

        await PressReadingsAsync();

        Assert.Equal("Send the readings.", (string?)Bot.CallsOf("answerCallbackQuery").Single().Body["text"]);
        var prompt = SentTo(Samples.JohnsChat)[^1];
        Assert.True((bool?)prompt.Body["reply_markup"]?["force_reply"]);
        Assert.Contains("compound chaoyang-hujialou-3", prompt.Text);
        Assert.Contains("centre of the room with the windows closed and the radiators uncovered", prompt.Text);
        Assert.Contains("steady within 0.5 °C, take at least 5 readings 2 minutes apart", prompt.Text);
        Assert.Empty(Published<IndoorTemperatureRecorded>());
    }

    [Fact]
    public async Task Should_publish_the_average_without_the_extremes_for_the_compound_and_home()
    {
        await CheckOnScreenAsync();
        await PressReadingsAsync();
        var message = Message("3-2-401: 18.6 18.4 18.9 18.7 19.0");

        await UpdateAsync(message);

        var recorded = Assert.Single(Published<IndoorTemperatureRecorded>());
        Assert.Equal((TaskId, Compound, "3-2-401", Crew), (recorded.TaskId, recorded.CompoundId, recorded.Home, recorded.InspectorId));
        Assert.Equal([18.6, 18.4, 18.9, 18.7, 19.0], recorded.Readings);
        // 18.4 and 19.0 dropped: (18.6 + 18.7 + 18.9) / 3.
        Assert.Equal(18.73, recorded.AverageCelsius, precision: 2);
        var messageId = MessageIdOf(message).ToString(CultureInfo.InvariantCulture);
        Assert.Equal(StableId.From("reading", "telegram", Samples.JohnsChat, messageId), recorded.ReadingId);
        var answer = LastAnswer();
        Assert.Contains("Recorded 3-2-401, chaoyang-hujialou-3: 18.73 °C, the average of 18.6, 18.7, 18.9", answer);
        Assert.Contains("dropped the lowest 18.4 and the highest 19", answer);
        Assert.Contains("Meets the standard of 18 °C", answer);
        Assert.Contains("Send the next home's readings", answer);
        Assert.Contains("2 h after the last readings", answer);
    }

    [Fact]
    public async Task Should_record_a_message_once_when_its_update_comes_again()
    {
        await CheckOnScreenAsync();
        await PressReadingsAsync();
        var message = Message("3-2-401: 18.6 18.4 18.9 18.7 19.0");

        Assert.True(await UpdateAsync(message));
        var answers = SentTo(Samples.JohnsChat).Count;
        Assert.False(await UpdateAsync(message));

        Assert.Single(Published<IndoorTemperatureRecorded>());
        Assert.Equal(answers, SentTo(Samples.JohnsChat).Count);
    }

    [Fact]
    public async Task Should_take_the_next_home_of_the_same_check_in_the_same_dialog()
    {
        await CheckOnScreenAsync();
        await PressReadingsAsync();
        await UpdateAsync(Message("3-2-401: 18.6 18.4 18.9 18.7 19.0"));

        await UpdateAsync(Message("3-2-402：17.2，17.4，17.1、17.6 17.3℃"));

        var recorded = Published<IndoorTemperatureRecorded>();
        Assert.Equal(2, recorded.Count);
        var second = recorded.Single(r => r.Home == "3-2-402");
        Assert.Equal((TaskId, Compound), (second.TaskId, second.CompoundId));
        Assert.Equal(17.3, second.AverageCelsius, precision: 2);
        Assert.NotEqual(recorded[0].ReadingId, recorded[1].ReadingId);
        Assert.Contains("Below the standard of 18 °C", LastAnswer());
    }

    [Fact]
    public async Task Should_take_the_compound_from_the_message_when_the_task_names_none()
    {
        await CheckOnScreenAsync(compound: null);
        await PressReadingsAsync();

        await UpdateAsync(Message("18.6 18.4 18.9 18.7 19.0"));
        Assert.Contains("names no compound", LastAnswer());
        Assert.Empty(Published<IndoorTemperatureRecorded>());

        await UpdateAsync(Message("hujialou-5 2-1-302: 18.6 18.4 18.9 18.7 19.0"));
        var recorded = Assert.Single(Published<IndoorTemperatureRecorded>());
        Assert.Equal(("hujialou-5", "2-1-302"), (recorded.CompoundId, recorded.Home));
    }

    [Fact]
    public async Task Should_answer_in_chinese_for_a_chinese_chat()
    {
        await CheckOnScreenAsync();
        await UpdateAsync(Samples.Text(NextUpdateId(), "/lang zh"));
        await PressReadingsAsync();
        Assert.Contains("至少 5 次", LastAnswer());

        await UpdateAsync(Message("3-2-401：17.2 17.4 17.1 17.6 17.3"));

        Assert.Contains("低于 18 °C 标准", LastAnswer());
        Assert.Single(Published<IndoorTemperatureRecorded>());
    }
}
