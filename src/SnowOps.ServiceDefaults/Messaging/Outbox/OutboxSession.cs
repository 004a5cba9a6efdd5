using System.Text.Json;
using MassTransit;
using MassTransit.Serialization;
using Microsoft.EntityFrameworkCore;

namespace SnowOps.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// One unit of work's outgoing messages: while it is current (an async-local, so it follows the handler's awaits),
/// everything the handler publishes or sends is kept here and saved in the outbox with the handler's changes, in one
/// transaction. Messages marked <see cref="SentAfterCommitAttribute"/> are not saved; they go out once the change has
/// committed.
/// </summary>
public sealed class OutboxSession
{
    static readonly AsyncLocal<OutboxSession?> current = new();

    readonly List<OutboxMessage> messages = [];
    readonly List<(object Message, Type Type)> afterCommit = [];

    internal OutboxSession(DbContext db, IReadOnlySet<Guid> seen)
    {
        Db = db;
        Seen = seen;
    }

    /// <summary>The session of the unit of work running here, or null: then messages go straight to the bus.</summary>
    public static OutboxSession? Current
    {
        get => current.Value is { Completed: false } session ? session : null;
        internal set => current.Value = value;
    }

    internal DbContext Db { get; }
    internal bool Completed { get; private set; }
    internal IReadOnlyList<OutboxMessage> Messages => messages;
    internal IReadOnlyList<(object Message, Type Type)> AfterCommit => afterCommit;

    /// <summary>Message ids of a batch this consumer has already handled: a batch consumer skips them.</summary>
    public IReadOnlySet<Guid> Seen { get; }

    /// <summary>Whether this consumer has not handled the message yet (always true outside a consumer).</summary>
    public static bool IsNew(ConsumeContext context) =>
        Current is not { } session || context.MessageId is not { } id || !session.Seen.Contains(id);

    internal void Capture<T>(SendContext<T> context, bool published) where T : class
    {
        var type = typeof(T);
        if (Attribute.IsDefined(type, typeof(SentAfterCommitAttribute)))
        {
            afterCommit.Add((context.Message, type));
            return;
        }
        messages.Add(new OutboxMessage
        {
            MessageId = context.MessageId ?? NewId.NextGuid(),
            CorrelationId = context.CorrelationId,
            ConversationId = context.ConversationId,
            InitiatorId = context.InitiatorId,
            MessageType = TypeName(type),
            Destination = published ? null : context.DestinationAddress?.ToString(),
            Body = JsonSerializer.Serialize(context.Message, type, SystemTextJsonMessageSerializer.Options),
            Headers = HeadersJson(context.Headers),
            Saved = DateTime.UtcNow,
        });
    }

    internal void Complete() => Completed = true;

    /// <summary>Whether the unit of work is to end without its changes (<see cref="Abandon"/>).</summary>
    internal bool Abandoned { get; private set; }

    /// <summary>
    /// Ends the unit of work without committing: nothing it changed is kept and nothing it published is sent (an HTTP
    /// command answered with a problem).
    /// </summary>
    public void Abandon() => Abandoned = true;

    internal static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    static string? HeadersJson(SendHeaders headers)
    {
        var values = headers.GetAll()
            .Where(h => h.Value is string or bool or int or long or double or decimal or Guid)
            .ToDictionary(h => h.Key, h => Convert.ToString(h.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "");
        return values.Count == 0 ? null : JsonSerializer.Serialize(values);
    }
}

/// <summary>
/// A message that is not kept in the outbox: it is only of use while the process that sends it is alive (a push to the
/// screens), so it goes out once the change it reports has committed, and not at all when the change rolls back.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SentAfterCommitAttribute : Attribute;
