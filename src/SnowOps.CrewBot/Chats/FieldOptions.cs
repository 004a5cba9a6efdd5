namespace SnowOps.CrewBot.Chats;

/// <summary>The settings under <c>SnowOps:CrewBot:Field</c>: photos and live-location progress from the crews.</summary>
public sealed class FieldOptions
{
    public const string Section = "SnowOps:CrewBot:Field";

    /// <summary>The largest photo the bot keeps; a larger one is refused with a message to the chat.</summary>
    public long PhotoMaxBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>How long after Done the bot takes a photo as the photo of the finished work.</summary>
    public int CompletionPhotoMinutes { get; init; } = 30;

    /// <summary>How close (meters) a position must come to a segment's end to count as having been there.</summary>
    public double ToleranceMeters { get; init; } = 30;

    /// <summary>While no new segment is passed, the position goes to Dispatch at most this often.</summary>
    public int PositionEverySeconds { get; init; } = 60;

    public void Validate()
    {
        if (PhotoMaxBytes is < 1024 or > 20 * 1024 * 1024)
            throw new InvalidOperationException($"{Section}:PhotoMaxBytes is 1 KiB to 20 MiB (the Bot API serves files up to 20 MB).");
        if (CompletionPhotoMinutes is < 0 or > 24 * 60)
            throw new InvalidOperationException($"{Section}:CompletionPhotoMinutes is 0 to 1440.");
        if (ToleranceMeters is < 5 or > 500)
            throw new InvalidOperationException($"{Section}:ToleranceMeters is 5 to 500.");
        if (PositionEverySeconds is < 0 or > 3600)
            throw new InvalidOperationException($"{Section}:PositionEverySeconds is 0 to 3600.");
    }
}
