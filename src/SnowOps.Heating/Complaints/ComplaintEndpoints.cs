using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SnowOps.Heating.Data;
using SnowOps.Heating.Registry;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.ServiceDefaults.Http;

namespace SnowOps.Heating.Complaints;

/// <summary>
/// Complaint intake from hotlines (Open311 GeoReport v2 style, JSON or form-encoded), the list of complaints a person
/// must match, assigning one by hand, and the complaints and counts per compound.
/// </summary>
public static class ComplaintEndpoints
{
    const long MaxBody = 64 * 1024;

    public sealed record AssignBody(string? CompoundId);

    public static IEndpointRouteBuilder MapComplaintEndpoints(this IEndpointRouteBuilder app)
    {
        var complaints = app.MapGroup("/api/heating/complaints").WithTags("Heating");
        complaints.MapPost("/", IntakeAsync).RequireAuthorization(Policies.SubmitComplaints)
            .Accepts<JsonElement>(false, "application/json", "application/x-www-form-urlencoded")
            .WithSummary("Hand in a complaint (Open311 style: service_request_id, service_code, description, lat, long, address_string, "
                + "requested_datetime, source). The same source and service_request_id again answers 200 with the complaint already kept.");
        complaints.MapGet("/", ListAsync).RequireAuthorization(Policies.Watch)
            .WithSummary("Complaints, newest first (?unmatched=true for those a person must assign; ?compound; ?page, ?pageSize).");
        complaints.MapGet("/counts", CountsAsync).RequireAuthorization(Policies.Watch)
            .WithSummary("Complaints per compound over the rolling window (SnowOps:Heating:ComplaintWindowDays).");
        complaints.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Policies.Watch).WithSummary("One complaint.");
        complaints.MapPost("/{id:guid}/assign", AssignAsync).RequireAuthorization(Policies.Dispatch)
            .WithSummary("Say which compound a complaint is about: { compoundId }.");
        app.MapGet("/api/heating/compounds/{id}/complaints", ForCompoundAsync).WithTags("Heating").RequireAuthorization(Policies.Watch)
            .WithSummary("A compound's complaints, newest first (?page, ?pageSize).");
        return app;
    }

    static async Task<IResult> IntakeAsync(HttpRequest request, ClaimsPrincipal user, HeatingDbContext db, ComplaintMatcher matcher,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var (row, readProblem) = await ReadAsync(request, cancellationToken);
        if (row is null)
            return readProblem!;
        var (complaint, status, problem) = ComplaintRequest.From(row, user.Identity?.Name ?? "unknown");
        if (complaint is null)
            return status == 400 ? Problems.BadRequest(problem!) : Problems.Unprocessable(problem!);
        var now = clock.GetUtcNow();
        if (complaint.Requested > now.AddMinutes(5))
            return Problems.Unprocessable("requested_datetime lies in the future.");

        if (await FindAsync(db, complaint, cancellationToken) is { } existing)
            return Results.Ok(View(existing));
        var match = await matcher.MatchAsync(complaint.Latitude, complaint.Longitude, complaint.Address, cancellationToken);
        var kept = new Complaint
        {
            Id = Guid.CreateVersion7(now),
            Source = complaint.Source,
            ServiceRequestId = complaint.ServiceRequestId,
            ServiceCode = complaint.ServiceCode,
            Description = complaint.Description,
            Latitude = complaint.Latitude,
            Longitude = complaint.Longitude,
            Address = complaint.Address,
            Requested = complaint.Requested ?? now,
            Received = now,
            CompoundId = match.CompoundId,
            MatchedBy = match.By,
            NeedsPerson = match.CompoundId is null,
        };
        db.Complaints.Add(kept);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same request came twice at once and the other one was kept first.
            if (await FindAsync(db, complaint, cancellationToken, fresh: true) is { } raced)
                return Results.Ok(View(raced));
            throw;
        }
        return Results.Created($"/api/heating/complaints/{kept.Id}", View(kept));
    }

    static async Task<(ImportRow? Row, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (request.ContentLength > MaxBody)
            return (null, Problems.TooLarge($"A complaint is at most {MaxBody} bytes."));
        if (mediaType == "application/x-www-form-urlencoded")
        {
            var body = await BoundedBody.ReadAsync(request, MaxBody, cancellationToken);
            if (body is null)
                return (null, Problems.TooLarge($"A complaint is at most {MaxBody} bytes."));
            var form = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(System.Text.Encoding.UTF8.GetString(body));
            return (new ImportRow(1, form.ToDictionary(f => ImportRow.Normalise(f.Key), f => (string?)f.Value.ToString())), null);
        }
        if (mediaType is not ("application/json" or null))
            return (null, Problems.UnsupportedMediaType("Send a complaint as application/json or application/x-www-form-urlencoded."));
        var json = await BoundedBody.ReadAsync(request, MaxBody, cancellationToken);
        if (json is null)
            return (null, Problems.TooLarge($"A complaint is at most {MaxBody} bytes."));
        try
        {
            var file = ImportReaders.Json(json);
            return file.Rows is [var row] && file.Problems.Count == 0
                ? (row, null)
                : (null, Problems.BadRequest("Send one complaint as one JSON object."));
        }
        catch (JsonException e)
        {
            return (null, Problems.BadRequest(e.Message, "The body is not JSON"));
        }
    }

    static async Task<Complaint?> FindAsync(HeatingDbContext db, ComplaintRequest request, CancellationToken cancellationToken, bool fresh = false)
    {
        if (fresh)
            db.ChangeTracker.Clear();
        return await db.Complaints.AsNoTracking()
            .FirstOrDefaultAsync(c => c.Source == request.Source && c.ServiceRequestId == request.ServiceRequestId, cancellationToken);
    }

    static async Task<IResult> ListAsync(bool? unmatched, string? compound, int? page, int? pageSize, HeatingDbContext db,
        CancellationToken cancellationToken)
    {
        if (Paging.Problem(page, pageSize) is { } problem)
            return problem;
        var query = db.Complaints.AsNoTracking();
        if (unmatched is { } needsPerson)
            query = query.Where(c => c.NeedsPerson == needsPerson);
        if (compound is not null)
            query = query.Where(c => c.CompoundId == compound);
        return Results.Ok(await Paging.PageAsync(query.OrderByDescending(c => c.Requested).ThenBy(c => c.Id), page, pageSize, View, cancellationToken));
    }

    static async Task<IResult> ForCompoundAsync(string id, int? page, int? pageSize, HeatingDbContext db, CancellationToken cancellationToken)
    {
        if (Paging.Problem(page, pageSize) is { } problem)
            return problem;
        if (!await db.Compounds.AnyAsync(c => c.CompoundId == id, cancellationToken))
            return Problems.NotFound($"No compound '{id}'.");
        var query = db.Complaints.AsNoTracking().Where(c => c.CompoundId == id).OrderByDescending(c => c.Requested).ThenBy(c => c.Id);
        return Results.Ok(await Paging.PageAsync(query, page, pageSize, View, cancellationToken));
    }

    static async Task<IResult> CountsAsync(ComplaintCounts counts, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return Results.Ok(new { since = now - counts.Window, until = now, counts = await counts.PerCompoundAsync(now, cancellationToken) });
    }

    static async Task<IResult> GetAsync(Guid id, HeatingDbContext db, CancellationToken cancellationToken) =>
        await db.Complaints.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is { } complaint
            ? Results.Ok(View(complaint))
            : Problems.NotFound($"No complaint '{id}'.");

    static async Task<IResult> AssignAsync(Guid id, AssignBody? body, ClaimsPrincipal user, HeatingDbContext db, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body?.CompoundId))
            return Problems.BadRequest("A body is required: { compoundId }.");
        var complaint = await db.Complaints.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (complaint is null)
            return Problems.NotFound($"No complaint '{id}'.");
        var compoundId = body.CompoundId.Trim();
        if (!await db.Compounds.AnyAsync(c => c.CompoundId == compoundId, cancellationToken))
            return Problems.Unprocessable($"No compound '{compoundId}' to assign the complaint to.");
        (complaint.CompoundId, complaint.MatchedBy, complaint.NeedsPerson, complaint.AssignedBy) =
            (compoundId, ComplaintMatch.Person, false, user.Identity?.Name ?? "unknown");
        await db.SaveChangesAsync(cancellationToken);
        return Results.Ok(View(complaint));
    }

    public static object View(Complaint c) => new
    {
        id = c.Id,
        source = c.Source,
        service_request_id = c.ServiceRequestId,
        service_code = c.ServiceCode,
        description = c.Description,
        lat = c.Latitude,
        @long = c.Longitude,
        address_string = c.Address,
        requested_datetime = c.Requested,
        received = c.Received,
        compoundId = c.CompoundId,
        matchedBy = c.MatchedBy.ToString(),
        needsPerson = c.NeedsPerson,
        assignedBy = c.AssignedBy,
        firstCheckedAt = c.FirstCheckedAt,
    };
}
