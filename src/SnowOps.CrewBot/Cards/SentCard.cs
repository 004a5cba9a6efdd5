using SnowOps.Contracts;

namespace SnowOps.CrewBot.Cards;

/// <summary>A card as it was sent to one chat: which sending of the assignment, and what the chat shows now.</summary>
public sealed class SentCard
{
    public string Messenger { get; set; } = "";
    public string ChatId { get; set; } = "";
    public Guid TaskId { get; set; }
    public string MessageId { get; set; } = "";
    /// <summary>The highest <see cref="TaskAssigned.Sent"/> this chat has been sent.</summary>
    public int Sent { get; set; }
    public TaskState ShownState { get; set; }
    public string? ShownCrewId { get; set; }
}
