using SnowOps.Contracts;
using SnowOps.CrewBot.Chats;

namespace SnowOps.CrewBot.Cards;

/// <summary>How a card reads in a chat, and the buttons it offers in its state.</summary>
public static class CardText
{
    /// <summary>The actions a button carries, one letter each so the callback data stays short.</summary>
    public const char Accept = 'a', Decline = 'd', Start = 's', Done = 'c';

    /// <summary>Enter the readings of a temperature check.</summary>
    public const char Readings = 'r';
    /// <summary>Report a problem: on every card that is not finished.</summary>
    public const char Problem = 'p';

    public static bool IsFinished(TaskState state) => state is TaskState.Completed or TaskState.Cancelled or TaskState.Declined;

    public static string Render(TaskCard card, string language, bool heldByThisChat)
    {
        var lines = new List<string>
        {
            Texts.Get(language, "CardTask", card.Title),
            Texts.Get(language, "CardKind", Texts.Get(language, card.Kind.ToString())),
        };
        if (card.SubjectId is { } subject)
            lines.Add(Texts.Get(language, card.Kind is TaskKind.TemperatureCheck or TaskKind.HeatingRepair ? "CardCompound" : "CardSubject", subject));
        if (card.LengthMeters is { } meters)
            lines.Add(Texts.Get(language, "CardLength", meters / 1000));
        if (card.Due is { } due)
            lines.Add(Texts.Get(language, "CardDue", due));
        lines.Add(Texts.Get(language, "CardState", Texts.Get(language, card.State.ToString())));
        if (!heldByThisChat)
            lines.Add(Texts.Get(language, "CardOtherCrew"));
        return string.Join('\n', lines);
    }

    public static IReadOnlyList<ChatButton> Buttons(TaskCard card, string language, bool heldByThisChat)
    {
        if (!heldByThisChat || IsFinished(card.State))
            return [];
        char[] actions = card.State switch
        {
            TaskState.Accepted => [Start, Done, Decline],
            TaskState.Started => [Done],
            _ => [Accept, Decline, Start, Done],
        };
        if (card.Kind == TaskKind.TemperatureCheck)
            actions = [Readings, .. actions];
        actions = [.. actions, Problem];
        return actions.Select(a => new ChatButton(Texts.Get(language, NameOf(a)), Data(card.TaskId, a))).ToList();
    }

    /// <summary>"{task id, 32 hex}:{action}": 34 bytes, inside Telegram's 64.</summary>
    public static string Data(Guid taskId, char action) => $"{taskId:N}:{action}";

    public static bool TryParse(string data, out Guid taskId, out char action)
    {
        action = data.Length == 34 && data[32] == ':' ? data[33] : '\0';
        return Guid.TryParseExact(data.AsSpan(0, Math.Min(32, data.Length)), "N", out taskId)
            && action is Accept or Decline or Start or Done or Readings or Problem;
    }

    static string NameOf(char action) => action switch
    {
        Accept => "Accept",
        Decline => "Decline",
        Start => "Start",
        Readings => "Readings",
        Problem => "Problem",
        _ => "Done",
    };
}
