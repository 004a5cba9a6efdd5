using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using SnowOps.ServiceDefaults.Data;

namespace SnowOps.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Saves a unit of work's inbox entries and outbox rows. On PostgreSQL each table takes one <c>INSERT … unnest(…)</c> for the
/// whole unit, however many messages a batch brings; elsewhere Entity Framework adds them.
/// </summary>
static class OutboxWrites
{
    public static async Task SaveAsync(DbContext db, string? consumer, IReadOnlyList<Guid> handled, IReadOnlyList<OutboxMessage> messages,
        DateTime now, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            if (consumer is not null)
                db.Set<InboxMessage>().AddRange(handled.Select(id => new InboxMessage { MessageId = id, Consumer = consumer, Handled = now }));
            db.Set<OutboxMessage>().AddRange(messages);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        await db.SaveChangesAsync(cancellationToken);
        try
        {
            if (consumer is not null && handled.Count > 0)
                await InsertInboxAsync(db, consumer, handled, now, cancellationToken);
            if (messages.Count > 0)
                await InsertOutboxAsync(db, messages, cancellationToken);
        }
        catch (PostgresException e)
        {
            // As Entity Framework reports a failed insert: another replica handled the same message first, and so on.
            throw new DbUpdateException($"The {consumer ?? "unit of work"}'s inbox or outbox could not be saved: {e.MessageText}", e);
        }
    }

    static Task InsertInboxAsync(DbContext db, string consumer, IReadOnlyList<Guid> handled, DateTime now, CancellationToken cancellationToken) =>
        Execute(db, $"INSERT INTO {SqlNames.Table<InboxMessage>(db)} (message_id, consumer, handled) SELECT unnest(@ids), @consumer, @handled",
        [
            new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = handled.ToArray() },
            new NpgsqlParameter("consumer", NpgsqlDbType.Text) { Value = consumer },
            new NpgsqlParameter("handled", NpgsqlDbType.TimestampTz) { Value = now },
        ], cancellationToken);

    static Task InsertOutboxAsync(DbContext db, IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        NpgsqlParameter Column<T>(string name, NpgsqlDbType type, Func<OutboxMessage, T> value) =>
            new(name, NpgsqlDbType.Array | type) { Value = messages.Select(value).ToArray() };
        // WITH ORDINALITY: the rows take their sequence numbers in the order the unit published them.
        return Execute(db,
            $"INSERT INTO {SqlNames.Table<OutboxMessage>(db)} (message_id, correlation_id, conversation_id, initiator_id, message_type, destination, body, headers, saved) " +
            "SELECT m, c, v, i, t, d, b, h, s FROM unnest(@m, @c, @v, @i, @t, @d, @b, @h, @s) WITH ORDINALITY AS u(m, c, v, i, t, d, b, h, s, n) ORDER BY n",
            [
                Column("m", NpgsqlDbType.Uuid, m => m.MessageId),
                Column("c", NpgsqlDbType.Uuid, m => m.CorrelationId),
                Column("v", NpgsqlDbType.Uuid, m => m.ConversationId),
                Column("i", NpgsqlDbType.Uuid, m => m.InitiatorId),
                Column("t", NpgsqlDbType.Text, m => m.MessageType),
                Column("d", NpgsqlDbType.Text, m => m.Destination),
                Column("b", NpgsqlDbType.Text, m => m.Body),
                Column("h", NpgsqlDbType.Text, m => m.Headers),
                Column("s", NpgsqlDbType.TimestampTz, m => m.Saved),
            ], cancellationToken);
    }

    // Table names from the model; every value is a parameter.
#pragma warning disable EF1002
    static Task<int> Execute(DbContext db, string sql, NpgsqlParameter[] parameters, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken);
#pragma warning restore EF1002
}
