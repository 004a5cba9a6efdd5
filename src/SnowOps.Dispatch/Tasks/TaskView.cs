using NetTopologySuite.IO;

namespace SnowOps.Dispatch.Tasks;

public static class TaskView
{
    public static object Of(CrewTask t) => new
    {
        id = t.Id,
        snowEventId = t.SnowEventId == Guid.Empty ? (Guid?)null : t.SnowEventId,
        kind = t.Kind.ToString(),
        t.Title,
        state = t.State.ToString(),
        crewId = t.CrewId,
        t.VehicleId,
        t.PriorityClass,
        t.Zone,
        t.SubjectId,
        geometryWkt = t.Geometry is null ? null : new WKTWriter().Write(t.Geometry),
        t.LengthMeters,
        t.Assigned,
        t.Due,
        t.Sent,
        t.LastSent,
        declinedBy = t.Decliners.ToList(),
        t.Accepted,
        t.Started,
        t.Completed,
        t.Escalated,
        t.Cancelled,
        t.PercentDone,
        t.SegmentsDone,
        t.Latitude,
        t.Longitude,
        t.LastReport,
        t.Note,
        t.Reason,
        t.Version,
    };
}
