namespace SnowOps.CrewBot.Photos;

/// <summary>A photo a crew sent for a task, kept in CrewBot's database and served to dispatchers.</summary>
public sealed class TaskPhoto
{
    /// <summary>Shows the finished work, sent after Done.</summary>
    public const string Completion = "completion";

    /// <summary>Shows what is wrong, sent as (or with) a problem report.</summary>
    public const string Problem = "problem";

    public Guid PhotoId { get; set; }
    public Guid TaskId { get; set; }
    public string CrewId { get; set; } = "";
    /// <summary><see cref="Completion"/> or <see cref="Problem"/>.</summary>
    public string Purpose { get; set; } = "";
    public string ContentType { get; set; } = "";
    public int Size { get; set; }
    public byte[] Bytes { get; set; } = [];
    /// <summary>The messenger and its unique id of the file ("telegram:AQAD…"), so the same file sent again is kept once.</summary>
    public string? Source { get; set; }
    public DateTimeOffset Received { get; set; }
}
