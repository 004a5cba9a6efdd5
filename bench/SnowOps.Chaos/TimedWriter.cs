using System.Globalization;
using System.Text;

namespace SnowOps.Chaos;

/// <summary>The run's progress log: each line with the time it was written, so a fault's steps can be set beside the modules' logs.</summary>
public sealed class TimedWriter(TextWriter inner) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value) => inner.Write(value);

    public override void WriteLine(string? value) => inner.WriteLine($"{Now()} {value}");

    /// <summary>The time of day to the millisecond (UTC), as every line of the run's logs starts.</summary>
    public static string Now() => DateTime.UtcNow.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
}
