using MassTransit;
using SnowOps.Contracts;
using SnowOps.CrewBot.Data;
using SnowOps.CrewBot.Members;
using SnowOps.CrewBot.Photos;

namespace SnowOps.CrewBot.Chats;

/// <summary>
/// After Done, the bot welcomes a photo of the finished work for a while; each photo in that time is attached to the
/// completion. The completion itself has gone to Dispatch already and does not wait for it.
/// </summary>
public sealed class CompletionPhotos(CrewBotDbContext db, IPublishEndpoint publish, PhotoStore photos, FieldOptions options, TimeProvider clock)
{
    public async Task WelcomeAsync(ICrewMessenger messenger, string chatId, CrewMember member, Guid taskId, CancellationToken cancellationToken)
    {
        if (options.CompletionPhotoMinutes == 0)
            return;
        member.Await(Awaiting.CompletionPhoto, taskId);
        member.AwaitingUntil = clock.GetUtcNow().AddMinutes(options.CompletionPhotoMinutes);
        await db.SaveChangesAsync(cancellationToken);
        await messenger.SendAsync(chatId, Texts.Get(member.Language, "PhotoWelcome", options.CompletionPhotoMinutes), [], cancellationToken);
    }

    /// <summary>Whether the member's chat is still within the time for a completion photo.</summary>
    public bool Awaits(CrewMember member) =>
        member is { Awaiting: Awaiting.CompletionPhoto, AwaitingTaskId: not null, AwaitingUntil: { } until } && until > clock.GetUtcNow();

    public async Task<string> AttachAsync(ICrewMessenger messenger, CrewMember member, IReadOnlyList<ChatImage> photo, CancellationToken cancellationToken)
    {
        var taskId = member.AwaitingTaskId!.Value;
        if (await photos.KeepAsync(messenger, photo, taskId, member.CrewId, TaskPhoto.Completion, cancellationToken) is not { } photoId)
            return Texts.Get(member.Language, "PhotoTooLarge", photos.MaxMegabytes);
        await publish.Publish(new TaskPhotoAttached(taskId, member.CrewId, photoId, TaskPhoto.Completion, clock.GetUtcNow()), cancellationToken);
        return Texts.Get(member.Language, "PhotoAttached");
    }
}
