using MassTransit;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.CrewBot.Cards;
using SnowOps.CrewBot.Data;
using SnowOps.CrewBot.Members;

namespace SnowOps.CrewBot.Chats;

/// <summary>What the bot does with a chat's text, button presses and photos, whatever the messenger.</summary>
public sealed class CrewChat(
    CrewBotDbContext db, CrewEnrolment enrolment, IPublishEndpoint publish, TimeProvider clock,
    TemperatureReadings readings, ProblemReports problems, CompletionPhotos photos)
{
    /// <summary>
    /// A chat's text. <paramref name="messageId"/> is the messenger's id of the message within the chat, where it has one:
    /// what makes readings sent twice one measurement.
    /// </summary>
    public async Task OnTextAsync(
        ICrewMessenger messenger, string chatId, string text, string? languageHint, CancellationToken cancellationToken, string? messageId = null)
    {
        var (command, argument) = Parse(text);
        if (command == "/start")
        {
            await StartAsync(messenger, chatId, argument, Texts.LanguageOf(languageHint), cancellationToken);
            return;
        }
        var member = await MemberAsync(messenger, chatId, cancellationToken);
        if (member is null)
        {
            await SayAsync(messenger, chatId, Texts.Get(Texts.LanguageOf(languageHint), "NotEnrolled"), cancellationToken);
            return;
        }
        if (command is null && member is { Awaiting: Awaiting.Readings, AwaitingTaskId: { } checkId })
        {
            await ReadingsAsync(messenger, chatId, messageId, member, checkId, text, cancellationToken);
            return;
        }
        if (command == "/reading")
        {
            await readings.OnCommandAsync(messenger, chatId, member, cancellationToken);
            return;
        }
        var reply = command switch
        {
            "/help" => Texts.Get(member.Language, "Help"),
            "/tasks" => await TasksAsync(member, cancellationToken),
            "/lang" => await LanguageAsync(member, argument, cancellationToken),
            null when member is { Awaiting: Awaiting.DeclineReason, AwaitingTaskId: { } taskId } => await DeclineAsync(member, taskId, text.Trim(), cancellationToken),
            null when member is { Awaiting: Awaiting.ProblemReport, AwaitingTaskId: { } taskId } => await ProblemAsync(messenger, member, taskId, text, null, cancellationToken),
            _ => Texts.Get(member.Language, "Unknown"),
        };
        await SayAsync(messenger, chatId, reply, cancellationToken);
    }

    public async Task OnPressAsync(
        ICrewMessenger messenger, string chatId, string pressId, string data, string? languageHint, CancellationToken cancellationToken)
    {
        var member = await MemberAsync(messenger, chatId, cancellationToken);
        if (member is null)
        {
            await messenger.AnswerPressAsync(pressId, Texts.Get(Texts.LanguageOf(languageHint), "NotEnrolled"), cancellationToken);
            return;
        }
        if (!CardText.TryParse(data, out var taskId, out var action))
        {
            await messenger.AnswerPressAsync(pressId, Texts.Get(member.Language, "BadButton"), cancellationToken);
            return;
        }
        var (card, stale) = await CheckAsync(member, taskId, cancellationToken);
        if (stale is not null)
        {
            await messenger.AnswerPressAsync(pressId, stale, cancellationToken);
            return;
        }
        if (action == CardText.Problem)
        {
            await problems.AskAsync(messenger, chatId, pressId, member, card!, cancellationToken);
            return;
        }
        if (action == CardText.Decline)
        {
            member.Await(Awaiting.DeclineReason, taskId);
            await db.SaveChangesAsync(cancellationToken);
            await messenger.AnswerPressAsync(pressId, Texts.Get(member.Language, "AskReasonShort"), cancellationToken);
            await messenger.AskAsync(chatId, Texts.Get(member.Language, "AskReason", card!.Title), cancellationToken);
            return;
        }
        if (action == CardText.Readings)
        {
            await readings.OnPressAsync(messenger, chatId, pressId, member, card!, cancellationToken);
            return;
        }
        var now = clock.GetUtcNow();
        var (report, state) = action switch
        {
            CardText.Accept => ((object)new TaskAccepted(taskId, member.CrewId, now), TaskState.Accepted),
            CardText.Start => (new TaskStarted(taskId, member.CrewId, now), TaskState.Started),
            _ => (new TaskCompleted(taskId, member.CrewId, now, null), TaskState.Completed),
        };
        await publish.Publish(report, cancellationToken);
        await messenger.AnswerPressAsync(pressId, Texts.Get(member.Language, "Reported", Texts.Get(member.Language, state.ToString())), cancellationToken);
        if (action == CardText.Done)
            await photos.WelcomeAsync(messenger, chatId, member, taskId, cancellationToken);
    }

    /// <summary>A photo, with its sizes as the messenger offers them: the answer to a problem question, or a completion photo.</summary>
    public async Task OnPhotoAsync(ICrewMessenger messenger, string chatId, IReadOnlyList<ChatImage> sizes, string? caption, string? languageHint,
        CancellationToken cancellationToken)
    {
        var member = await MemberAsync(messenger, chatId, cancellationToken);
        if (member is null)
        {
            await SayAsync(messenger, chatId, Texts.Get(Texts.LanguageOf(languageHint), "NotEnrolled"), cancellationToken);
            return;
        }
        var reply = member switch
        {
            { Awaiting: Awaiting.ProblemReport, AwaitingTaskId: { } taskId } => await ProblemAsync(messenger, member, taskId, caption ?? "", sizes, cancellationToken),
            _ when photos.Awaits(member) => await photos.AttachAsync(messenger, member, sizes, cancellationToken),
            _ => Texts.Get(member.Language, "PhotoNotAwaited"),
        };
        await SayAsync(messenger, chatId, reply, cancellationToken);
    }

    async Task StartAsync(ICrewMessenger messenger, string chatId, string? code, string language, CancellationToken cancellationToken)
    {
        var member = string.IsNullOrEmpty(code) ? null : await enrolment.RedeemAsync(code, messenger.Name, chatId, cancellationToken);
        if (member is null)
        {
            var bound = await MemberAsync(messenger, chatId, cancellationToken);
            var key = string.IsNullOrEmpty(code) ? (bound is null ? "NotEnrolled" : "Help") : "CodeRefused";
            await SayAsync(messenger, chatId, Texts.Get(bound?.Language ?? language, key), cancellationToken);
            return;
        }
        await SayAsync(messenger, chatId, Texts.Get(member.Language, "Welcome", member.Name, member.CrewId), cancellationToken);
    }

    async Task<string> TasksAsync(CrewMember member, CancellationToken cancellationToken)
    {
        var open = await db.Cards.AsNoTracking()
            .Where(c => c.CrewId == member.CrewId && c.State != TaskState.Completed && c.State != TaskState.Cancelled && c.State != TaskState.Declined)
            .ToListAsync(cancellationToken);
        if (open.Count == 0)
            return Texts.Get(member.Language, "NoTasks");
        var lines = open.OrderBy(c => c.Due ?? DateTimeOffset.MaxValue)
            .Select(c => $"• {c.Title} ({Texts.Get(member.Language, c.State.ToString())}{(c.Due is { } due ? ", " + due.ToString("MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "")})");
        return Texts.Get(member.Language, "TasksHeader", member.CrewId) + "\n" + string.Join('\n', lines);
    }

    async Task<string> LanguageAsync(CrewMember member, string? argument, CancellationToken cancellationToken)
    {
        var language = argument?.Trim().ToLowerInvariant();
        if (language is not (Texts.Chinese or Texts.English))
            return Texts.Get(member.Language, "LangUnknown");
        member.Language = language;
        await db.SaveChangesAsync(cancellationToken);
        return Texts.Get(language, "LangSet");
    }

    async Task<string> DeclineAsync(CrewMember member, Guid taskId, string reason, CancellationToken cancellationToken)
    {
        member.Await(null, null);
        await db.SaveChangesAsync(cancellationToken);
        var (card, stale) = await CheckAsync(member, taskId, cancellationToken);
        if (stale is not null)
            return stale;
        await publish.Publish(new TaskDeclined(taskId, member.CrewId, reason, clock.GetUtcNow()), cancellationToken);
        return Texts.Get(member.Language, "DeclinedWhy", card!.Title, reason);
    }

    /// <summary>A home's readings while the chat waits for them; a finished or handed-over check, or a long silence, ends the wait.</summary>
    async Task ReadingsAsync(
        ICrewMessenger messenger, string chatId, string? messageId, CrewMember member, Guid taskId, string text, CancellationToken cancellationToken)
    {
        var (card, stale) = await CheckAsync(member, taskId, cancellationToken);
        if ((stale ?? readings.Expired(member)) is { } over)
        {
            member.Await(null, null);
            await db.SaveChangesAsync(cancellationToken);
            await SayAsync(messenger, chatId, over, cancellationToken);
            return;
        }
        await readings.OnTextAsync(messenger, chatId, messageId, member, card!, text, cancellationToken);
    }

    async Task<string> ProblemAsync(
        ICrewMessenger messenger, CrewMember member, Guid taskId, string text, IReadOnlyList<ChatImage>? photo, CancellationToken cancellationToken)
    {
        var (card, stale) = await CheckAsync(member, taskId, cancellationToken);
        if (stale is null)
            return await problems.ReportAsync(messenger, member, card!, text, photo, cancellationToken);
        member.Await(null, null);
        await db.SaveChangesAsync(cancellationToken);
        return stale;
    }

    /// <summary>The card, or why the member can no longer answer it.</summary>
    async Task<(TaskCard? Card, string? Stale)> CheckAsync(CrewMember member, Guid taskId, CancellationToken cancellationToken)
    {
        var card = await db.Cards.AsNoTracking().FirstOrDefaultAsync(c => c.TaskId == taskId, cancellationToken);
        if (card is null)
            return (null, Texts.Get(member.Language, "StaleUnknown"));
        if (card.CrewId != member.CrewId)
            return (card, Texts.Get(member.Language, "StaleOtherCrew"));
        if (CardText.IsFinished(card.State))
            return (card, Texts.Get(member.Language, "StaleFinished", Texts.Get(member.Language, card.State.ToString())));
        return (card, null);
    }

    Task<CrewMember?> MemberAsync(ICrewMessenger messenger, string chatId, CancellationToken cancellationToken) =>
        db.Members.FirstOrDefaultAsync(m => m.Messenger == messenger.Name && m.ChatId == chatId, cancellationToken);

    static Task SayAsync(ICrewMessenger messenger, string chatId, string text, CancellationToken cancellationToken) =>
        messenger.SendAsync(chatId, text, [], cancellationToken);

    /// <summary>"/start@bot CODE" → ("/start", "CODE"); plain text → (null, null).</summary>
    static (string? Command, string? Argument) Parse(string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith('/'))
            return (null, null);
        var space = trimmed.IndexOfAny([' ', '\n']);
        var head = space < 0 ? trimmed : trimmed[..space];
        var at = head.IndexOf('@', StringComparison.Ordinal);
        var command = (at < 0 ? head : head[..at]).ToLowerInvariant();
        return (command, space < 0 ? null : trimmed[(space + 1)..].Trim());
    }
}
