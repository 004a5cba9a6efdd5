using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SnowOps.CrewBot.Chats;
using SnowOps.CrewBot.Data;
using SnowOps.CrewBot.Members;
using SnowOps.ServiceDefaults.Messaging.Outbox;

namespace SnowOps.CrewBot.WeCom;

/// <summary>
/// Takes each verified WeCom callback once and hands its text or button click to the crew chat. WeCom retries a
/// callback it got no timely answer for: a message is known again by its MsgId, a click by who clicked which button of
/// which card when; both are recorded in <c>processed_updates</c> as messenger "wecom".
/// </summary>
public sealed class WeComCallbacks(
    CrewBotDbContext db, CrewChat chat, LocationProgress locations, WeComMessenger messenger, WeComOptions options, TimeProvider clock,
    TransactionalOutbox outbox)
    : IWeComCallbackSink
{
    /// <summary>WeCom retries within seconds; a week of ids is plenty to recognise one.</summary>
    public static readonly TimeSpan KeepUpdatesFor = TimeSpan.FromDays(7);

    // The ids are spread evenly, so this prunes about every 500 callbacks.
    const long PruneEvery = 500;

    /// <summary>One unit of work: the claim, what the callback changes and what it reports commit together.</summary>
    public async Task HandleAsync(WeComCallback callback, CancellationToken cancellationToken)
    {
        if (IdOf(callback) is not { } id)
            return;
        await outbox.RunAsync(db, async () =>
        {
            if (!await ClaimAsync(id, cancellationToken))
                return;
            try
            {
                await DispatchAsync(callback, cancellationToken);
            }
            catch (ChatUnreachableException)
            {
                // Taken all the same: the answer cannot reach the user, however often the callback comes.
            }
        }, cancellationToken);
    }

    Task DispatchAsync(WeComCallback callback, CancellationToken cancellationToken) => callback switch
    {
        WeComTextMessage text => chat.OnTextAsync(messenger, text.FromUser, text.Content, options.Language, cancellationToken, text.MsgId),
        WeComButtonPressed press => PressAsync(press, cancellationToken),
        // WeCom gives one size of a picture, and its size only with the download.
        WeComImageMessage image => chat.OnPhotoAsync(messenger, image.FromUser, [new ChatImage(image.MediaId, image.MediaId, null, 0)], null, options.Language,
            cancellationToken),
        WeComLocation at => locations.OnLocationAsync(messenger, at.FromUser,
            new SharedLocation(at.Latitude, at.Longitude, at.CreatedAt, at.PrecisionMeters, at.IsReport), options.Language, cancellationToken),
        _ => Task.CompletedTask,
    };

    async Task PressAsync(WeComButtonPressed press, CancellationToken cancellationToken)
    {
        await messenger.ClickedAsync(press.FromUser, press.CardTaskId, press.ResponseCode, cancellationToken);
        await chat.OnPressAsync(messenger, press.FromUser, press.FromUser, press.EventKey, options.Language, cancellationToken);
    }

    async Task<bool> ClaimAsync(long id, CancellationToken cancellationToken)
    {
        if (await db.ProcessedUpdates.AnyAsync(u => u.Messenger == messenger.Name && u.UpdateId == id, cancellationToken))
            return false;
        var claim = new ProcessedUpdate { Messenger = messenger.Name, UpdateId = id, Received = clock.GetUtcNow() };
        db.ProcessedUpdates.Add(claim);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            if (id % PruneEvery == 0)
            {
                var before = claim.Received - KeepUpdatesFor;
                await db.ProcessedUpdates.Where(u => u.Messenger == messenger.Name && u.Received < before).ExecuteDeleteAsync(cancellationToken);
            }
            return true;
        }
        catch (DbUpdateException)
        {
            // The same callback, taken at the same moment by another request.
            db.Entry(claim).State = EntityState.Detached;
            return false;
        }
    }

    /// <summary>A message's MsgId (a 64-bit number); otherwise a hash of what makes the callback itself. Null: not recorded.</summary>
    static long? IdOf(WeComCallback callback) => callback switch
    {
        WeComTextMessage { MsgId: { } msgId } when ulong.TryParse(msgId, NumberStyles.None, CultureInfo.InvariantCulture, out var n) =>
            unchecked((long)n),
        WeComTextMessage text => Hash("text", text.FromUser, Seconds(text.CreatedAt), text.Content),
        WeComButtonPressed press => Hash("click", press.FromUser, Seconds(press.CreatedAt), press.CardTaskId, press.EventKey),
        WeComImageMessage { MsgId: { } msgId } when ulong.TryParse(msgId, NumberStyles.None, CultureInfo.InvariantCulture, out var n) => (long)n,
        WeComImageMessage image => Hash("image", image.FromUser, Seconds(image.CreatedAt), image.MediaId),
        WeComLocation { MsgId: { } msgId } when ulong.TryParse(msgId, NumberStyles.None, CultureInfo.InvariantCulture, out var n) => (long)n,
        WeComLocation at => Hash("location", at.FromUser, Seconds(at.CreatedAt),
            at.Latitude.ToString("R", CultureInfo.InvariantCulture), at.Longitude.ToString("R", CultureInfo.InvariantCulture)),
        _ => null,
    };

    static string Seconds(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    static long Hash(params string[] parts) =>
        BinaryPrimitives.ReadInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))));
}
