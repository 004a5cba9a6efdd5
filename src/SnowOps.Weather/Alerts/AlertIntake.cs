using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NetTopologySuite.IO;
using Quartz;
using SnowOps.Contracts;
using SnowOps.Weather.Data;
using SnowOps.Weather.Zones;
using SnowOps.ServiceDefaults.Messaging.Outbox;

namespace SnowOps.Weather.Alerts;

public enum IntakeOutcome
{
    Issued,
    Updated,
    Cancelled,
    Duplicate,
    Ignored,
}

public sealed record IntakeResult(IntakeOutcome Outcome, Guid AlertId, string Detail)
{
    /// <summary>The stored alert's notes: what was repaired to accept it.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>Stores a parsed CAP alert once and tells the rest of SnowOps what changed.</summary>
public sealed class AlertIntake(WeatherDbContext db, TransactionalOutbox outbox, ZoneMatcher zones, IPublishEndpoint publish, IOptions<WeatherOptions> options, TimeProvider clock,
    ISchedulerFactory? schedulers = null)
{
    public Task<IntakeResult> AcceptAsync(CapAlert cap, string document, string contentType, CancellationToken cancellationToken) =>
        outbox.RunAsync(db, () => AcceptInUnitAsync(cap, document, contentType, cancellationToken), cancellationToken);

    async Task<IntakeResult> AcceptInUnitAsync(CapAlert cap, string document, string contentType, CancellationToken cancellationToken)
    {
        var id = AlertIds.For(cap.Sender, cap.Identifier);
        var existing = await db.Alerts.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (existing is not null)
        {
            if (!existing.Published)
                await PublishAsync(existing, cancellationToken);
            return new IntakeResult(IntakeOutcome.Duplicate, id, "This alert was already received; nothing changed.") { Notes = existing.Notes };
        }

        var referenced = await ReferencedAsync(cap, cancellationToken);
        var alert = ToAlert(id, cap, document, contentType);
        var info = PickInfo(cap.Infos);
        var match = await zones.MatchAsync(info?.Area, info?.Geocodes ?? [], cancellationToken);
        (alert.Zones, alert.Area) = (match.Codes.ToList(), match.Area);
        db.Alerts.Add(alert);

        // An Update or Cancel whose originals never arrived stands as the current alert (CAP 1.2 practice).
        alert.References = referenced.Select(r => r.Id).ToList();
        alert.Root = referenced.Count > 0 ? referenced[0].Root : alert.Id;
        var cancels = cap.MsgType.Equals("Cancel", StringComparison.OrdinalIgnoreCase);
        if (cancels)
            alert.State = AlertState.Cancelled;
        foreach (var old in referenced)
            old.State = cancels ? AlertState.Cancelled : AlertState.Superseded;

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same alert arrived twice at once and the other request stored it first.
            db.ChangeTracker.Clear();
            if (!await db.Alerts.AsNoTracking().AnyAsync(a => a.Id == id, cancellationToken))
                throw;
            return new IntakeResult(IntakeOutcome.Duplicate, id, "This alert was already received; nothing changed.");
        }
        return await PublishAsync(alert, cancellationToken) with { Notes = alert.Notes };
    }

