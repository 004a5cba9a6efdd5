using Microsoft.EntityFrameworkCore;
using SnowOps.CrewBot.Chats;
using SnowOps.CrewBot.Data;

namespace SnowOps.CrewBot.Photos;

/// <summary>Fetches a photo a chat sent from its messenger and keeps it, within the size limit.</summary>
public sealed class PhotoStore(CrewBotDbContext db, FieldOptions options, TimeProvider clock)
{
    /// <summary>The size limit, for telling a crew.</summary>
    public double MaxMegabytes => options.PhotoMaxBytes / (1024.0 * 1024.0);

    /// <summary>The photo's id; null when even its smallest size is over the limit.</summary>
    public async Task<Guid?> KeepAsync(
        ICrewMessenger messenger, IReadOnlyList<ChatImage> sizes, Guid taskId, string crewId, string purpose, CancellationToken cancellationToken)
    {
        if (Pick(sizes, options.PhotoMaxBytes) is not { } image)
            return null;
        var source = image.UniqueRef is null ? null : $"{messenger.Name}:{image.UniqueRef}";
        if (source is not null && await db.Photos.AsNoTracking()
                .Where(p => p.Source == source && p.TaskId == taskId && p.Purpose == purpose)
                .Select(p => (Guid?)p.PhotoId).FirstOrDefaultAsync(cancellationToken) is { } kept)
            return kept;
        ChatFile file;
        try
        {
            file = await messenger.DownloadAsync(image.FileRef, options.PhotoMaxBytes, cancellationToken);
        }
        catch (ChatFileTooLargeException)
        {
            return null;
        }
        var photo = new TaskPhoto
        {
            PhotoId = Guid.NewGuid(), TaskId = taskId, CrewId = crewId, Purpose = purpose, ContentType = file.ContentType,
            Size = file.Bytes.Length, Bytes = file.Bytes, Source = source, Received = clock.GetUtcNow(),
        };
        db.Photos.Add(photo);
        await db.SaveChangesAsync(cancellationToken);
        return photo.PhotoId;
    }

    /// <summary>The largest size that is not known to be over the limit: most pixels, then most bytes.</summary>
    public static ChatImage? Pick(IReadOnlyList<ChatImage> sizes, long maxBytes) => sizes
        .Where(s => s.Bytes is null || s.Bytes <= maxBytes)
        .OrderByDescending(s => s.Pixels).ThenByDescending(s => s.Bytes ?? 0)
        .FirstOrDefault();
}
