using NetTopologySuite.IO;
using SnowOps.Contracts;

namespace SnowOps.Dispatch.Tasks;

/// <summary>
/// Street-front shops clear their own frontage (门前三包): a notice goes to the shops along each plow route before the snow,
/// and after the snow a check that they did.
/// </summary>
public static class FrontageNotices
{
    public const string NoticePrefix = "notice:";
    public const string CheckPrefix = "check:";
    public const double CheckWithinHours = 12;

    public static CrewTaskFactory.NewTask Notice(PlannedRoute route, DateTimeOffset? due) =>
        new(NoticePrefix + route.RouteId, TaskKind.FrontageNotice, Shorten($"Notify street-front shops to clear their frontage: {Streets(route.Streets)}"),
            route.GeometryWkt, route.LengthMeters, due, route.PriorityClass);

    public static CrewTaskFactory.NewTask Check(CrewTask notice, DateTimeOffset due) =>
        new(CheckPrefix + notice.SourceKey[NoticePrefix.Length..], TaskKind.FrontageNotice,
            Shorten("Check the frontage was cleared: " + notice.Title[(notice.Title.IndexOf(':') + 1)..].Trim()),
            notice.Geometry is null ? null : new WKTWriter().Write(notice.Geometry), notice.LengthMeters, due, notice.PriorityClass, null, notice.Zone);

    static string Streets(IReadOnlyList<string> streets)
    {
        var named = streets.Where(s => s.Length > 0).Distinct().ToList();
        return named.Count == 0 ? "the streets of the route" : string.Join(", ", named);
    }

    static string Shorten(string text) => text.Length > 250 ? text[..249] + "…" : text;
}
