using MassTransit;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.IO;
using SnowOps.Contracts;
using SnowOps.Dispatch.Crews;
using SnowOps.Dispatch.Data;
using SnowOps.ServiceDefaults.Data;

namespace SnowOps.Dispatch.Tasks;

/// <summary>Creates tasks once per source key and tells the crews (and Status) about each new one.</summary>
public sealed class CrewTaskFactory(DispatchDbContext db, CrewAssigner crews, TimeProvider clock)
{
    public sealed record NewTask(string SourceKey, TaskKind Kind, string Title, string? GeometryWkt, double? LengthMeters, DateTimeOffset? Due);

    public async Task<int> CreateAsync(Guid snowEventId, IReadOnlyList<NewTask> wanted, IPublishEndpoint publish, CancellationToken cancellationToken)
    {
        var keys = wanted.Select(w => w.SourceKey).ToList();
        var existing = await db.Tasks.Where(t => t.SnowEventId == snowEventId && keys.Contains(t.SourceKey))
            .Select(t => t.SourceKey).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var created = new List<CrewTask>();
        foreach (var w in wanted.Where(w => !existing.Contains(w.SourceKey)))
        {
            created.Add(new CrewTask
            {
                Id = NewId.NextGuid(),
                SnowEventId = snowEventId,
                SourceKey = w.SourceKey,
                Kind = w.Kind,
                Title = w.Title,
                State = TaskState.Assigned,
                CrewId = await crews.PickAsync(w.Kind, cancellationToken),
                Geometry = w.GeometryWkt is null ? null : Wgs84.ReadWkt(w.GeometryWkt),
                LengthMeters = w.LengthMeters,
                Assigned = now,
                Due = w.Due,
            });
        }
        db.Tasks.AddRange(created);
        // The unique (event, source key) index turns a concurrent duplicate into a retry that finds the tasks made.
        await db.SaveChangesAsync(cancellationToken);
        foreach (var t in created)
        {
            await publish.Publish(new TaskAssigned(t.Id, t.SnowEventId, t.Kind, t.Title, t.CrewId,
                t.Geometry is null ? null : new WKTWriter().Write(t.Geometry), t.LengthMeters, t.Assigned, t.Due), cancellationToken);
        }
        return created.Count;
    }
}
