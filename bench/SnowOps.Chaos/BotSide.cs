using System.Diagnostics;
using MassTransit;
using SnowOps.Contracts;

namespace SnowOps.Chaos;

/// <summary>
/// The bot side: publishes the TaskCompleted a crew's Done press makes CrewBot publish, one per task, at a steady rate,
/// each on RabbitMQ with the broker's confirm. A publish that fails or is not confirmed (the broker is away) is tried
/// again, the same message with the same id, until the broker confirms it: the bot side drops nothing.
/// </summary>
public sealed class BotSide(IBus bus)
{
    /// <summary>How many publishes wait for their confirm at once, as a bot's many chats would.</summary>
    const int InFlight = 64;
    static readonly TimeSpan ConfirmWithin = TimeSpan.FromSeconds(10);

    public sealed record Outcome(int Confirmed, int Retries, DateTimeOffset LastConfirmed);

    /// <summary>
    /// Streams a completion for every task at <paramref name="rate"/> a second; once <paramref name="faultAfter"/> have been
    /// handed to the broker, <paramref name="fault"/> starts beside the stream, which goes on through it.
    /// </summary>
    public async Task<Outcome> StreamAsync(IReadOnlyList<SeededTask> tasks, int rate, int faultAfter, Func<Task> fault)
    {
        var confirmed = 0;
        var retries = 0;
        long lastConfirmed = 0;
        using var slots = new SemaphoreSlim(InFlight);
        var sends = new List<Task>(tasks.Count);
        var faulting = Task.CompletedTask;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < tasks.Count; i++)
        {
            if (i == faultAfter)
                faulting = Task.Run(fault);
            var wait = TimeSpan.FromSeconds((double)i / rate) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait);
            await slots.WaitAsync();
            var task = tasks[i];
            sends.Add(Task.Run(async () =>
            {
                try
                {
                    var tries = await SendAsync(task);
                    Interlocked.Add(ref retries, tries - 1);
                    Interlocked.Increment(ref confirmed);
                    Interlocked.Exchange(ref lastConfirmed, DateTimeOffset.UtcNow.UtcTicks);
                }
                finally
                {
                    slots.Release();
                }
            }));
        }
        await Task.WhenAll(sends);
        await faulting;
        return new Outcome(confirmed, retries, new DateTimeOffset(Interlocked.Read(ref lastConfirmed), TimeSpan.Zero));
    }

    /// <summary>Publishes until confirmed; returns how many tries it took.</summary>
    async Task<int> SendAsync(SeededTask task)
    {
        // Made once: a retry is the same message (same id, same completion time), as a bot's redelivery would be.
        var message = new TaskCompleted(task.Id, task.CrewId, DateTimeOffset.UtcNow, "chaos");
        var messageId = NewId.NextGuid();
        for (var tries = 1; ; tries++)
        {
            using var timeout = new CancellationTokenSource(ConfirmWithin);
            try
            {
                await bus.Publish(message, context => context.MessageId = messageId, timeout.Token);
                return tries;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                await Task.Delay(250);
            }
        }
    }
}
