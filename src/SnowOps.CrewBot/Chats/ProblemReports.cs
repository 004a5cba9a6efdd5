using MassTransit;
using SnowOps.Contracts;
using SnowOps.CrewBot.Cards;
using SnowOps.CrewBot.Data;
using SnowOps.CrewBot.Members;
using SnowOps.CrewBot.Photos;

namespace SnowOps.CrewBot.Chats;

/// <summary>The Problem button: the bot asks what is wrong, and the answer (text, or a photo with a caption) goes to Dispatch.</summary>
public sealed class ProblemReports(CrewBotDbContext db, IPublishEndpoint publish, PhotoStore photos, TimeProvider clock)
{
    public async Task AskAsync(ICrewMessenger messenger, string chatId, string pressId, CrewMember member, TaskCard card, CancellationToken cancellationToken)
    {
        member.Await(Awaiting.ProblemReport, card.TaskId);
        await db.SaveChangesAsync(cancellationToken);
        await messenger.AnswerPressAsync(pressId, Texts.Get(member.Language, "AskProblemShort"), cancellationToken);
        await messenger.AskAsync(chatId, Texts.Get(member.Language, "AskProblem", card.Title), cancellationToken);
    }

    /// <summary>Reports the answer; a photo over the size limit is refused and the question stays open.</summary>
    public async Task<string> ReportAsync(ICrewMessenger messenger, CrewMember member, TaskCard card, string text, IReadOnlyList<ChatImage>? photo,
        CancellationToken cancellationToken)
    {
        Guid? photoId = null;
        if (photo is not null && (photoId = await photos.KeepAsync(messenger, photo, card.TaskId, member.CrewId, TaskPhoto.Problem, cancellationToken)) is null)
            return Texts.Get(member.Language, "PhotoTooLarge", photos.MaxMegabytes);
        member.Await(null, null);
        await db.SaveChangesAsync(cancellationToken);
        await publish.Publish(new TaskProblemReported(card.TaskId, member.CrewId, text.Trim(), clock.GetUtcNow(), photoId), cancellationToken);
        return Texts.Get(member.Language, photoId is null ? "ProblemSent" : "ProblemSentWithPhoto", card.Title);
    }
}
