using MassTransit;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.IO;
using SnowOps.Contracts;
using SnowOps.Dispatch.Crews;
using SnowOps.Dispatch.Data;
using SnowOps.ServiceDefaults.Data;

namespace SnowOps.Dispatch.Tasks;

/// <summary>Creates tasks once per source key, gives each to a crew on duty, and tells the crews (and Status) about each new one.</summary>
public sealed class CrewTaskFactory(DispatchDbContext db, CrewAssigner crews, TimeProvider clock)
{
    public sealed record NewTask(
        string SourceKey,
        TaskKind Kind,
        string Title,
        string? GeometryWkt,
        double? LengthMeters,
        DateTimeOffset? Due,
        string? PriorityClass = null,
        string? VehicleId = null,
        string? Zone = null,
        string? SubjectId = null);

    public async Task<IReadOnlyList<CrewTask>> CreateAsync(Guid snowEventId, IReadOnlyList<NewTask> wanted, IPublishEndpoint publish,
        CancellationToken cancellationToken)
    {
        var keys = wanted.Select(w => w.SourceKey).ToList();
        var existing = (await db.Tasks.Where(t => t.SnowEventId == snowEventId && keys.Contains(t.SourceKey))
            .Select(t => t.SourceKey).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        var created = new List<CrewTask>();
        foreach (var w in wanted.Where(w => existing.Add(w.SourceKey)))
        {
            var crew = await crews.PickAsync(w.Kind, w.Zone, w.VehicleId, [], cancellationToken);
            created.Add(new CrewTask
            {
                Id = IdOf(snowEventId, w.SourceKey),
                SnowEventId = snowEventId,
                SourceKey = w.SourceKey,
                Kind = w.Kind,
                Title = w.Title,
                State = TaskState.Assigned,
                CrewId = crew,
                VehicleId = w.VehicleId,
                PriorityClass = w.PriorityClass,
                Zone = w.Zone,
                SubjectId = w.SubjectId,
                Geometry = w.GeometryWkt is null ? null : Wgs84.ReadWkt(w.GeometryWkt),
                LengthMeters = w.LengthMeters,
                Assigned = now,
                Due = w.Due,
                Sent = crew is null ? 0 : 1,
                LastSent = now,
            });
        }
        db.Tasks.AddRange(created);
        // The unique (event, source key) index turns a concurrent duplicate into a retry that finds the tasks made.
        await db.SaveChangesAsync(cancellationToken);
        foreach (var t in created)
            await publish.Publish(Announcement(t), cancellationToken);
        return created;
    }

    /// <summary>The message that gives a task to its crew (or puts it in the unassigned pool when it has none).</summary>
    public static TaskAssigned Announcement(CrewTask t) =>
        new(t.Id, t.SnowEventId, t.Kind, t.Title, t.CrewId, t.Geometry is null ? null : new WKTWriter().Write(t.Geometry), t.LengthMeters,
            t.LastSent ?? t.Assigned, t.Due, Math.Max(1, t.Sent), t.PriorityClass, t.SourceKey, t.SubjectId);

    /// <summary>A task's id follows from its snow event and source key, so the same work is the same task wherever it is made.</summary>
    public static Guid IdOf(Guid snowEventId, string sourceKey) => StableId.From("task", snowEventId.ToString(), sourceKey);
}
