using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace SnowOps.Weather.Alerts;

/// <summary>
/// Loads an alert document as XML with DTDs and entity expansion refused (no XXE, no billion laughs) and a
/// depth limit. XmlReader has no depth setting and XDocument.Load builds whatever nesting it is handed, so
/// the tree is built here one node at a time and the document refused the moment it goes too deep.
/// </summary>
public static partial class BoundedXml
{
    const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    public static XDocument Load(Stream document, int maxDepth)
    {
        RegisterCodePages();
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            MaxCharactersFromEntities = 0,
            MaxCharactersInDocument = 4 * 1024 * 1024,
        };
        try
        {
            using var reader = XmlReader.Create(document, settings);
            return Build(reader, maxDepth);
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            throw new AlertRejected("Document type definitions (DTDs) are not allowed in alerts.");
        }
        catch (XmlException e) when (e.InnerException is ArgumentException or NotSupportedException)
        {
            // The declaration names an encoding .NET cannot decode (e.g. 'foo', 'utf-7').
            throw new AlertRejected($"The document's encoding cannot be read ({e.Message}); send UTF-8.");
        }
        catch (XmlException e)
        {
            throw new AlertRejected($"The body is not well-formed XML: {e.Message}");
        }
    }

    /// <summary>
    /// The document as text, decoded the way the XML parser decoded it (byte-order mark, else the declared
    /// encoding, else UTF-8), so a Latin-1 or GB18030 alert is stored as what it says and not as mojibake.
    /// </summary>
    public static string Text(byte[] document)
    {
        RegisterCodePages();
        var head = Encoding.Latin1.GetString(document, 0, Math.Min(document.Length, 256));
        var declared = DeclaredEncoding().Match(head) is { Success: true } match ? match.Groups[1].Value : null;
        var encoding = Encoding.UTF8;
        try
        {
            if (declared is not null)
                encoding = Encoding.GetEncoding(declared);
        }
        catch (ArgumentException)
        {
            // Not an encoding .NET knows; the parser refused such a document before it got here.
        }
        using var reader = new StreamReader(new MemoryStream(document), encoding, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    static XDocument Build(XmlReader reader, int maxDepth)
    {
        var document = new XDocument();
        XContainer current = document;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (reader.Depth >= maxDepth)
                        throw new AlertRejected($"The document nests elements more than {maxDepth} deep; a CAP alert needs five levels.");
                    var element = new XElement(XName.Get(reader.LocalName, reader.NamespaceURI));
                    CopyAttributes(reader, element);
                    current.Add(element);
                    if (!reader.IsEmptyElement)
                        current = element;
                    break;
                case XmlNodeType.EndElement:
                    current = current.Parent ?? (XContainer)document;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    if (current is XElement)
                        current.Add(new XText(reader.Value));
                    break;
                default:
                    // The declaration, comments and processing instructions carry nothing SnowOps reads.
                    break;
            }
        }
        return document;
    }

    static void CopyAttributes(XmlReader reader, XElement element)
    {
        if (!reader.MoveToFirstAttribute())
            return;
        do
        {
            // Namespace declarations are already resolved into the element names; nothing reads them again.
            if (reader.NamespaceURI != XmlnsNamespace)
                element.SetAttributeValue(XName.Get(reader.LocalName, reader.NamespaceURI), reader.Value);
        }
        while (reader.MoveToNextAttribute());
        reader.MoveToElement();
    }

    // Legacy code pages (windows-1252, GB18030, Big5, Shift_JIS) are not in .NET by default, and agencies
    // still declare them. Registering the same provider again is a no-op.
    static void RegisterCodePages() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [GeneratedRegex("""^[\s\u00EF\u00BB\u00BF]*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""", RegexOptions.CultureInvariant)]
    private static partial Regex DeclaredEncoding();
}
