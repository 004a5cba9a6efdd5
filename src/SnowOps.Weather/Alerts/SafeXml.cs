using System.Xml;
using System.Xml.Linq;

namespace SnowOps.Weather.Alerts;

/// <summary>
/// The one way SnowOps reads XML from outside: DTDs and external entities refused (no XXE, no entity
/// expansion), comments and processing instructions dropped, and a ceiling on the document's size.
/// </summary>
public static class SafeXml
{
    /// <summary>A fresh settings object each time, since callers could otherwise change a shared one.</summary>
    public static XmlReaderSettings Settings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersFromEntities = 0,
        MaxCharactersInDocument = 4 * 1024 * 1024,
        Async = false,
    };

    /// <summary>The document, or <see cref="AlertRejected"/> saying why it cannot be read.</summary>
    public static XDocument Load(Stream document)
    {
        try
        {
            using var reader = XmlReader.Create(document, Settings());
            return XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            throw new AlertRejected("Document type definitions (DTDs) are not allowed in alerts.");
        }
        catch (XmlException e)
        {
            throw new AlertRejected($"The body is not well-formed XML: {e.Message}");
        }
    }
}
