using MassTransit;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SnowOps.ServiceDefaults.Messaging.Outbox;

namespace SnowOps.ServiceDefaults.Messaging;

/// <summary>
/// Keeps saga instances in a module's own EF Core context (SQLite or PostgreSQL) with optimistic
/// concurrency on <see cref="ISagaVersion.Version"/>. MassTransit's own Entity Framework package is not
/// available from our package source, so this is the small part of it SnowOps needs.
/// </summary>
public sealed class EfSagaRepositoryContextFactory<TContext, TSaga>(TContext db, ISagaConsumeContextFactory<TContext, TSaga> factory,
    IServiceProvider services) :
    ISagaRepositoryContextFactory<TSaga>,
    IQuerySagaRepositoryContextFactory<TSaga>,
    ILoadSagaRepositoryContextFactory<TSaga>
    where TContext : DbContext
    where TSaga : class, ISagaVersion
{
    static readonly string inbox = typeof(TSaga).Name;

    /// <summary>With the module's outbox, each message is one unit of work: the saga's change, its inbox entry and what it publishes.</summary>
    public Task Send<T>(ConsumeContext<T> context, IPipe<SagaRepositoryContext<TSaga, T>> next)
        where T : class =>
        InUnitAsync(context, unit => next.Send(new EfSagaRepositoryContext<TContext, TSaga, T>(db, unit, factory)));

    public Task SendQuery<T>(ConsumeContext<T> context, ISagaQuery<TSaga> query, IPipe<SagaRepositoryQueryContext<TSaga, T>> next)
        where T : class =>
        InUnitAsync(context, unit => QueryAsync(unit, query, next));

    /// <summary>The message as one unit of work; what the saga publishes through the context it is given goes to the outbox.</summary>
    Task InUnitAsync<T>(ConsumeContext<T> context, Func<ConsumeContext<T>, Task> work)
        where T : class =>
        services.GetService<TransactionalOutbox>() is { Enabled: true } outbox
            ? outbox.RunAsync(db, inbox, context.MessageId is { } id ? [id] : [], session => work(new SessionConsumeContext<T>(context, session)),
                context.CancellationToken)
            : work(context);

    async Task QueryAsync<T>(ConsumeContext<T> context, ISagaQuery<TSaga> query, IPipe<SagaRepositoryQueryContext<TSaga, T>> next)
        where T : class
    {
        var ids = await db.Set<TSaga>().Where(query.FilterExpression).Select(s => s.CorrelationId)
            .ToListAsync(context.CancellationToken);
        var repositoryContext = new EfSagaRepositoryContext<TContext, TSaga, T>(db, context, factory);
        await next.Send(new DefaultSagaRepositoryQueryContext<TSaga, T>(repositoryContext, ids));
    }

    public Task<T> Execute<T>(Func<LoadSagaRepositoryContext<TSaga>, Task<T>> asyncMethod, CancellationToken cancellationToken = default)
        where T : class =>
        asyncMethod(new EfSagaReadContext<TContext, TSaga>(db, cancellationToken));

    public Task<T> Execute<T>(Func<QuerySagaRepositoryContext<TSaga>, Task<T>> asyncMethod, CancellationToken cancellationToken = default)
        where T : class =>
        asyncMethod(new EfSagaReadContext<TContext, TSaga>(db, cancellationToken));

    public void Probe(ProbeContext context) => context.Add("persistence", "entity-framework");
}
