using SnowOps.Contracts;

namespace SnowOps.CrewBot.Cards;

/// <summary>
/// A card in one chat: which sending of the assignment it was sent, what the chat shows, and (while <see cref="Queued"/>
/// is set) what is still to be sent or edited there. The row is the chat's place in the outbound queue; the card's text
/// is made when it goes out, from the card as it is then.
/// </summary>
public sealed class SentCard
{
    public string Messenger { get; set; } = "";
    public string ChatId { get; set; } = "";
    public Guid TaskId { get; set; }
    /// <summary>The message that shows the card; empty until one was sent.</summary>
    public string MessageId { get; set; } = "";
    /// <summary>
    /// The highest <see cref="TaskAssigned.Sent"/> this chat has been sent. Recorded when the sender claims the row, before
    /// it calls the messenger, so that the same sending never goes out twice.
    /// </summary>
    public int Sent { get; set; }
    public TaskState ShownState { get; set; }
    public string? ShownCrewId { get; set; }
    /// <summary>The chat is to get the card as a new message, recorded as sending <see cref="Wanted"/>.</summary>
    public bool Anew { get; set; }
    /// <summary>The highest sending asked for.</summary>
    public int Wanted { get; set; }
    /// <summary>Since when (or, after a failure, from when) the row waits for the sender; null when the chat is up to date.</summary>
    public DateTimeOffset? Queued { get; set; }
    /// <summary>When the sender took the row; set while its message is on the way.</summary>
    public DateTimeOffset? Claimed { get; set; }
    /// <summary>Counts every change to the row, so the sender claims it only as it last read it.</summary>
    public int Version { get; set; }
}
