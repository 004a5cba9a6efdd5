using System.Globalization;
using System.Text;

namespace SnowOps.DashboardBench;

public static class Report
{
    /// <summary>What the committee's wall must do: draw the city in a few seconds and show each event within a second.</summary>
    public const double FirstRenderTargetMs = 3000, EventToScreenTargetMs = 1000;

    public static string Table(BenchOptions options, Phase light, Phase storm)
    {
        static string N(double v) => double.IsNaN(v) ? "–" : v.ToString("#,0", CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Dashboard: {options.Segments:#,0} segments, {options.Segments / options.PerRoute:#,0} plow routes, Chromium {options.Chromium}, viewport 1920x1080");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"| measure | baseline: {light.Rate:#,0} events/s | storm: {storm.Rate:#,0} events/s | target |");
        text.AppendLine("|---|---:|---:|---:|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| time to first render, median of 3 loads (ms) | {N(light.FirstRenderMs)} | {N(storm.FirstRenderMs)} | ≤ {N(FirstRenderTargetMs)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| segments drawn | {N(light.Segments)} | {N(storm.Segments)} | {N(options.Segments)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| events published while measured | {N(light.Published)} | {N(storm.Published)} | |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| changes shown on screen | {N(light.Latencies.Length)} | {N(storm.Latencies.Length)} | every event |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| event-to-screen p50 (ms) | {N(light.Percentile(50))} | {N(storm.Percentile(50))} | ≤ {N(EventToScreenTargetMs)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| event-to-screen p95 (ms) | {N(light.Percentile(95))} | {N(storm.Percentile(95))} | ≤ {N(EventToScreenTargetMs)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| event-to-screen max (ms) | {N(light.Percentile(100))} | {N(storm.Percentile(100))} | |");
        return text.ToString();
    }
}
