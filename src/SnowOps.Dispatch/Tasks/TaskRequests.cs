using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using SnowOps.Contracts;
using SnowOps.Dispatch.Data;
using SnowOps.ServiceDefaults.Data;

namespace SnowOps.Dispatch.Tasks;

/// <summary>
/// Work other modules ask for (Heating's temperature checks and repairs): one task per requester's key, given to a
/// crew on duty that takes the kind. A request that cannot become a task is logged and dropped: sent again, it would
/// fail the same way.
/// </summary>
public sealed class TaskRequests(CrewTaskFactory tasks, DispatchDbContext db, ILogger<TaskRequests> logger) : IConsumer<CrewTaskRequested>
{
    /// <summary>Keeps requested work apart from the keys of Dispatch's own plan and route tasks.</summary>
    public const string KeyPrefix = "request:";

    const int KeyLength = 128 - 8;
    const int TitleLength = 250;
    const int ZoneLength = 64;
    const int SubjectLength = 128;
    const int WktLength = 1_000_000;

    public async Task Consume(ConsumeContext<CrewTaskRequested> context)
    {
        var m = context.Message;
        var snowEventId = m.SnowEventId ?? Guid.Empty;
        var problem = Check(m);
        if (problem is null && snowEventId != Guid.Empty
            && !await db.SnowEvents.AnyAsync(e => e.CorrelationId == snowEventId, context.CancellationToken))
            problem = $"there is no snow event {snowEventId}";
        if (problem is not null)
        {
            logger.LogWarning("Task request {Key} from {RequestedBy} dropped: {Problem}", m.SourceKey, m.RequestedBy, problem);
            return;
        }
        var title = m.Title.Trim();
        if (title.Length > TitleLength)
            title = title[..(TitleLength - 1)] + "…";
        var wanted = new CrewTaskFactory.NewTask(KeyPrefix + m.SourceKey, m.Kind, title, m.GeometryWkt, null, m.Due, Zone: m.Zone,
            SubjectId: m.SubjectId?.Trim());
        var created = await tasks.CreateAsync(snowEventId, [wanted], context, context.CancellationToken);
        if (created.Count > 0)
            logger.LogInformation("Task {Task} ({Kind}) created for {RequestedBy}'s request {Key}, crew {Crew}",
                created[0].Id, m.Kind, m.RequestedBy, m.SourceKey, created[0].CrewId ?? "none on duty");
    }

    /// <summary>What is wrong with a request, or null when it can become a task.</summary>
    public static string? Check(CrewTaskRequested m)
    {
        if (string.IsNullOrWhiteSpace(m.SourceKey) || m.SourceKey.Length > KeyLength)
            return $"sourceKey must be 1 to {KeyLength} characters";
        if (!Enum.IsDefined(m.Kind))
            return $"kind {(int)m.Kind} is not one of {string.Join(", ", Enum.GetNames<TaskKind>())}";
        if (string.IsNullOrWhiteSpace(m.Title))
            return "title is empty";
        if (m.Zone is { Length: 0 or > ZoneLength })
            return $"zone must be 1 to {ZoneLength} characters";
        if (m.SubjectId is not null && (string.IsNullOrWhiteSpace(m.SubjectId) || m.SubjectId.Trim().Length > SubjectLength))
            return $"subjectId must be 1 to {SubjectLength} characters";
        return m.GeometryWkt is null ? null : CheckWkt(m.GeometryWkt);
    }

    static string? CheckWkt(string wkt)
    {
        if (wkt.Length > WktLength)
            return $"geometryWkt is longer than {WktLength} characters";
        Geometry geometry;
        try
        {
            geometry = Wgs84.ReadWkt(wkt);
        }
        catch (Exception e) when (e is ParseException or ArgumentException or FormatException)
        {
            return $"geometryWkt is not WKT: {e.Message}";
        }
        if (geometry.IsEmpty)
            return "geometryWkt is empty";
        var box = geometry.EnvelopeInternal;
        if (box.MinX < -180 || box.MaxX > 180 || box.MinY < -90 || box.MaxY > 90 || geometry.Coordinates.Any(c => !double.IsFinite(c.X) || !double.IsFinite(c.Y)))
            return "geometryWkt must be longitude/latitude in WGS 84 (longitude −180 to 180, latitude −90 to 90)";
        return null;
    }
}
