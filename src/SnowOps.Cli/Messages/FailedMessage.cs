using System.Text.Json;
using MassTransit;
using RabbitMQ.Client;

namespace SnowOps.Cli.Messages;

/// <summary>What a message in an error or skipped queue says about itself and its fault.</summary>
public sealed record FailedMessage(
    string? MessageId,
    string? MessageType,
    string? Reason,
    string? Faulted,
    string? ExceptionType,
    string? ExceptionMessage,
    int Retries,
    int Replayed,
    bool Redelivered,
    ReadOnlyMemory<byte> Body)
{
    /// <summary>Counts the replays of a message, so one that keeps coming back is told from one that failed once.</summary>
    public const string ReplayedHeader = "SnowOps-Replayed";

    public static FailedMessage Read(BasicGetResult got)
    {
        var headers = got.BasicProperties.Headers;
        var (envelopeId, envelopeType) = Envelope(got.Body);
        return new FailedMessage(
            got.BasicProperties.MessageId ?? envelopeId,
            envelopeType ?? HeaderValues.Text(headers, MessageHeaders.FaultMessageType),
            HeaderValues.Text(headers, MessageHeaders.Reason),
            HeaderValues.Text(headers, MessageHeaders.FaultTimestamp),
            HeaderValues.Text(headers, MessageHeaders.FaultExceptionType),
            HeaderValues.Text(headers, MessageHeaders.FaultMessage),
            HeaderValues.Count(headers, MessageHeaders.FaultRetryCount),
            HeaderValues.Count(headers, ReplayedHeader),
            got.Redelivered,
            got.Body.ToArray());
    }

    public bool Has(string id) => string.Equals(MessageId, id, StringComparison.OrdinalIgnoreCase);

    /// <summary>The id and message types from MassTransit's JSON envelope, when the body is one.</summary>
    static (string? Id, string? Type) Envelope(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
                return (null, null);
            var id = json.RootElement.TryGetProperty("messageId", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            var types = json.RootElement.TryGetProperty("messageType", out var t) && t.ValueKind == JsonValueKind.Array
                ? string.Join(", ", t.EnumerateArray().Select(e => e.GetString()))
                : null;
            return (id, types);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}
