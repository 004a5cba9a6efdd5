using System.Text.Json;
using MassTransit;
using MassTransit.Middleware;
using MassTransit.Serialization;
using Microsoft.EntityFrameworkCore;

namespace SnowOps.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// One unit of work's outgoing messages: while it is current (an async-local, so it follows the handler's awaits), what
/// the handler publishes, through its consume context or through <see cref="IPublishEndpoint"/>, is kept here and saved
/// in the outbox with the handler's changes, in one transaction.
/// </summary>
public sealed class OutboxSession : OutboxSendContext
{
    static readonly AsyncLocal<OutboxSession?> current = new();

    readonly List<OutboxMessage> messages = [];
    readonly IServiceProvider services;

    internal OutboxSession(DbContext db, IReadOnlySet<Guid> seen, IServiceProvider services)
    {
        Db = db;
        Seen = seen;
        this.services = services;
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

    /// <summary>Message ids of a batch this consumer has already handled: a batch consumer skips them.</summary>
    public IReadOnlySet<Guid> Seen { get; }

    /// <summary>Whether this consumer has not handled the message yet (always true outside a consumer).</summary>
    public static bool IsNew(ConsumeContext context) =>
        Current is not { } session || context.MessageId is not { } id || !session.Seen.Contains(id);

    /// <summary>Whether the unit of work is to end without its changes (<see cref="Abandon"/>).</summary>
    internal bool Abandoned { get; private set; }

    /// <summary>
    /// Ends the unit of work without committing: nothing it changed is kept and nothing it published is sent (an HTTP
    /// command answered with a problem).
    /// </summary>
    public void Abandon() => Abandoned = true;

    internal void Complete() => Completed = true;

    /// <summary>A message sent or published through a consume context of the unit (MassTransit's outbox endpoints call this).</summary>
    public Task AddSend<T>(SendContext<T> context) where T : class
    {
        var published = context is PublishContext;
        messages.Add(Row(context.Message, typeof(T), context.MessageId ?? NewId.NextGuid(), published ? null : context.DestinationAddress?.ToString(),
            context.CorrelationId, context.ConversationId, context.InitiatorId, HeadersJson(context.Headers)));
        return Task.CompletedTask;
    }

    /// <summary>A message published through <see cref="IPublishEndpoint"/> inside the unit.</summary>
    internal void AddPublish(object message, Type type) =>
        messages.Add(Row(message, type, NewId.NextGuid(), null, null, null, null, null));

    public object? GetService(Type serviceType) => services.GetService(serviceType);

    static OutboxMessage Row(object message, Type type, Guid id, string? destination, Guid? correlation, Guid? conversation, Guid? initiator,
        string? headers) => new()
    {
        MessageId = id,
        CorrelationId = correlation,
        ConversationId = conversation,
        InitiatorId = initiator,
        MessageType = TypeName(type),
        Destination = destination,
        Body = JsonSerializer.Serialize(message, type, SystemTextJsonMessageSerializer.Options),
        Headers = headers,
        Saved = DateTime.UtcNow,
    };

    internal static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    static string? HeadersJson(SendHeaders headers)
    {
        var values = headers.GetAll()
            .Where(h => h.Value is string or bool or int or long or double or decimal or Guid)
            .ToDictionary(h => h.Key, h => Convert.ToString(h.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "");
        return values.Count == 0 ? null : JsonSerializer.Serialize(values);
    }
}
