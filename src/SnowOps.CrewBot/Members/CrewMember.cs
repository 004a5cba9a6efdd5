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
    /// <summary>The task whose decline waits for its reason: the chat's next text.</summary>
    public Guid? DecliningTaskId { get; set; }
}

/// <summary>An update a messenger delivered, kept so that a delivery of the same update again changes nothing.</summary>
public sealed class ProcessedUpdate
{
    public string Messenger { get; set; } = "";
    public long UpdateId { get; set; }
    public DateTimeOffset Received { get; set; }
}
