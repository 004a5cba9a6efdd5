using System.Security.Claims;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SnowOps.Contracts;
using SnowOps.Heating.Data;
using SnowOps.Heating.Deficiencies;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.ServiceDefaults.Http;
using SnowOps.ServiceDefaults.Messaging.Outbox;

namespace SnowOps.Heating.Readings;

public static class ReadingEndpoints
{
    /// <param name="Exclusions">What made the measurement invalid by the method, e.g. ["window-open"]; kept, and the measurement is not counted.</param>
    public sealed record ReadingRequest(
        Guid? ReadingId, Guid? TaskId, string? CompoundId, List<double>? Readings, DateTimeOffset? Measured, string? Home = null,
        List<string?>? Exclusions = null);

    const int HomeLength = 64;

    public static IEndpointRouteBuilder MapReadingEndpoints(this IEndpointRouteBuilder app)
    {
        var readings = app.MapGroup("/api/heating/readings").WithTags("Heating");
        readings.MapPost("/", RecordAsync).InUnitOfWork<HeatingDbContext>().RequireAuthorization(Policies.Crew)
            .WithSummary("Record an indoor temperature measurement (several readings; extremes dropped, the rest averaged). "
                + "The same readingId again is a no-op answered 200 with the measurement kept.");
        readings.MapGet("/", ListAsync).RequireAuthorization(Policies.Watch).WithSummary("Recent measurements.");
        return app;
    }

    static async Task<IResult> RecordAsync(ReadingRequest request, ClaimsPrincipal user, IOptionsMonitor<MeasuringMethod> method,
        HeatingDbContext db, ReadingJudge judge, IPublishEndpoint publish, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.CompoundId))
            return Problems.BadRequest("compoundId is required.");
        if (request.Home?.Trim() is { Length: > HomeLength })
            return Problems.BadRequest($"home is longer than {HomeLength} characters.");
        if (Exclusions.Problem(request.Exclusions) is { } badExclusions)
            return Problems.BadRequest(badExclusions);
        var readings = request.Readings ?? [];
        if (method.CurrentValue.Problem(readings) is { } problem)
            return Problems.Unprocessable(problem);
        var now = clock.GetUtcNow();
        if (request.Measured > now.AddMinutes(5))
            return Problems.Unprocessable("measured lies in the future.");
        if (request.ReadingId is { } id && await db.Readings.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken) is { } kept)
            return Results.Ok(Answer(kept, duplicate: true));

        var compoundId = request.CompoundId.Trim();
        if (!await db.Compounds.AnyAsync(c => c.CompoundId == compoundId, cancellationToken))
            return Problems.Unprocessable($"Unknown compound '{compoundId}': it is not in the registry.");
        if (request.TaskId is { } taskId)
        {
            var task = await db.HeatingTasks.AsNoTracking().FirstOrDefaultAsync(t => t.TaskId == taskId, cancellationToken);
            if (TaskTracker.ChecksAnotherCompound(task, compoundId))
                return Problems.Unprocessable($"Task {taskId} checks compound '{task!.SubjectId}', not '{compoundId}'.");
        }

        var recorded = new IndoorTemperatureRecorded(request.ReadingId ?? NewId.NextGuid(), request.TaskId, compoundId,
            readings, MeasuringMethod.Average(readings), user.Identity?.Name ?? "unknown", request.Measured ?? now,
            string.IsNullOrWhiteSpace(request.Home) ? null : request.Home.Trim(), Exclusions.Normalise(request.Exclusions) is { Count: > 0 } named ? named : null);
        var judged = new TemperatureReading
        {
            Id = recorded.ReadingId,
            CompoundId = compoundId,
            InspectorId = recorded.InspectorId,
            AverageCelsius = recorded.AverageCelsius,
            Measured = recorded.Measured,
            Exclusions = [.. recorded.Exclusions ?? []],
        };
        judge.Judge(judged, null);
        await publish.Publish(recorded, cancellationToken);
        return Results.Accepted($"/api/heating/readings", Answer(judged, duplicate: false));
    }

    static object Answer(TemperatureReading reading, bool duplicate) => new
    {
        readingId = reading.Id,
        averageCelsius = reading.AverageCelsius,
        reading.Counted,
        reading.BelowStandard,
        reading.StandardCelsius,
        reading.AtNight,
        reading.Exclusions,
        reading.Verdict,
        duplicate,
    };

    static async Task<IResult> ListAsync(HeatingDbContext db, CancellationToken cancellationToken)
    {
        var readings = await db.Readings.AsNoTracking().OrderByDescending(r => r.Measured).Take(500).ToListAsync(cancellationToken);
        return Results.Ok(readings);
    }
}
