namespace SnowOps.CrewBot.Chats;

/// <summary>What a chat's next message answers, when the bot asked a question.</summary>
public static class Awaiting
{
    /// <summary>Why the crew declines a task.</summary>
    public const string DeclineReason = "decline-reason";

    /// <summary>The readings of a temperature check, one home a message, until the check is done or the wait times out.</summary>
    public const string Readings = "readings";
}
