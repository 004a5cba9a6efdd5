using System.Text;

namespace SnowOps.Weather.Tests;

/// <summary>Real samples made hostile in one precise way, so that a spec shows exactly which change is refused or repaired.</summary>
public static class Hostile
{
    public static string Text(string kind, string file) => File.ReadAllText(Samples.Path_(kind, file));

    public static Stream Utf8(string text) => new MemoryStream(Encoding.UTF8.GetBytes(text));

    /// <summary>The sample with one piece of text replaced; fails loudly if the piece is not there, so a spec cannot pass vacuously.</summary>
    public static string Replace(string text, string old, string replacement)
    {
        Assert.Contains(old, text);
        return text.Replace(old, replacement, StringComparison.Ordinal);
    }

    /// <summary>Inserts <paramref name="insert"/> right before the first occurrence of <paramref name="before"/>.</summary>
    public static string InsertBefore(string text, string before, string insert)
    {
        var at = text.IndexOf(before, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{before}' is not in the sample");
        return text.Insert(at, insert);
    }
}
