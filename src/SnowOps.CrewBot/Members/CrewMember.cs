namespace SnowOps.CrewBot.Members;

/// <summary>A person of a crew, enrolled with a one-time code and, once it is redeemed, bound to one messenger chat.</summary>
public sealed class CrewMember
{
    public Guid MemberId { get; set; }
    public string CrewId { get; set; } = "";
    public string Name { get; set; } = "";
    public string Language { get; set; } = "en";
    /// <summary>SHA-256 of the code, hex; the code itself is shown once and never stored.</summary>
    public string CodeHash { get; set; } = "";
    public DateTimeOffset CodeExpires { get; set; }
    public bool CodeUsed { get; set; }
    public DateTimeOffset Created { get; set; }
    public string? Messenger { get; set; }
    public string? ChatId { get; set; }
    public DateTimeOffset? Bound { get; set; }
    /// <summary>What the chat's next message answers (one of <see cref="Chats.Awaiting"/>), or null for none.</summary>
    public string? Awaiting { get; set; }
    /// <summary>The task the awaited answer is about.</summary>
    public Guid? AwaitingTaskId { get; set; }
    /// <summary>When the awaited dialog last moved on, for dialogs that end after a while without an answer (readings).</summary>
    public DateTimeOffset? AwaitingSince { get; set; }
    /// <summary>Until when the awaited answer is taken, for waits that end by themselves (a completion photo).</summary>
    public DateTimeOffset? AwaitingUntil { get; set; }

    /// <summary>Waits for the chat's next message as the answer to <paramref name="awaiting"/>; nulls wait for nothing.</summary>
    public void Await(string? awaiting, Guid? taskId)
    {
        Awaiting = awaiting;
        AwaitingTaskId = awaiting is null ? null : taskId;
        AwaitingSince = null;
        AwaitingUntil = null;
    }
}

/// <summary>An update a messenger delivered, kept so that a delivery of the same update again changes nothing.</summary>
public sealed class ProcessedUpdate
{
    public string Messenger { get; set; } = "";
    public long UpdateId { get; set; }
    public DateTimeOffset Received { get; set; }
}
