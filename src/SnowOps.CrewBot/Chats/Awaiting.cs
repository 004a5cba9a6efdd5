namespace SnowOps.CrewBot.Chats;

/// <summary>What a chat's next message answers, when the bot asked a question.</summary>
public static class Awaiting
{
    /// <summary>Why the crew declines a task.</summary>
    public const string DeclineReason = "decline-reason";

    /// <summary>The readings of a temperature check, one home a message, until the check is done or the wait times out.</summary>
    public const string Readings = "readings";

    /// <summary>What is wrong with a task: text, or a photo with a caption.</summary>
    public const string ProblemReport = "problem-report";

    /// <summary>A photo of the finished work, for a while after Done (until <see cref="Members.CrewMember.AwaitingUntil"/>).</summary>
    public const string CompletionPhoto = "completion-photo";
}
