using System.Globalization;

namespace SnowOps.DashboardBench;

public sealed record BenchOptions(int Segments, int PerRoute, int Rate, int LightRate, int Seconds, string Chromium)
{
    public static BenchOptions? Parse(string[] args)
    {
        var o = new BenchOptions(20_000, 100, 1000, 10, 20, Environment.GetEnvironmentVariable("SNOWOPS_IT_CHROMIUM") ?? "/usr/bin/chromium");
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length)
                return null;
            var value = args[i + 1];
            int Number() => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new FormatException($"{args[i]} wants a positive whole number, not '{value}'.");
            try
            {
                o = args[i] switch
                {
                    "--segments" => o with { Segments = Number() },
                    "--per-route" => o with { PerRoute = Number() },
                    "--rate" => o with { Rate = Number() },
                    "--light-rate" => o with { LightRate = Number() },
                    "--seconds" => o with { Seconds = Number() },
                    "--chromium" => o with { Chromium = value },
                    _ => throw new FormatException($"Unknown option {args[i]}."),
                };
            }
            catch (FormatException e)
            {
                Console.Error.WriteLine(e.Message);
                return null;
            }
        }
        return o;
    }
}
