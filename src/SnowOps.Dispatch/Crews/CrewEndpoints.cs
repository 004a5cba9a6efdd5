using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Dispatch.Data;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.ServiceDefaults.Http;

namespace SnowOps.Dispatch.Crews;

/// <summary>
/// The roster: who the crews are, what they take, where they work and what they drive, and who is on duty now.
/// A crew taken off the roster is retired, never deleted, so the tasks it did keep naming it.
/// </summary>
public static partial class CrewEndpoints
{
    public const int MaxName = 128;
    public const int MaxRef = 64;

    /// <summary>The on-duty list's path under /api/crews, which no crew id may take.</summary>
    const string OnDutyPath = "on-duty";

    public sealed record CrewBody(string? Name, List<string>? Kinds, string? Zone, string? VehicleId, bool? AlwaysOnDuty);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex IdPattern();

    public static IEndpointRouteBuilder MapCrewEndpoints(this IEndpointRouteBuilder app)
    {
        var crews = app.MapGroup("/api/crews").WithTags("Crews");
        crews.MapGet("/", ListAsync).RequireAuthorization(Policies.Watch)
            .WithSummary("The roster: every crew with its kinds, zone, vehicle, and whether it is on duty now (with its current shift).");
        crews.MapGet("/" + OnDutyPath, OnDutyAsync).RequireAuthorization(Policies.Watch)
            .WithSummary("Who is on duty now: the vehicle and zone of each crew's current shift, and its open tasks.");
        crews.MapGet("/{id}", GetAsync).RequireAuthorization(Policies.Watch).WithSummary("One crew.");
        crews.MapPut("/{id}", PutAsync).RequireAuthorization(Policies.Administer)
            .WithSummary("Add or change a crew: { name, kinds, zone?, vehicleId?, alwaysOnDuty }.");
        crews.MapDelete("/{id}", RetireAsync).RequireAuthorization(Policies.Administer)
            .WithSummary("Take a crew off the roster: it gets no new work and keeps its history.");
        return app;
    }

    static async Task<IResult> ListAsync(DispatchDbContext db, CrewAssigner assigner, CancellationToken cancellationToken)
    {
        var crews = await db.Crews.AsNoTracking().ToListAsync(cancellationToken);
        var onDuty = (await assigner.OnDutyAsync(cancellationToken)).ToDictionary(d => d.Crew.Id, StringComparer.Ordinal);
        return Results.Ok(crews
            .OrderBy(c => c.Retired)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .Select(c => View(c, onDuty.GetValueOrDefault(c.Id))));
    }

    static async Task<IResult> GetAsync(string id, DispatchDbContext db, CrewAssigner assigner, CancellationToken cancellationToken)
    {
        var crew = await db.Crews.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (crew is null)
            return Problems.NotFound($"No crew '{id}'.");
        var duty = (await assigner.OnDutyAsync(cancellationToken)).FirstOrDefault(d => d.Crew.Id == id);
        return Results.Ok(View(crew, duty));
    }

    static async Task<IResult> OnDutyAsync(CrewAssigner assigner, CancellationToken cancellationToken)
    {
        var onDuty = await assigner.OnDutyAsync(cancellationToken);
        return Results.Ok(onDuty.Select(d => new
        {
            crewId = d.Crew.Id,
            d.Crew.Name,
            kinds = d.Crew.Kinds.Select(k => k.ToString()),
            d.VehicleId,
            d.Zone,
            standing = d.Shift is null,
            shiftId = d.Shift?.Id,
            shiftEnds = d.Shift?.End,
            openTasks = assigner.OpenTasks(d.Crew.Id),
        }));
    }

    static async Task<IResult> PutAsync(string id, CrewBody? body, DispatchDbContext db, CrewAssigner assigner, CancellationToken cancellationToken)
    {
        if (!IdPattern().IsMatch(id) || id == OnDutyPath)
            return Problems.BadRequest($"The crew id is 1 to 64 of A-Z, a-z, 0-9, '.', '_', '-', starting with a letter or digit (not '{OnDutyPath}').");
        if (body is null)
            return Problems.BadRequest("A body is required: { name, kinds, zone?, vehicleId?, alwaysOnDuty }.");
        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Trim().Length > MaxName)
            return Problems.BadRequest($"name is required (at most {MaxName} characters).");
        if (Blank(body.Zone)?.Length > MaxRef || Blank(body.VehicleId)?.Length > MaxRef)
            return Problems.BadRequest($"zone and vehicleId are at most {MaxRef} characters.");
        var kinds = new List<TaskKind>();
        foreach (var name in body.Kinds ?? [])
        {
            if (EnumNames.Parse<TaskKind>(name) is not { } kind)
                return Problems.BadRequest($"Unknown kind '{name}'; kinds are {string.Join(", ", Enum.GetNames<TaskKind>())} (none: any kind).");
            if (!kinds.Contains(kind))
                kinds.Add(kind);
        }

        var crew = await db.Crews.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        var created = crew is null;
        if (crew is null)
        {
            crew = new Crew { Id = id, Name = "" };
            db.Crews.Add(crew);
        }
        else if (crew.Retired)
            return Problems.Unprocessable($"Crew '{id}' is retired and its history stays under that id; put the crew on the roster under another id.");
        else
            crew.Version++;
        (crew.Name, crew.Kinds, crew.Zone, crew.VehicleId, crew.AlwaysOnDuty) =
            (body.Name.Trim(), kinds, Blank(body.Zone), Blank(body.VehicleId), body.AlwaysOnDuty ?? false);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict($"Crew '{id}' was changed by someone else at the same moment; read it again and retry.");
        }
        var duty = (await assigner.OnDutyAsync(cancellationToken)).FirstOrDefault(d => d.Crew.Id == id);
        return created ? Results.Created($"/api/crews/{id}", View(crew, duty)) : Results.Ok(View(crew, duty));
    }

    static async Task<IResult> RetireAsync(string id, DispatchDbContext db, CancellationToken cancellationToken)
    {
        var crew = await db.Crews.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (crew is null)
            return Problems.NotFound($"No crew '{id}'.");
        if (!crew.Retired)
        {
            crew.Retired = true;
            crew.Version++;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Problems.Conflict($"Crew '{id}' was changed by someone else at the same moment; read it again and retry.");
            }
        }
        // The crew's unanswered and running work stays with it: the dispatcher sees how much there is to hand on.
        var open = await db.Tasks.CountAsync(t => t.CrewId == id
            && (t.State == TaskState.Assigned || t.State == TaskState.Accepted || t.State == TaskState.Started), cancellationToken);
        return Results.Ok(new { id, retired = true, openTasks = open });
    }

    static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static object View(Crew c, CrewAssigner.OnDuty? duty) => new
    {
        c.Id,
        c.Name,
        kinds = c.Kinds.Select(k => k.ToString()),
        c.Zone,
        c.VehicleId,
        c.AlwaysOnDuty,
        c.Retired,
        c.Version,
        onDuty = duty is not null,
        shift = duty?.Shift is { } s ? ShiftEndpoints.View(s) : null,
    };
}
