using NetTopologySuite.IO;

namespace SnowOps.Dispatch.Tasks;

static class TaskView
{
    public static object Of(CrewTask t) => new
    {
        id = t.Id,
        snowEventId = t.SnowEventId,
        kind = t.Kind.ToString(),
        t.Title,
        state = t.State.ToString(),
        crewId = t.CrewId,
        geometryWkt = t.Geometry is null ? null : new WKTWriter().Write(t.Geometry),
        t.LengthMeters,
        t.Assigned,
        t.Due,
        t.Accepted,
        t.Started,
        t.Completed,
        t.Note,
    };
}
