using System.Globalization;

namespace SnowOps.Cli.Bench;

/// <summary>The storm benchmark as Markdown: what the storm was, then one row per mode.</summary>
public static class StormReport
{
    public const string Header =
        "| mode | crews | tasks | assigned | activation → all assigned s | state changes | state changes/s | baseline msgs/s | Dispatch / baseline | one-row baseline msgs/s | Dispatch / one-row |";

    public static void Write(TextWriter output, StormBench.Result result)
    {
        var (city, storm) = (result.City, result.City.Main);
        output.WriteLine(Invariant(
            $"Snow operation benchmark: one storm through the Dispatch module, {city.Crews:N0} crews on duty ({city.PlowCrews:N0} plow, {city.SpreaderCrews:N0} spreader, {city.StreetCrews:N0} street crews)."));
        output.WriteLine();
        output.WriteLine(Invariant(
            $"Tasks: {storm.Tasks:N0} = {storm.PlowRoutes:N0} plow routes + {storm.SpreaderRoutes:N0} de-icing routes + {storm.PlowRoutes:N0} frontage notices along the plow routes (one PlowRoutesAssigned) + {storm.DeIcing:N0} de-icing of bridges and slopes + {storm.Intersections:N0} intersections and bus stops + {storm.Notices:N0} block frontage notices (the plan's lines, on activation)."));
        output.WriteLine(Invariant(
            $"State changes: every crew accepts, starts and completes its tasks one report at a time, each sent once Dispatch's TaskStateChanged confirmed the last ({storm.Tasks * CrewRound.Steps:N0} in all)."));
        output.WriteLine(Invariant(
            $"Baseline: the same {storm.Tasks * CrewRound.Steps:N0} messages on the same bus, sent by the same crews in the same order, through a consumer that only answers (the bare bus); one-row baseline: through a consumer that reads, changes and saves one row of a table in Dispatch's own database with EF Core, then answers."));
        output.WriteLine();
        output.WriteLine(Header);
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        output.WriteLine(Row(result));
        output.WriteLine();
    }

    public static string Row(StormBench.Result r) => Invariant(
        $"| {r.Mode} | {r.City.Crews:N0} | {r.Storm.Tasks:N0} | {r.Storm.Assigned:N0} | {r.Storm.ToAllAssigned.TotalSeconds:N2} | {r.Storm.Changes:N0} | {r.Storm.ChangesPerSecond:N0} | {r.Bus.PerSecond:N0} | {Ratio(r.Storm.ChangesPerSecond, r.Bus.PerSecond)} | {r.Row.PerSecond:N0} | {Ratio(r.Storm.ChangesPerSecond, r.Row.PerSecond)} |");

    static string Ratio(double dispatch, double baseline) => Invariant($"{dispatch / Math.Max(baseline, 1e-6):P0}");

    public static void WriteShortfall(TextWriter error, StormBench.Result r)
    {
        var s = r.Storm;
        error.WriteLine(Invariant($"The run stopped short: {s.Assigned:N0} of {s.Tasks:N0} tasks reached a crew ({s.Unassigned:N0} announced without one), ")
            + Invariant($"{s.Changes:N0} of {s.ExpectedChanges:N0} state changes confirmed ({s.Unexpected:N0} unexpected), ")
            + Invariant($"Dispatch's table holds {s.StoredWithCrew:N0} tasks with a crew and {s.StoredCompleted:N0} completed; ")
            + Invariant($"baselines {r.Bus.Messages:N0} and {r.Row.Messages:N0} of {r.Bus.Expected:N0} messages."));
    }

    static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
