using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace SnowOps.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// An HTTP command as one unit of work of its module (<see cref="TransactionalOutbox"/>): what it changes in
/// <typeparamref name="TContext"/> and what it publishes commit together, so a command that was answered is sent, even
/// when the broker is away for a while; a command that fails or is answered with a problem keeps and sends nothing.
/// </summary>
public sealed class UnitOfWorkFilter<TContext> : IEndpointFilter where TContext : DbContext
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var services = context.HttpContext.RequestServices;
        var db = services.GetRequiredService<TContext>();
        var outbox = services.GetRequiredService<TransactionalOutbox>();
        object? result = null;
        await outbox.RunAsync(db, async () =>
        {
            result = await next(context);
            if (result is IStatusCodeHttpResult { StatusCode: >= 400 })
                OutboxSession.Current?.Abandon();
        }, context.HttpContext.RequestAborted);
        return result;
    }
}

public static class UnitOfWorkEndpoints
{
    /// <summary>Runs the endpoint as one unit of work of the module whose database is <typeparamref name="TContext"/>.</summary>
    public static RouteHandlerBuilder InUnitOfWork<TContext>(this RouteHandlerBuilder builder) where TContext : DbContext =>
        builder.AddEndpointFilter<RouteHandlerBuilder, UnitOfWorkFilter<TContext>>();
}
