using Microsoft.Extensions.Logging;
using SnowOps.Demo.Telegram;
using SnowOps.ServiceDefaults.Auth;

namespace SnowOps.Demo.Crews;

/// <summary>
/// One crew member with a phone: reads the cards the bot sent to its chat and presses their buttons in turn (accept,
/// start, and done once the work is over), one task at a time. Plows and spreaders drive their routes; the rest of
/// the work (a notice along a street, a pile of snow) simply takes a while. A press that the card does not answer within a while is
/// made again; the bot takes the same answer once.
/// </summary>
public sealed class SimulatedCrew(DemoMember member, DemoBotApi telegram, HostApi host, CrewWork work, DemoOptions options, ILogger logger)
{
    static readonly TimeSpan PressAgainAfter = TimeSpan.FromSeconds(20);

    readonly Dictionary<string, DateTimeOffset> _pressed = [];
    readonly HashSet<Guid> _worked = [];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (!await AnswerNextCardAsync(cancellationToken))
                    await Task.Delay(500, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // A crew member whose phone failed once tries again; the demo's other crews carry on meanwhile.
                logger.LogWarning("{Member} of {Crew}: {Problem}; trying again.", member.Name, member.CrewId, e.Message);
                await Task.Delay(2000, cancellationToken);
            }
        }
    }

    /// <summary>Takes the oldest card with something to do; false when there is none.</summary>
    async Task<bool> AnswerNextCardAsync(CancellationToken cancellationToken)
    {
        foreach (var card in telegram.MessagesTo(member.ChatId).Where(m => m.Buttons.Count > 0))
        {
            var taskId = Guid.ParseExact(card.Buttons[0][..32], "N");
            var action = NextAction(card, taskId);
            if (action is null)
                continue;
            await Task.Delay(TimeSpan.FromSeconds(options.PressSeconds), cancellationToken);
            if (action == 'c' && _worked.Add(taskId))
                await DoTheWorkAsync(taskId, card, cancellationToken);
            await PressAsync(card, taskId, action.Value, cancellationToken);
            return true;
        }
        return false;
    }

    /// <summary>Accept, then start, then done: the first of them the card offers that was not pressed lately.</summary>
    char? NextAction(BotMessage card, Guid taskId)
    {
        var action = "asc".FirstOrDefault(a => card.Buttons.Contains($"{taskId:N}:{a}"));
        if (action == default)
            return null;
        return _pressed.TryGetValue($"{taskId:N}:{action}", out var at) && DateTimeOffset.UtcNow - at < PressAgainAfter ? null : action;
    }

    async Task PressAsync(BotMessage card, Guid taskId, char action, CancellationToken cancellationToken)
    {
        var data = $"{taskId:N}:{action}";
        var status = await host.PostUpdateAsync(Updates.Press(member, card, data), cancellationToken);
        _pressed[data] = DateTimeOffset.UtcNow;
        if (status != 200)
            logger.LogWarning("{Member} pressed {Action} on task {Task}: the webhook answered {Status}.", member.Name, action, taskId, status);
    }

    async Task DoTheWorkAsync(Guid taskId, BotMessage card, CancellationToken cancellationToken)
    {
        var task = await host.GetAsync($"/api/tasks/{taskId}", Roles.Dispatcher, cancellationToken);
        var kind = task.GetProperty("kind").GetString();
        var title = task.GetProperty("title").GetString();
        logger.LogInformation("{Member} ({Crew}) works on {Kind} task {Task}: {Title}", member.Name, member.CrewId, kind, taskId, title);
        if (kind == "TemperatureCheck")
            await work.MeasureAsync(member, card, taskId, task.GetProperty("subjectId").GetString(), cancellationToken);
        else if (kind is "PlowRoute" or "DeIcing" && task.GetProperty("geometryWkt").GetString() is { } wkt && wkt.Contains("LINESTRING", StringComparison.Ordinal))
            await work.DriveAsync(member, wkt, cancellationToken);
        else
            await Task.Delay(TimeSpan.FromSeconds(options.WorkSeconds), cancellationToken);
        if (kind == "HeatingRepair" && task.GetProperty("subjectId").GetString() is { } compound)
            work.Repaired(compound);
    }
}