    async Task<List<WeatherAlert>> ReferencedAsync(CapAlert cap, CancellationToken cancellationToken)
    {
        var ids = cap.References.Select(r => AlertIds.For(r.Sender, r.Identifier)).ToList();
        return ids.Count == 0 ? [] : await db.Alerts.Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken);
    }

    async Task<IntakeResult> PublishAsync(WeatherAlert alert, CancellationToken cancellationToken)
    {
        // Claimed in one statement: when the same alert arrives twice at once (a POST and a feed poll, say),
        // both may find it unpublished, and only the one whose claim succeeds sends its events.
        var claimed = await db.Alerts.Where(a => a.Id == alert.Id && !a.Published)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.Published, true), cancellationToken);
        if (claimed == 0)
            return new IntakeResult(IntakeOutcome.Duplicate, alert.Id, "This alert was already received; nothing changed.");
        IntakeResult result;
        try
        {
            result = await SendEventsAsync(alert, cancellationToken);
        }
        catch
        {
            // Released, so the next time the alert arrives its events are sent after all.
            await db.Alerts.Where(a => a.Id == alert.Id).ExecuteUpdateAsync(set => set.SetProperty(a => a.Published, false), CancellationToken.None);
            throw;
        }
        if (alert is { State: AlertState.Active, Expires: { } expires } && schedulers is not null)
            await AlertExpiry.ScheduleAsync(schedulers, alert.Id, expires, cancellationToken);
        return result;
    }

    async Task<IntakeResult> SendEventsAsync(WeatherAlert alert, CancellationToken cancellationToken)
    {
        // Exercises, tests and drafts are kept for the record but set nothing in motion.
        if (!alert.Status.Equals("Actual", StringComparison.OrdinalIgnoreCase))
            return new IntakeResult(IntakeOutcome.Ignored, alert.Id, $"Status {alert.Status}: stored, not acted on.");

        var area = alert.Area is null ? null : new WKTWriter().Write(alert.Area);
        if (alert.MsgType.Equals("Cancel", StringComparison.OrdinalIgnoreCase))
        {
            var roots = await db.Alerts.Where(a => alert.References.Contains(a.Id)).Select(a => a.Root).Distinct().ToListAsync(cancellationToken);
            foreach (var root in roots)
                await publish.Publish(new WeatherAlertCancelled(root, alert.Sent), cancellationToken);
            return new IntakeResult(IntakeOutcome.Cancelled, alert.Id, $"Cancelled {alert.References.Count} alert(s).");
        }
        if (alert.References.Count > 0)
        {
            await publish.Publish(new WeatherAlertUpdated(alert.Root, alert.Identifier, alert.Hazard, alert.Level, alert.Headline,
                area, alert.Sent, alert.Onset, alert.Expires, alert.Zones), cancellationToken);
            return new IntakeResult(IntakeOutcome.Updated, alert.Id, "Supersedes an earlier alert.");
        }
        await publish.Publish(new WeatherAlertIssued(alert.Id, alert.Identifier, alert.Sender, alert.Hazard, alert.Level, alert.Event,
            alert.Headline, alert.AreaDescription, area, alert.Sent, alert.Onset, alert.Expires, alert.Zones), cancellationToken);
        return new IntakeResult(IntakeOutcome.Issued, alert.Id, $"{alert.Hazard} {alert.Level}.");
    }

    WeatherAlert ToAlert(Guid id, CapAlert cap, string document, string contentType)
    {
        var info = PickInfo(cap.Infos);
        return new WeatherAlert
        {
            Id = id,
            Sender = cap.Sender,
            Identifier = cap.Identifier,
            Sent = cap.Sent,
            Status = cap.Status,
            MsgType = cap.MsgType,
            Hazard = info is null ? Hazard.Other : options.Value.Hazards.Classify(info),
            Level = info is null ? AlertLevel.Unknown : HazardRules.Level(info),
            Event = info?.Event ?? cap.MsgType,
            Headline = info?.Headline,
            AreaDescription = info?.AreaDescription,
            Area = info?.Area,
            Notes = info?.Notes.ToList() ?? [],
            Effective = info?.Effective ?? cap.Sent,
            Onset = info?.Onset,
            Expires = info?.Expires,
            State = AlertState.Active,
            Scope = cap.Scope,
            Source = cap.Details.Source,
            Restriction = cap.Details.Restriction,
            Addresses = cap.Details.Addresses,
            Codes = cap.Details.Codes.ToList(),
            Note = cap.Details.Note,
            Incidents = cap.Details.Incidents,
            Languages = cap.Infos.Select(i => i.Language).Distinct().ToList(),
            Language = info?.Language,
            Document = document,
            ContentType = contentType,
            Received = clock.GetUtcNow(),
        };
    }

    /// <summary>The info block in the city's language, else the first one; the document keeps the others.</summary>
    CapInfo? PickInfo(IReadOnlyList<CapInfo> infos) =>
        infos.FirstOrDefault(i => i.Language.StartsWith(options.Value.Language, StringComparison.OrdinalIgnoreCase))
        ?? infos.FirstOrDefault();
}
