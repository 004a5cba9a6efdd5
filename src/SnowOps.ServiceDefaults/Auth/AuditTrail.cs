using System.Diagnostics;
using MassTransit;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SnowOps.Contracts;
using SnowOps.ServiceDefaults.Hosting;

namespace SnowOps.ServiceDefaults.Auth;

/// <summary>
/// Who asked for what change and what they were answered: every POST, PUT, PATCH or DELETE by a caller with a valid token,
/// allowed or refused, goes on the bus as <see cref="ActionAudited"/> once it is answered (Status keeps the trail).
/// It runs after authentication and before authorization, so a refusal (403) is recorded too. Calls without a token
/// (401, and the bot's webhooks, which prove themselves with their own secret) carry no one to name.
/// </summary>
public sealed class AuditTrail(RequestDelegate next, SnowOpsSettings settings, TimeProvider clock, ILogger<AuditTrail> logger)
{
    static readonly HashSet<string> Changes = new(StringComparer.OrdinalIgnoreCase) { "POST", "PUT", "PATCH", "DELETE" };

    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        var user = context.User;
        if (!Changes.Contains(context.Request.Method) || user.Identity?.IsAuthenticated != true)
            return;
        if (context.RequestServices.GetService<IBus>() is not { } bus)
            return;

        var entry = new ActionAudited(NewId.NextGuid(), user.FindFirst(TokenIssuer.NameClaim)?.Value ?? "?",
            user.FindAll(TokenIssuer.RoleClaim).Select(c => c.Value).ToList(), context.Request.Method.ToUpperInvariant(),
            context.Request.Path.Value ?? "/", context.Response.StatusCode, clock.GetUtcNow(), settings.Modules,
            Activity.Current?.TraceId.ToString());
        try
        {
            // The answer has gone; the entry must not hold up or fail the request.
            await bus.Publish(entry, context.RequestAborted.IsCancellationRequested ? CancellationToken.None : context.RequestAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not record {Who}'s {Method} {Path} ({Status}) on the audit trail", entry.Who, entry.Method, entry.Path, entry.Status);
        }
    }
}
