using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Routing.Data;
using SnowOps.Routing.Fleet;
using SnowOps.ServiceDefaults.Messaging.Outbox;

namespace SnowOps.Routing.Planning.Replan;

/// <summary>The body of <c>POST /api/routes/{snowEventId}/replan</c>.</summary>
public sealed record ReplanBody(
    IReadOnlyList<string>? BrokenVehicles,
    IReadOnlyList<long>? BlockedSegments,
    IReadOnlyList<long>? FinishedSegments,
    IReadOnlyList<VehiclePosition>? Positions);

/// <summary>The outcome of a re-plan request: a new revision, the same one again for a repeated request, or why not.</summary>
public sealed record ReplanOutcome(PlanRecord? Plan, bool Repeated, int Status, string? Problem);

/// <summary>Checks a re-plan request against the current plan, runs <see cref="Replanner"/>, stores the new revision and publishes it.</summary>
public sealed class ReplanHandler(RoutingDbContext db, TransactionalOutbox outbox, RoutingOptions options, IPublishEndpoint publish, TimeProvider clock)
{
    public Task<ReplanOutcome> HandleAsync(Guid snowEventId, ReplanBody body, CancellationToken cancellationToken) =>
        outbox.RunAsync(db, () => HandleInUnitAsync(snowEventId, body, cancellationToken), cancellationToken);

    async Task<ReplanOutcome> HandleInUnitAsync(Guid snowEventId, ReplanBody body, CancellationToken cancellationToken)
    {
        var widenings = await PlanStore.WideningsAsync(db, snowEventId, cancellationToken);
        var current = await PlanStore.LatestAsync(db, snowEventId, cancellationToken);
        if (current is null)
            return new(null, false, 404, $"Snow event {snowEventId} has no plow routes to re-plan.");
        var digest = Digest(body);
        if (current.RequestDigest == digest)
            return new(current, true, 200, null);

        var routes = await PlanStore.RoutesAsync(db, snowEventId, current.Revision, cancellationToken);
        var vehicles = FleetRoster.For(options.Fleet, current.Plows);
        var known = vehicles.Select(v => v.Id).ToHashSet(StringComparer.Ordinal);
        var named = (body.BrokenVehicles ?? []).Concat((body.Positions ?? []).Select(p => p.Vehicle)).ToList();
        if (named.FirstOrDefault(v => !known.Contains(v)) is { } unknown)
            return new(null, false, 422, $"No vehicle '{unknown}' in this plan; its vehicles are {string.Join(", ", known)}.");
        var segments = await db.Segments.AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var ids = segments.Select(s => s.Id).ToHashSet();
        if ((body.BlockedSegments ?? []).Concat(body.FinishedSegments ?? []).FirstOrDefault(id => !ids.Contains(id)) is var missing and not 0)
            return new(null, false, 422, $"No road segment {missing} in the network.");

        var broken = current.BrokenVehicles.Concat(body.BrokenVehicles ?? []).ToHashSet(StringComparer.Ordinal);
        var blocked = current.BlockedSegments.Concat(body.BlockedSegments ?? []).ToHashSet();
        var finished = current.FinishedSegments.Concat(body.FinishedSegments ?? []).ToHashSet();
        var watch = Stopwatch.StartNew();
        var previous = new PlowPlan([], PlanStore.UnservedOf(current), current.PavementCelsius, current.GramsPerSquareMeter);
        var plan = Replanner.Replan(new ReplanRequest(segments, current.PriorityClasses, vehicles, options,
            PlanStore.StepsByVehicle(routes), broken, blocked, finished, body.Positions ?? [], previous), cancellationToken);

        var revision = current.Revision + 1;
        var record = PlanStore.Plan(snowEventId, revision, plan, current.PriorityClasses, current.Plows, clock.GetUtcNow(), watch.Elapsed.TotalSeconds);
        record.RequestDigest = digest;
        record.BrokenVehicles = [.. broken.Order(StringComparer.Ordinal)];
        record.BlockedSegments = [.. blocked.Order()];
        record.FinishedSegments = [.. finished.Order()];
        var records = PlanStore.Routes(snowEventId, revision, plan, segments.ToDictionary(s => s.Id));
        db.Plans.Add(record);
        db.Routes.AddRange(records);
        if (await PlanStore.WideningsAsync(db, snowEventId, cancellationToken) != widenings)
            return new(null, false, 409, $"Routes for more priority classes were added to snow event {snowEventId} at the same time; ask again.");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return new(null, false, 409, $"Another re-plan of snow event {snowEventId} was saved at the same time; ask again.");
        }
        await publish.Publish(new PlowRoutesReplanned(snowEventId, revision, records.Select(PlanStore.Contract).ToList(),
            record.BrokenVehicles, record.BlockedSegments, plan.Unserved.Select(u => u.SegmentId).Distinct().Order().ToList()), cancellationToken);
        return new(record, false, 201, null);
    }

    /// <summary>What was asked, in a canonical order, hashed: the same request posted twice is the same digest.</summary>
    static string Digest(ReplanBody body)
    {
        var canonical = JsonSerializer.Serialize(new
        {
            broken = (body.BrokenVehicles ?? []).Order(StringComparer.Ordinal),
            blocked = (body.BlockedSegments ?? []).Order(),
            finished = (body.FinishedSegments ?? []).Order(),
            positions = (body.Positions ?? []).OrderBy(p => p.Vehicle, StringComparer.Ordinal),
        });
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
