using Microsoft.EntityFrameworkCore;

namespace SnowOps.ServiceDefaults.Messaging.Outbox;

/// <summary>A message a state change publishes, saved with the change and sent by the module's <see cref="OutboxRelay{TContext}"/>.</summary>
public sealed class OutboxMessage
{
    /// <summary>Order of saving; the relay sends in this order.</summary>
    public long Sequence { get; set; }
    /// <summary>The message's id on the bus: sent again after a crash, it is the same message to every inbox.</summary>
    public Guid MessageId { get; set; }
    public Guid? CorrelationId { get; set; }
    public Guid? ConversationId { get; set; }
    public Guid? InitiatorId { get; set; }
    /// <summary>The message's CLR type as "Full.Name, Assembly".</summary>
    public string MessageType { get; set; } = "";
    /// <summary>Where a sent (not published) message goes; null for a published one.</summary>
    public string? Destination { get; set; }
    /// <summary>The message as JSON (MassTransit's System.Text.Json settings).</summary>
    public string Body { get; set; } = "";
    /// <summary>The message's own headers as a JSON object of strings, or null.</summary>
    public string? Headers { get; set; }
    /// <summary>When the change was saved (UTC).</summary>
    public DateTime Saved { get; set; }
}

/// <summary>A message a consumer has handled: the same message id comes again, the consumer is not run again.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }
    /// <summary>The consumer (or saga) that handled it: each consumer of a message has its own entry.</summary>
    public string Consumer { get; set; } = "";
    /// <summary>When it was handled (UTC); entries older than the retention are removed.</summary>
    public DateTime Handled { get; set; }
}

public static class OutboxTables
{
    /// <summary>The outbox and inbox tables, in every module's own database.</summary>
    public static ModelBuilder AddOutboxTables(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable("outbox_messages");
            e.HasKey(x => x.Sequence);
            e.Property(x => x.Sequence).HasColumnName("sequence").ValueGeneratedOnAdd();
            e.Property(x => x.MessageId).HasColumnName("message_id");
            e.Property(x => x.CorrelationId).HasColumnName("correlation_id");
            e.Property(x => x.ConversationId).HasColumnName("conversation_id");
            e.Property(x => x.InitiatorId).HasColumnName("initiator_id");
            e.Property(x => x.MessageType).HasColumnName("message_type").HasMaxLength(256);
            e.Property(x => x.Destination).HasColumnName("destination").HasMaxLength(512);
            e.Property(x => x.Body).HasColumnName("body");
            e.Property(x => x.Headers).HasColumnName("headers");
            e.Property(x => x.Saved).HasColumnName("saved");
        });
        modelBuilder.Entity<InboxMessage>(e =>
        {
            e.ToTable("inbox_messages");
            e.HasKey(x => new { x.MessageId, x.Consumer });
            e.Property(x => x.MessageId).HasColumnName("message_id");
            e.Property(x => x.Consumer).HasColumnName("consumer").HasMaxLength(128);
            e.Property(x => x.Handled).HasColumnName("handled");
            e.HasIndex(x => x.Handled);
        });
        return modelBuilder;
    }
}
