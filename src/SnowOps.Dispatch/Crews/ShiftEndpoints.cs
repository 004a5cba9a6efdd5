using System.Security.Claims;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SnowOps.Dispatch.Data;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.ServiceDefaults.Http;

namespace SnowOps.Dispatch.Crews;

/// <summary>
/// Dispatchers plan who is on duty: a shift puts a crew on duty from its start to its end, with a vehicle and a zone
/// for that shift. A shift is at most a day long and never overlaps another of the same crew. Shifts that have begun
/// are the record of who was on duty: removing one that is under way ends it now, and one that is over stays.
/// </summary>
public static class ShiftEndpoints
{
    public static readonly TimeSpan Longest = TimeSpan.FromHours(24);

    /// <summary>How far ahead a shift may be planned.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(400);

    /// <summary>The widest window one listing covers.</summary>
    public static readonly TimeSpan ListWindow = TimeSpan.FromDays(92);

    public sealed record ShiftBody(string? CrewId, DateTimeOffset? Start, DateTimeOffset? End, string? VehicleId, string? Zone);

    public static IEndpointRouteBuilder MapShiftEndpoints(this IEndpointRouteBuilder app)
    {
        var shifts = app.MapGroup("/api/shifts").WithTags("Crews");
        shifts.MapGet("/", ListAsync).RequireAuthorization(Policies.Watch)
            .WithSummary("Shifts that overlap ?from=&to= (default: from a day ago, two weeks on), optionally of one ?crewId=.");
        shifts.MapPost("/", PlanAsync).RequireAuthorization(Policies.Dispatch)
            .WithSummary("Plan a shift: { crewId, start, end, vehicleId?, zone? }; at most 24 h, not overlapping another of the crew's.");
        shifts.MapDelete("/{id:guid}", RemoveAsync).RequireAuthorization(Policies.Dispatch)
            .WithSummary("Remove a planned shift; one under way ends now; one that is over stays on record.");
        return app;
    }

    static async Task<IResult> ListAsync(string? crewId, DateTimeOffset? from, DateTimeOffset? to, DispatchDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var start = (from ?? clock.GetUtcNow().AddDays(-1)).ToUniversalTime();
        var end = (to ?? start.AddDays(14)).ToUniversalTime();
        if (end <= start)
            return Problems.BadRequest("to must come after from.");
        if (end - start > ListWindow)
            return Problems.BadRequest($"from and to may be at most {ListWindow.TotalDays:0} days apart.");
        var query = db.Shifts.AsNoTracking().Where(s => s.End > start && s.Start < end);
        if (!string.IsNullOrEmpty(crewId))
            query = query.Where(s => s.CrewId == crewId);
        var shifts = await query.ToListAsync(cancellationToken);
        return Results.Ok(shifts.OrderBy(s => s.Start).ThenBy(s => s.CrewId, StringComparer.Ordinal).Select(View));
    }

    static async Task<IResult> PlanAsync(ShiftBody? body, ClaimsPrincipal user, DispatchDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (body is null || string.IsNullOrWhiteSpace(body.CrewId))
            return Problems.BadRequest("crewId is required: { crewId, start, end, vehicleId?, zone? }.");
        if (body.Start?.ToUniversalTime() is not { } start || body.End?.ToUniversalTime() is not { } end)
            return Problems.BadRequest("start and end are required, e.g. \"2026-01-10T06:00:00+01:00\".");
        if (Blank(body.VehicleId)?.Length > CrewEndpoints.MaxRef || Blank(body.Zone)?.Length > CrewEndpoints.MaxRef)
            return Problems.BadRequest($"vehicleId and zone are at most {CrewEndpoints.MaxRef} characters.");
        var now = clock.GetUtcNow();
        if (end <= start)
            return Problems.Unprocessable("end must come after start.");
        if (end - start > Longest)
            return Problems.Unprocessable($"A shift is at most {Longest.TotalHours:0} h long; plan two shifts for a longer watch.");
        if (end <= now)
            return Problems.Unprocessable("The shift would be over already: plan shifts that end in the future.");
        if (start > now + Horizon)
            return Problems.Unprocessable($"Shifts are planned at most {Horizon.TotalDays:0} days ahead.");

        var crewId = body.CrewId.Trim();
        var crew = await db.Crews.FirstOrDefaultAsync(c => c.Id == crewId, cancellationToken);
        if (crew is null)
            return Problems.Unprocessable($"There is no crew '{crewId}' on the roster.");
        if (crew.Retired)
            return Problems.Unprocessable($"Crew '{crewId}' is retired and gets no shifts.");
        var overlapping = await db.Shifts.AsNoTracking()
            .Where(s => s.CrewId == crewId && s.End > start && s.Start < end)
            .OrderBy(s => s.Start)
            .FirstOrDefaultAsync(cancellationToken);
        if (overlapping is not null)
            return Problems.Unprocessable($"Crew '{crewId}' already has a shift from {overlapping.Start:u} to {overlapping.End:u} (id {overlapping.Id}).");
        if ((Blank(body.VehicleId) ?? crew.VehicleId) is { } vehicle)
        {
            // One vehicle, one crew at a time: another crew's shift in the same vehicle (its own, or its crew's) may not overlap.
            var others = await db.Shifts.AsNoTracking().Where(s => s.CrewId != crewId && s.End > start && s.Start < end).ToListAsync(cancellationToken);
            var vehicles = await db.Crews.AsNoTracking().Where(c => others.Select(o => o.CrewId).Contains(c.Id))
                .ToDictionaryAsync(c => c.Id, c => c.VehicleId, cancellationToken);
            var clash = others.FirstOrDefault(o => (o.VehicleId ?? vehicles.GetValueOrDefault(o.CrewId)) == vehicle);
            if (clash is not null)
                return Problems.Unprocessable($"Vehicle '{vehicle}' is crewed by '{clash.CrewId}' from {clash.Start:u} to {clash.End:u} (shift {clash.Id}).");
        }

        var shift = new Shift
        {
            Id = NewId.NextGuid(),
            CrewId = crewId,
            Start = start,
            End = end,
            VehicleId = Blank(body.VehicleId),
            Zone = Blank(body.Zone),
            CreatedBy = user.Identity?.Name ?? "unknown",
        };
        db.Shifts.Add(shift);
        // The crew's version moves with its shifts: two dispatchers planning overlapping shifts at once leave one of them.
        crew.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict($"Crew '{crewId}' or its shifts changed at the same moment; look at its shifts again and retry.");
        }
        return Results.Created($"/api/shifts/{shift.Id}", View(shift));
    }

    static async Task<IResult> RemoveAsync(Guid id, DispatchDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var shift = await db.Shifts.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (shift is null)
            return Problems.NotFound($"No shift {id}.");
        var now = clock.GetUtcNow();
        if (shift.End <= now)
            return Problems.Conflict($"Shift {id} ended at {shift.End:u}; it stays as the record of who was on duty.");
        var outcome = shift.Start > now ? "removed" : "ended";
        if (shift.Start > now)
            db.Shifts.Remove(shift);
        else
            shift.End = now;
        await db.SaveChangesAsync(cancellationToken);
        return Results.Ok(new { id, outcome, crewId = shift.CrewId, shift.Start, shift.End });
    }

    static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static object View(Shift s) => new { s.Id, s.CrewId, s.Start, s.End, s.VehicleId, s.Zone, s.CreatedBy };
}
