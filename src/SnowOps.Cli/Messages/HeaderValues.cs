using System.Globalization;
using System.Text;
using RabbitMQ.Client;

namespace SnowOps.Cli.Messages;

/// <summary>Reads AMQP header values, which arrive as bytes for text and as numbers of several widths.</summary>
public static class HeaderValues
{
    public static string? Text(IDictionary<string, object?>? headers, string key) =>
        headers is not null && headers.TryGetValue(key, out var value) ? Text(value) : null;

    public static string? Text(object? value) => value switch
    {
        null => null,
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        BinaryTableValue binary => Encoding.UTF8.GetString(binary.Bytes),
        AmqpTimestamp time => DateTimeOffset.FromUnixTimeSeconds(time.UnixTime).ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>A whole number header, 0 when missing or not a number.</summary>
    public static int Count(IDictionary<string, object?>? headers, string key) =>
        int.TryParse(Text(headers, key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? count : 0;
}
