using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Dispatch.Data;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.ServiceDefaults.Http;

namespace SnowOps.Dispatch.Tasks;

/// <summary>Reading crew tasks across snow events and standing work: the list with its filters, and one task.</summary>
public static class TaskEndpoints
{
    public static IEndpointRouteBuilder MapTaskEndpoints(this IEndpointRouteBuilder app)
    {
        var tasks = app.MapGroup("/api/tasks").WithTags("Tasks");
        tasks.MapGet("/", ListAsync).RequireAuthorization(Policies.Watch)
            .WithSummary("Tasks, soonest due first; filter by ?snowEventId=&state=Assigned,Escalated&kind=&crewId=&overdue=true&limit= (default 200, at most 1000).");
        tasks.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Policies.Watch).WithSummary("One task.");
        TaskCommands.Map(tasks);
        return app;
    }

    static async Task<IResult> ListAsync(string? snowEventId, string? state, string? kind, string? crewId, string? overdue, string? limit,
        DispatchDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (filter, problem) = TaskFilter.Parse(snowEventId, state, kind, crewId, overdue, limit);
        if (filter is null)
            return Problems.BadRequest(problem!);
        var query = db.Tasks.AsNoTracking();
        if (filter.SnowEventId is { } eventId)
            query = query.Where(t => t.SnowEventId == eventId);
        if (filter.States.Count > 0)
        {
            var states = filter.States.ToList();
            query = query.Where(t => states.Contains(t.State));
        }
        if (filter.Kind is { } k)
            query = query.Where(t => t.Kind == k);
        if (filter.CrewId is { } crew)
            query = query.Where(t => t.CrewId == crew);
        if (filter.Overdue is { } wanted)
        {
            var now = clock.GetUtcNow();
            query = wanted
                ? query.Where(t => t.Due < now && t.State != TaskState.Completed && t.State != TaskState.Cancelled)
                : query.Where(t => t.Due == null || t.Due >= now || t.State == TaskState.Completed || t.State == TaskState.Cancelled);
        }
        var found = await query
            .OrderBy(t => t.Due == null).ThenBy(t => t.Due).ThenBy(t => t.Assigned).ThenBy(t => t.Id)
            .Take(filter.Limit)
            .ToListAsync(cancellationToken);
        return Results.Ok(found.Select(TaskView.Of));
    }

    static async Task<IResult> GetAsync(Guid id, DispatchDbContext db, CancellationToken cancellationToken)
    {
        var task = await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        return task is null ? Problems.NotFound($"No task {id}.") : Results.Ok(TaskView.Of(task));
    }
}
