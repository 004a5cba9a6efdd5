using MassTransit;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.CrewBot.Cards;
using SnowOps.CrewBot.Data;
using SnowOps.CrewBot.Progress;
using SnowOps.ServiceDefaults.Data;

namespace SnowOps.CrewBot.Chats;

/// <summary>
/// Turns a chat's shared location into progress on the crew's route task under way: segments whose both ends the crew
/// has come near count as passed. Dispatch hears of each newly passed segment at once, and of the position alone at
/// most every <see cref="FieldOptions.PositionEverySeconds"/>.
/// </summary>
public sealed class LocationProgress(CrewBotDbContext db, IPublishEndpoint publish, FieldOptions options, TimeProvider clock)
{
    public async Task OnLocationAsync(ICrewMessenger messenger, string chatId, SharedLocation location, string? languageHint, CancellationToken cancellationToken)
    {
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Messenger == messenger.Name && m.ChatId == chatId, cancellationToken);
        if (member is null)
        {
            if (!location.IsMove)
                await messenger.SendAsync(chatId, Texts.Get(Texts.LanguageOf(languageHint), "NotEnrolled"), [], cancellationToken);
            return;
        }
        if (await RouteUnderWayAsync(member.CrewId, cancellationToken) is not var (card, route))
        {
            if (!location.IsMove)
                await messenger.SendAsync(chatId, Texts.Get(member.Language, "NoRouteUnderWay"), [], cancellationToken);
            return;
        }
        var progress = await db.RouteProgress.FirstOrDefaultAsync(p => p.TaskId == card.TaskId, cancellationToken);
        if (progress is null)
        {
            progress = new RouteProgress { TaskId = card.TaskId };
            db.RouteProgress.Add(progress);
        }
        // A fix less certain than the tolerance could put the crew at an end it never came near: it moves the position only.
        if (location.AccuracyMeters is not { } accuracy || accuracy <= options.ToleranceMeters)
            progress.Mark(route.Count, route.EndsNear(location.Latitude, location.Longitude, options.ToleranceMeters));
        progress.Seen(location.Latitude, location.Longitude, location.At);
        var now = clock.GetUtcNow();
        if (progress.SegmentsDone != progress.SegmentsReported || progress.Reported is not { } last || now - last >= TimeSpan.FromSeconds(options.PositionEverySeconds))
        {
            await publish.Publish(new TaskProgressReported(card.TaskId, member.CrewId, progress.Latitude, progress.Longitude,
                progress.PercentDone(route), now, progress.SegmentsDone), cancellationToken);
            (progress.Reported, progress.SegmentsReported) = (now, progress.SegmentsDone);
        }
        // Two updates of the same route at once: the second save fails on the changed marks, and the update is taken again.
        await db.SaveChangesAsync(cancellationToken);
        if (!location.IsMove)
            await messenger.SendAsync(chatId, Texts.Get(member.Language, "LocationTaken", card.Title, progress.SegmentsDone, route.Count), [], cancellationToken);
    }

    /// <summary>The crew's started route task, else its accepted one; the latest changed first.</summary>
    async Task<(TaskCard Card, RouteLine Route)?> RouteUnderWayAsync(string crewId, CancellationToken cancellationToken)
    {
        var cards = await db.Cards.AsNoTracking()
            .Where(c => c.CrewId == crewId && (c.State == TaskState.Started || c.State == TaskState.Accepted) && c.GeometryWkt != null)
            .ToListAsync(cancellationToken);
        foreach (var card in cards.OrderBy(c => c.State == TaskState.Started ? 0 : 1).ThenByDescending(c => c.Changed))
            if (RouteLine.Read(card.GeometryWkt) is { } route)
                return (card, route);
        return null;
    }
}
