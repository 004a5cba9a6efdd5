namespace SnowOps.CrewBot.Chats;

/// <summary>A file fetched from a messenger: its bytes and what they are (e.g. "image/jpeg").</summary>
public sealed record ChatFile(byte[] Bytes, string ContentType);

/// <summary>One size of a picture a chat sent: the messenger's reference to fetch it, and what the messenger says of its size.</summary>
/// <param name="FileRef">What <see cref="ICrewMessenger.DownloadAsync"/> takes.</param>
/// <param name="UniqueRef">The same for every delivery of the same file, where the messenger has one (Telegram's file_unique_id).</param>
/// <param name="Bytes">The file's size, when told.</param>
/// <param name="Pixels">Width times height, when told; 0 otherwise.</param>
public sealed record ChatImage(string FileRef, string? UniqueRef, long? Bytes, long Pixels);

/// <summary>A file is larger than the bot takes.</summary>
public sealed class ChatFileTooLargeException(long maxBytes)
    : Exception($"The file is larger than {maxBytes} bytes.")
{
    public long MaxBytes { get; } = maxBytes;
}
