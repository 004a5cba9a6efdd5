using System.Text.Json.Nodes;
using SnowOps.Contracts;
using SnowOps.CrewBot.Cards;

namespace SnowOps.CrewBot.Tests;

/// <summary>
/// What the readings specs share: John Doe of spreader-1 holding a temperature check of the Hujialou 3 compound, and ways
/// to press its Readings button and send readings as Telegram messages with ids of their own.
/// </summary>
public abstract class ReadingSpec : BotSpec
{
    protected const string Compound = "chaoyang-hujialou-3";
    int _nextMessage = 700;

    protected TaskAssigned Check(string? compound = Compound, Guid? taskId = null, string title = "Check the indoor temperature at Hujialou 3") =>
        new(taskId ?? TaskId, Guid.Empty, TaskKind.TemperatureCheck, title, Crew, null, null, T0, T0.AddHours(4), SubjectId: compound);

    /// <summary>John Doe enrolled and his crew's temperature check on his screen.</summary>
    protected async Task CheckOnScreenAsync(string? compound = Compound)
    {
        await EnrolJohnAsync();
        await CrewBot.DeliverAsync(Check(compound));
    }

    protected async Task PressReadingsAsync(Guid? taskId = null) =>
        await UpdateAsync(Samples.Press(NextUpdateId(), CardText.Data(taskId ?? TaskId, CardText.Readings), await CardMessageIdAsync()));

    /// <summary>A text message from John Doe's chat with a message id of its own, as Telegram numbers them.</summary>
    protected JsonObject Message(string text)
    {
        var update = Samples.Text(NextUpdateId(), text);
        update["message"]!["message_id"] = Interlocked.Increment(ref _nextMessage);
        return update;
    }

    protected static int MessageIdOf(JsonObject update) => (int)update["message"]!["message_id"]!;

    protected string LastAnswer() => SentTo(Samples.JohnsChat)[^1].Text!;
}
