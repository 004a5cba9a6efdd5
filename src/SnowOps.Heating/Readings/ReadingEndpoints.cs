using System.Security.Claims;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SnowOps.Contracts;
using SnowOps.Heating.Data;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.ServiceDefaults.Http;

namespace SnowOps.Heating.Readings;

public static class ReadingEndpoints
{
    public sealed record ReadingRequest(
        Guid? ReadingId, Guid? TaskId, string? CompoundId, List<double>? Readings, DateTimeOffset? Measured, string? Home = null);

    const int HomeLength = 64;

    public static IEndpointRouteBuilder MapReadingEndpoints(this IEndpointRouteBuilder app)
    {
        var readings = app.MapGroup("/api/heating/readings").WithTags("Heating");
        readings.MapPost("/", RecordAsync).RequireAuthorization(Policies.Crew)
            .WithSummary("Record an indoor temperature measurement (several readings; extremes dropped, the rest averaged).");
        readings.MapGet("/", ListAsync).RequireAuthorization(Policies.Watch).WithSummary("Recent measurements.");
        return app;
    }

    static async Task<IResult> RecordAsync(ReadingRequest request, ClaimsPrincipal user, IOptionsMonitor<MeasuringMethod> method,
        IPublishEndpoint publish, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.CompoundId))
            return Problems.BadRequest("compoundId is required.");
        if (request.Home?.Trim() is { Length: > HomeLength })
            return Problems.BadRequest($"home is longer than {HomeLength} characters.");
        var readings = request.Readings ?? [];
        if (method.CurrentValue.Problem(readings) is { } problem)
            return Problems.Unprocessable(problem);
        var now = clock.GetUtcNow();
        if (request.Measured > now.AddMinutes(5))
            return Problems.Unprocessable("measured lies in the future.");

        var recorded = new IndoorTemperatureRecorded(request.ReadingId ?? NewId.NextGuid(), request.TaskId, request.CompoundId.Trim(),
            readings, MeasuringMethod.Average(readings), user.Identity?.Name ?? "unknown", request.Measured ?? now,
            string.IsNullOrWhiteSpace(request.Home) ? null : request.Home.Trim());
        await publish.Publish(recorded, cancellationToken);
        return Results.Accepted($"/api/heating/readings", new { readingId = recorded.ReadingId, averageCelsius = recorded.AverageCelsius });
    }

    static async Task<IResult> ListAsync(HeatingDbContext db, CancellationToken cancellationToken)
    {
        var readings = await db.Readings.AsNoTracking().OrderByDescending(r => r.Measured).Take(500).ToListAsync(cancellationToken);
        return Results.Ok(readings);
    }
}
