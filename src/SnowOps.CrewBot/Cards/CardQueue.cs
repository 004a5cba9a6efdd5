using System.Threading.Channels;

namespace SnowOps.CrewBot.Cards;

/// <summary>One chat's row in the outbound queue, by its key.</summary>
public sealed record QueuedCard(string Messenger, string ChatId, Guid TaskId);

/// <summary>
/// Tells the card sender there is work: the queue itself is the sent_cards table, this only saves it from waiting for
/// its next look.
/// </summary>
public sealed class CardQueue
{
    readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>Until <see cref="Wake"/> is called (or was, since the last wait), or <paramref name="atMost"/> has passed.</summary>
    public async Task WaitAsync(TimeSpan atMost, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var woken = _wake.Reader.WaitToReadAsync(done.Token).AsTask();
        var delay = Task.Delay(atMost, clock, done.Token);
        await Task.WhenAny(woken, delay);
        // Ends the other wait, so no waiter is left behind on the channel.
        await done.CancelAsync();
        _wake.Reader.TryRead(out _);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
