using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SnowOps.Dispatch.Data;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.ServiceDefaults.Http;

namespace SnowOps.Dispatch.Plans;

/// <summary>
/// The city's snow plans: read by anyone watching the operation, edited by an administrator. An edit adds a version;
/// events already proposed keep the version they started with.
/// </summary>
public static class PlanEndpoints
{
    public const long MaxPlanBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapPlanEndpoints(this IEndpointRouteBuilder app)
    {
        var plans = app.MapGroup("/api/plans").WithTags("Snow plans");
        plans.MapGet("/", ListAsync).RequireAuthorization(Policies.Watch).WithSummary("The latest version of every plan template.");
        plans.MapGet("/{name}", GetAsync).RequireAuthorization(Policies.Watch).WithSummary("The latest version of one plan.");
        plans.MapGet("/{name}/versions", VersionsAsync).RequireAuthorization(Policies.Watch).WithSummary("Every version of a plan, newest first.");
        plans.MapGet("/{name}/versions/{version:int}", VersionAsync).RequireAuthorization(Policies.Watch).WithSummary("One version of a plan.");
        plans.MapPut("/{name}", SaveAsync).RequireAuthorization(Policies.Administer)
            .WithSummary("Save a plan as its next version (If-Match: the version edited, to refuse a lost update).");
        plans.MapDelete("/{name}", RetireAsync).RequireAuthorization(Policies.Administer)
            .WithSummary("Retire a plan: it is no longer proposed for new warnings; its versions stay.");
        return app;
    }

    static async Task<IResult> ListAsync(PlanStore store, CancellationToken cancellationToken) =>
        Results.Ok((await store.LatestAsync(cancellationToken)).Select(c => View(c.Row, c.Plan)));

    static async Task<IResult> GetAsync(string name, PlanStore store, CancellationToken cancellationToken)
    {
        var current = (await store.LatestAsync(cancellationToken)).FirstOrDefault(c => c.Plan.Name == name);
        return current is null ? Problems.NotFound($"No plan '{name}'.") : Results.Ok(View(current.Row, current.Plan));
    }

    static async Task<IResult> VersionsAsync(string name, DispatchDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Plans.AsNoTracking().Where(p => p.Name == name).OrderByDescending(p => p.Version).ToListAsync(cancellationToken);
        return rows.Count == 0
            ? Problems.NotFound($"No plan '{name}'.")
            : Results.Ok(rows.Select(r => new { r.Name, r.Version, r.CreatedBy, r.Created, r.Retired }));
    }

    static async Task<IResult> VersionAsync(string name, int version, DispatchDbContext db, CancellationToken cancellationToken)
    {
        var row = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Name == name && p.Version == version, cancellationToken);
        return row is null ? Problems.NotFound($"Plan '{name}' has no version {version}.") : Results.Ok(View(row, PlanStore.Read(row.Body)));
    }

    static async Task<IResult> SaveAsync(string name, HttpRequest request, ClaimsPrincipal user, PlanStore store, CancellationToken cancellationToken)
    {
        if (request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxPlanBytes + 1;
        var body = await BoundedBody.ReadAsync(request, MaxPlanBytes, cancellationToken);
        if (body is null)
            return Problems.TooLarge($"A plan is at most {MaxPlanBytes} bytes.");
        int? expected = null;
        if (request.Headers.IfMatch.FirstOrDefault() is { } ifMatch)
        {
            if (!int.TryParse(ifMatch.Trim('"', 'W', '/'), out var v))
                return Problems.BadRequest("If-Match must be the plan version edited, e.g. \"3\".");
            expected = v;
        }
        PlanTemplate? plan;
        try
        {
            plan = JsonSerializer.Deserialize<PlanTemplate>(body, PlanStore.Json);
        }
        catch (JsonException e)
        {
            return Problems.BadRequest($"The body is not a plan: {e.Message}");
        }
        if (plan is null)
            return Problems.BadRequest("The body is empty.");
        if (plan.Name.Length == 0)
            plan.Name = name;
        if (plan.Name != name)
            return Problems.Unprocessable($"The plan in the body is named '{plan.Name}', the address names '{name}'.");
        var errors = PlanValidator.Check(plan);
        if (errors.Count > 0)
            return Results.Problem($"The plan is not valid: {string.Join("; ", errors)}.", statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "The request cannot be carried out", extensions: new Dictionary<string, object?> { ["errors"] = errors });
        var saved = await store.SaveAsync(plan, expected, user.Identity?.Name ?? "unknown", cancellationToken);
        if (saved is null)
            return Problems.Conflict(expected is { } e2
                ? $"Plan '{name}' is no longer at version {e2}: someone saved it meanwhile. Reload it and edit again."
                : $"Plan '{name}' was saved by someone else at the same moment. Reload it and edit again.");
        request.HttpContext.Response.Headers.ETag = $"\"{saved.Version}\"";
        return Results.Created($"/api/plans/{name}/versions/{saved.Version}", View(saved, plan));
    }

    static async Task<IResult> RetireAsync(string name, ClaimsPrincipal user, DispatchDbContext db, CancellationToken cancellationToken)
    {
        var latest = await db.Plans.Where(p => p.Name == name).OrderByDescending(p => p.Version).FirstOrDefaultAsync(cancellationToken);
        if (latest is null)
            return Problems.NotFound($"No plan '{name}'.");
        if (latest.Retired)
            return Problems.Conflict($"Plan '{name}' is already retired.");
        latest.Retired = true;
        await db.SaveChangesAsync(cancellationToken);
        return Results.Ok(new { name, version = latest.Version, retired = true, by = user.Identity?.Name });
    }

    static object View(PlanVersion row, PlanTemplate plan) =>
        new { row.Name, row.Version, row.CreatedBy, row.Created, row.Retired, plan };
}
