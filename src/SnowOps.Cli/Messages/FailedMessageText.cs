using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SnowOps.Cli.Messages;

/// <summary>How <c>snowops messages show</c> prints one failed message: a label per line, then the body.</summary>
public static class FailedMessageText
{
    public const int ShortBody = 300;

    // Shown to a person, not embedded anywhere: Chinese and other text stay readable.
    static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(TextWriter output, int number, FailedMessage m, bool full)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{number}] {m.MessageId ?? "(no message id)"}"));
        Line(output, "type", m.MessageType ?? "(unknown: the body is not a MassTransit envelope)");
        Line(output, "reason", m.Reason);
        Line(output, "faulted", m.Faulted);
        Line(output, "exception", m.ExceptionType);
        Line(output, "message", m.ExceptionMessage);
        Line(output, "retries", m.Retries.ToString(CultureInfo.InvariantCulture));
        Line(output, "replayed", m.Replayed.ToString(CultureInfo.InvariantCulture));
        Line(output, "redelivered", m.Redelivered ? "yes (this queue handed it out before)" : "no");
        Line(output, "body", Body(m.Body, full));
        output.WriteLine();
    }

    static void Line(TextWriter output, string label, string? value)
    {
        if (value is not null)
            output.WriteLine($"    {label,-11} {value}");
    }

    /// <summary>The whole body with <paramref name="full"/>; else one line, JSON made compact, cut at <see cref="ShortBody"/> characters.</summary>
    public static string Body(ReadOnlyMemory<byte> body, bool full)
    {
        var text = Encoding.UTF8.GetString(body.Span);
        if (full)
            return text;
        var line = Compact(text);
        return line.Length <= ShortBody
            ? line
            : string.Create(CultureInfo.InvariantCulture, $"{line[..ShortBody]}… ({body.Length} bytes; --full prints all)");
    }

    static string Compact(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            return JsonSerializer.Serialize(json.RootElement, Readable);
        }
        catch (JsonException)
        {
            return string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
    }
}
