using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetTopologySuite.IO;
using SnowOps.Contracts;
using SnowOps.Heating.Data;
using SnowOps.Heating.Registry;
using SnowOps.Heating.Risk;
using SnowOps.ServiceDefaults.Messaging.Outbox;

namespace SnowOps.Heating.Checks;

/// <summary>
/// One run of the check scheduler: the compounds due a check (at their normal frequency, or more often while a cold
/// operation is on), ranked by risk, become temperature-check tasks within each company's capacity for the day; the
/// rest are kept waiting and come first in line on a day with capacity. Each check is saved before it is requested,
/// and requested under a key of its own, so a rerun, a second replica or a lost message never makes a check twice.
/// </summary>
public sealed class CheckScheduler(HeatingDbContext db, TransactionalOutbox outbox, RiskRanking ranking, IPublishEndpoint publish, IOptionsMonitor<CheckOptions> options,
    TimeProvider clock, ILogger<CheckScheduler> logger)
{
    public const string RequestedBy = "heating";
    public const string KeyPrefix = "heating:check:";

    /// <summary>Dispatch takes keys of at most 120 characters; a longer compound id is named by its hash.</summary>
    const int CompoundInKey = 95;

    public sealed record Outcome(int Requested, int Waiting, int Resent);

    public Task<Outcome> RunAsync(CancellationToken cancellationToken) =>
        outbox.RunAsync(db, () => RunInUnitAsync(cancellationToken), cancellationToken);

    async Task<Outcome> RunInUnitAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var o = options.CurrentValue;
        var compounds = await db.Compounds.AsNoTracking().ToDictionaryAsync(c => c.CompoundId, StringComparer.Ordinal, cancellationToken);
        var companies = await db.Companies.AsNoTracking().ToDictionaryAsync(c => c.CompanyId, StringComparer.Ordinal, cancellationToken);
        var resent = await ResendAsync(compounds, companies, cancellationToken);

        var operations = await ColdOperation.ActiveAsync(db, now, cancellationToken);
        var today = Day(o.DayOf(now));
        var used = await db.ScheduledChecks.AsNoTracking().Where(c => c.Day == today).GroupBy(c => c.CompanyId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, StringComparer.Ordinal, cancellationToken);
        var capacityLeft = companies.Values.ToDictionary(c => c.CompanyId, c => Math.Max(0, c.DailyCapacity - used.GetValueOrDefault(c.CompanyId)),
            StringComparer.Ordinal);
        var waiting = await db.ScheduledChecks.Where(c => c.State == ScheduledCheck.Waiting)
            .ToDictionaryAsync(c => c.CompoundId, StringComparer.Ordinal, cancellationToken);
        var lastRequested = await LastRequestedAsync(now, cancellationToken);

        var context = await ranking.ContextAsync(now, operations, cancellationToken);
        var hours = operations.Select(op => op.CheckEveryHours).ToList();
        var facts = await ranking.FactsAsync([.. compounds.Values], now, cancellationToken);
        var candidates = facts.Select(f =>
        {
            var c = compounds[f.CompoundId];
            var last = Later(lastRequested.GetValueOrDefault(f.CompoundId), c.LastReadingAt);
            return new CheckCandidate(f, last, CheckPlanner.EveryHours(c.CheckEveryHours, c.MonitoredSince is not null, hours, o),
                waiting.ContainsKey(f.CompoundId));
        }).ToList();
        var plan = CheckPlanner.Plan(candidates, context, capacityLeft, now, ranking.Options);

        var snowEventId = operations.Where(op => op.SnowEventId is not null).OrderBy(op => op.CheckEveryHours).ThenByDescending(op => op.Started)
            .FirstOrDefault()?.SnowEventId;
        var slot = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        var newKeys = plan.Where(p => !waiting.ContainsKey(p.Candidate.Facts.CompoundId)).Select(p => KeyOf(p.Candidate.Facts.CompoundId, slot)).ToList();
        var taken = (await db.ScheduledChecks.AsNoTracking().Where(c => newKeys.Contains(c.SourceKey)).Select(c => c.SourceKey).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var toRequest = new List<ScheduledCheck>();
        var (requested, waits) = (0, 0);
        foreach (var p in plan)
        {
            var id = p.Candidate.Facts.CompoundId;
            if (!waiting.TryGetValue(id, out var check))
            {
                var key = KeyOf(id, slot);
                if (taken.Contains(key))
                    continue;
                db.ScheduledChecks.Add(check = new ScheduledCheck
                {
                    Id = NewId.NextGuid(), CompoundId = id, CompanyId = p.Candidate.Facts.CompanyId, Slot = slot, SourceKey = key,
                    State = ScheduledCheck.Waiting, Found = now, EveryHours = p.Candidate.EveryHours,
                });
            }
            check.Risk = p.Risk;
            if (!p.Today)
            {
                waits++;
                continue;
            }
            (check.State, check.RequestedAt, check.Day, check.Due, check.SnowEventId) = (ScheduledCheck.Requested, now, today, o.EndOfDay(now), snowEventId);
            toRequest.Add(check);
            requested++;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e)
        {
            // Another replica scheduled the same checks a moment ago; what it saved, it requests.
            logger.LogInformation(e, "Heating checks: another run saved first; this run leaves the schedule to it");
            db.ChangeTracker.Clear();
            return new Outcome(0, 0, resent);
        }
        await RequestAsync(toRequest, compounds, companies, cancellationToken);
        return new Outcome(requested, waits, resent);
    }

    /// <summary>When a check was last requested for each compound, within the longest frequency the options allow.</summary>
    async Task<Dictionary<string, DateTimeOffset>> LastRequestedAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now.AddDays(-366);
        return (await db.ScheduledChecks.AsNoTracking().Where(c => c.State == ScheduledCheck.Requested && c.RequestedAt >= since)
                .Select(c => new { c.CompoundId, c.RequestedAt }).ToListAsync(cancellationToken))
            .Where(c => c.RequestedAt is not null)
            .GroupBy(c => c.CompoundId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Max(c => c.RequestedAt!.Value), StringComparer.Ordinal);
    }

    async Task<int> ResendAsync(Dictionary<string, Compound> compounds, Dictionary<string, HeatingCompany> companies, CancellationToken cancellationToken)
    {
        var unsent = await db.ScheduledChecks.Where(c => c.State == ScheduledCheck.Requested && !c.Published).ToListAsync(cancellationToken);
        await RequestAsync(unsent, compounds, companies, cancellationToken);
        return unsent.Count;
    }

    async Task RequestAsync(List<ScheduledCheck> checks, Dictionary<string, Compound> compounds, Dictionary<string, HeatingCompany> companies,
        CancellationToken cancellationToken)
    {
        if (checks.Count == 0)
            return;
        foreach (var check in checks)
        {
            var compound = compounds.GetValueOrDefault(check.CompoundId);
            var title = $"Indoor temperature check: {(string.IsNullOrWhiteSpace(compound?.Name) ? check.CompoundId : compound.Name)}";
            await publish.Publish(new CrewTaskRequested(check.SourceKey, check.SnowEventId, TaskKind.TemperatureCheck, title,
                compound?.Geometry is { } g ? new WKTWriter().Write(g) : null, companies.GetValueOrDefault(check.CompanyId)?.Zone, check.Due,
                RequestedBy, check.CompoundId), cancellationToken);
            check.Published = true;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The stable key of the check a compound was found due for in the hour <paramref name="slot"/>.</summary>
    public static string KeyOf(string compoundId, DateTimeOffset slot)
    {
        var compound = compoundId.Length <= CompoundInKey
            ? compoundId
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(compoundId)))[..40];
        return $"{KeyPrefix}{compound}:{slot.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture)}";
    }

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static DateTimeOffset? Later(DateTimeOffset a, DateTimeOffset? b) =>
        a == default ? b : b is { } other && other > a ? other : a;
}
