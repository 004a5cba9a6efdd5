namespace SnowOps.Testing;

/// <summary>Where an element starts and ends in XML text: enough for a mutator to cut, copy and swap it.</summary>
public sealed record XmlElement(string Name, int Start, int ContentStart, int ContentEnd, int End)
{
    public bool IsLeaf(string xml) => xml.IndexOf('<', ContentStart, ContentEnd - ContentStart) < 0;
}

/// <summary>
/// Finds elements in XML text without parsing it (the text may be broken on purpose): a start tag is paired
/// with the next end tag of the same name, which is right for CAP (no element nests in one of its own name).
/// Picking at a random offset instead of listing every element keeps a 200 KB document cheap to mutate.
/// </summary>
public static class XmlElements
{
    /// <summary>A random element (a leaf when asked, if one is found), or null when the text has none.</summary>
    public static XmlElement? Pick(string xml, Random random, bool leaf = false)
    {
        XmlElement? any = null;
        for (var attempt = 0; attempt < 30 && xml.Length > 0; attempt++)
        {
            var element = At(xml, xml.IndexOf('<', random.Next(xml.Length)));
            if (element is null)
                continue;
            if (!leaf || element.IsLeaf(xml))
                return element;
            any ??= element;
        }
        return any;
    }

    /// <summary>The first element: the document's root, unless the text is broken before it.</summary>
    public static XmlElement? First(string xml)
    {
        for (var i = xml.IndexOf('<'); i >= 0; i = xml.IndexOf('<', i + 1))
        {
            if (At(xml, i) is { } element)
                return element;
        }
        return null;
    }

    static XmlElement? At(string xml, int i)
    {
        if (i < 0 || i >= xml.Length - 1 || !char.IsLetter(xml[i + 1]))
            return null;
        var nameEnd = i + 1;
        while (nameEnd < xml.Length && (char.IsLetterOrDigit(xml[nameEnd]) || xml[nameEnd] is ':' or '-' or '_' or '.'))
            nameEnd++;
        var tagEnd = xml.IndexOf('>', nameEnd);
        if (tagEnd < 0)
            return null;
        var name = xml[(i + 1)..nameEnd];
        if (xml[tagEnd - 1] == '/')
            return new XmlElement(name, i, tagEnd, tagEnd, tagEnd + 1);
        var close = xml.IndexOf("</" + name + ">", tagEnd, StringComparison.Ordinal);
        return close < 0 ? null : new XmlElement(name, i, tagEnd + 1, close, close + name.Length + 3);
    }
}
