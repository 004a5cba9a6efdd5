using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace SnowOps.CrewBot.WeCom;

/// <summary>The XML around and inside a callback. No DTDs, no external entities, a bounded size.</summary>
public static class WeComCallbackXml
{
    const int MaxCharacters = 256 * 1024;

    /// <summary>The Encrypt element of the POSTed envelope &lt;xml&gt;&lt;ToUserName/&gt;&lt;AgentID/&gt;&lt;Encrypt/&gt;&lt;/xml&gt;.</summary>
    public static string ReadEncrypted(string envelope)
    {
        var encrypted = Load(envelope).Element("Encrypt")?.Value;
        return string.IsNullOrEmpty(encrypted)
            ? throw new WeComMalformedMessageException("The callback envelope has no Encrypt element.")
            : encrypted;
    }

    /// <summary>The decrypted message: a button press, a text message, or something this adapter does not handle.</summary>
    public static WeComCallback Parse(string message)
    {
        var xml = Load(message);
        string? Text(string name) => xml.Element(name)?.Value;
        var from = Text("FromUserName") ?? "";
        var createdAt = long.TryParse(Text("CreateTime"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : DateTimeOffset.UnixEpoch;
        int? agentId = int.TryParse(Text("AgentID"), NumberStyles.None, CultureInfo.InvariantCulture, out var agent) ? agent : null;
        var msgType = Text("MsgType") ?? "";
        var evt = Text("Event");

        if (msgType == "event" && evt == "template_card_event"
            && Text("EventKey") is { Length: > 0 } key && Text("TaskId") is { Length: > 0 } taskId && from.Length > 0)
            return new WeComButtonPressed(from, createdAt, key, taskId, Text("ResponseCode"), Text("CardType"), agentId);
        if (msgType == "text" && Text("Content") is { } content && from.Length > 0)
            return new WeComTextMessage(from, createdAt, content, Text("MsgId"), agentId);
        if (msgType == "image" && Text("MediaId") is { Length: > 0 } mediaId && from.Length > 0)
            return new WeComImageMessage(from, createdAt, mediaId, Text("MsgId"), agentId);
        if (msgType == "location" && Number(Text("Location_X")) is { } x && Number(Text("Location_Y")) is { } y && from.Length > 0)
            return new WeComLocation(from, createdAt, x, y, null, false, Text("MsgId"));
        if (msgType == "event" && evt == "LOCATION" && Number(Text("Latitude")) is { } lat && Number(Text("Longitude")) is { } lon && from.Length > 0)
            return new WeComLocation(from, createdAt, lat, lon, Number(Text("Precision")), true, null);
        return new WeComUnsupported(from, createdAt, msgType, evt);
    }

    /// <summary>A coordinate or precision; anything that is not a finite number is none.</summary>
    static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;

    static XElement Load(string text)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxCharacters,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), settings);
            var root = XElement.Load(reader);
            return root.Name.LocalName == "xml"
                ? root
                : throw new WeComMalformedMessageException($"The callback's root element is <{root.Name.LocalName}>, not <xml>.");
        }
        catch (XmlException e)
        {
            throw new WeComMalformedMessageException("The callback is not well-formed XML.", e);
        }
    }
}
