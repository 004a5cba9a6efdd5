using System.Globalization;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SnowOps.Contracts;
using SnowOps.CrewBot.Cards;
using SnowOps.CrewBot.Data;
using SnowOps.CrewBot.Members;
using SnowOps.ServiceDefaults.Data;

namespace SnowOps.CrewBot.Chats;

/// <summary>
/// A temperature check in the chat: the bot explains the measuring method, takes one home's readings a message, averages
/// them by the method and publishes <see cref="IndoorTemperatureRecorded"/>; it waits for the next home until the check
/// is finished or nothing comes for <see cref="ReadingDialogOptions.WaitFor"/>. The inspector on record is the crew, as
/// for readings sent over Heating's API with a crew's token.
/// </summary>
public sealed class TemperatureReadings(
    CrewBotDbContext db, IPublishEndpoint publish, TimeProvider clock, IOptionsMonitor<MeasuringMethod> method, IOptionsMonitor<ReadingDialogOptions> dialog)
{
    const int LabelLength = 64;
    const int CompoundLength = 128;

    /// <summary>The Readings button of a card the member's crew holds and has not finished.</summary>
    public async Task OnPressAsync(ICrewMessenger messenger, string chatId, string pressId, CrewMember member, TaskCard card, CancellationToken cancellationToken)
    {
        if (card.Kind != TaskKind.TemperatureCheck)
        {
            await messenger.AnswerPressAsync(pressId, Texts.Get(member.Language, "ReadingsNotACheck"), cancellationToken);
            return;
        }
        await BeginAsync(member, card, cancellationToken);
        await messenger.AnswerPressAsync(pressId, Texts.Get(member.Language, "ReadingsAskShort"), cancellationToken);
        await messenger.AskAsync(chatId, Explain(member.Language, card), cancellationToken);
    }

    /// <summary>/reading: the crew's one open check starts at once; with several, the card's button says which.</summary>
    public async Task OnCommandAsync(ICrewMessenger messenger, string chatId, CrewMember member, CancellationToken cancellationToken)
    {
        var open = await db.Cards.AsNoTracking()
            .Where(c => c.CrewId == member.CrewId && c.Kind == TaskKind.TemperatureCheck
                && c.State != TaskState.Completed && c.State != TaskState.Cancelled && c.State != TaskState.Declined)
            .OrderBy(c => c.Received).ToListAsync(cancellationToken);
        if (open.Count == 1)
        {
            await BeginAsync(member, open[0], cancellationToken);
            await messenger.AskAsync(chatId, Explain(member.Language, open[0]), cancellationToken);
            return;
        }
        var text = open.Count == 0
            ? Texts.Get(member.Language, "ReadingsNoChecks")
            : Texts.Get(member.Language, "ReadingsWhich", open.Count) + "\n" + string.Join('\n',
                open.Select(c => $"• {c.Title}{(c.SubjectId is null ? "" : " – " + Texts.Get(member.Language, "CardCompound", c.SubjectId))}"));
        await messenger.SendAsync(chatId, text, [], cancellationToken);
    }

    /// <summary>Why the chat no longer waits for readings (nothing came for too long), or null while it does.</summary>
    public string? Expired(CrewMember member)
    {
        var wait = dialog.CurrentValue.WaitFor;
        return member.AwaitingSince is { } since && clock.GetUtcNow() - since > wait
            ? Texts.Get(member.Language, "ReadingsExpired", wait.TotalHours)
            : null;
    }

    /// <summary>
    /// One home's readings for <paramref name="card"/>, a check the member's crew still holds. Readings the method cannot
    /// take are refused with the reason and the chat keeps waiting; good ones are published once per message: the
    /// reading's id follows from the messenger, the chat and the message, so the same message delivered again is the same
    /// measurement.
    /// </summary>
    public async Task OnTextAsync(
        ICrewMessenger messenger, string chatId, string? messageId, CrewMember member, TaskCard card, string text, CancellationToken cancellationToken)
    {
        var language = member.Language;
        var rule = method.CurrentValue;
        var message = ReadingsMessage.Parse(text);
        var (compound, home) = Subject(card, message.Label);
        var refusal = Refusal(language, rule, message, compound, home);
        if (refusal is not null)
        {
            await messenger.AskAsync(chatId, refusal, cancellationToken);
            return;
        }
        var readings = message.Readings;
        var average = MeasuringMethod.Average(readings);
        var now = clock.GetUtcNow();
        var readingId = messageId is null ? NewId.NextGuid() : StableId.From("reading", messenger.Name, chatId, messageId);
        await publish.Publish(new IndoorTemperatureRecorded(readingId, card.TaskId, compound!, readings, average, member.CrewId, now, home),
            cancellationToken);
        member.AwaitingSince = now;
        await db.SaveChangesAsync(cancellationToken);
        await messenger.AskAsync(chatId, Recorded(language, rule, compound!, home, readings, average), cancellationToken);
    }

    async Task BeginAsync(CrewMember member, TaskCard card, CancellationToken cancellationToken)
    {
        member.Await(Awaiting.Readings, card.TaskId);
        member.AwaitingSince = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The card's compound and the label as the home; a card without a compound takes it as the label's first word.</summary>
    static (string? Compound, string? Home) Subject(TaskCard card, string? label)
    {
        if (card.SubjectId is not null)
            return (card.SubjectId, label);
        if (label is null)
            return (null, null);
        var space = label.IndexOfAny([' ', '\t', '\u3000']);
        return space < 0 ? (label, null) : (label[..space], label[(space + 1)..].Trim());
    }

    static string? Refusal(string language, MeasuringMethod rule, ReadingsMessage message, string? compound, string? home)
    {
        if (message.NotNumbers.Count > 0)
            return Texts.Get(language, "ReadingsNotNumbers", string.Join(" ", message.NotNumbers.Select(t => $"\"{t}\"")));
        var count = message.Readings.Count;
        if (count < rule.MinimumReadings)
            return Texts.Get(language, "ReadingsTooFew", count, rule.MinimumReadings, rule.MinutesApart);
        if (count > rule.MaximumReadings)
            return Texts.Get(language, "ReadingsTooMany", count, rule.MaximumReadings);
        var implausible = message.Readings.Where(r => !rule.IsPlausible(r)).ToList();
        if (implausible.Count > 0)
            return Texts.Get(language, "ReadingsImplausible", Join(implausible), Number(rule.LowestPlausibleCelsius), Number(rule.HighestPlausibleCelsius));
        if (compound is null or { Length: > CompoundLength })
            return Texts.Get(language, "ReadingsNeedCompound");
        return home is { Length: > LabelLength } ? Texts.Get(language, "ReadingsHomeTooLong", LabelLength) : null;
    }

    string Explain(string language, TaskCard card)
    {
        var rule = method.CurrentValue;
        return Texts.Get(language, "ReadingsMethod", card.Title, card.SubjectId ?? Texts.Get(language, "ReadingsNoCompound"),
            rule.StableWithinCelsius, rule.MinimumReadings, rule.MinutesApart);
    }

    string Recorded(string language, MeasuringMethod rule, string compound, string? home, IReadOnlyList<double> readings, double average)
    {
        var where = home is null ? compound : $"{home}, {compound}";
        var kept = Join(MeasuringMethod.Kept(readings));
        var result = MeasuringMethod.Dropped(readings) is var (lowest, highest)
            ? Texts.Get(language, "ReadingsRecorded", where, average, kept, Number(lowest), Number(highest))
            : Texts.Get(language, "ReadingsRecordedAll", where, average, kept);
        var standard = Texts.Get(language, rule.MeetsStandard(average) ? "ReadingsMeets" : "ReadingsBelow", Number(rule.StandardCelsius));
        return result + " " + standard + "\n" + Texts.Get(language, "ReadingsNext", dialog.CurrentValue.WaitFor.TotalHours);
    }

    static string Join(IEnumerable<double> readings) => string.Join(", ", readings.Select(Number));

    static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
