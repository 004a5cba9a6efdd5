using MassTransit;
using MassTransit.Context;
using MassTransit.Middleware;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;

namespace SnowOps.ServiceDefaults.Messaging;

/// <summary>One message's view of the saga table: load, add, update or delete one instance.</summary>
sealed class EfSagaRepositoryContext<TContext, TSaga, TMessage>(
    TContext db,
    ConsumeContext<TMessage> message,
    ISagaConsumeContextFactory<TContext, TSaga> factory) :
    ConsumeContextScope<TMessage>(message),
    SagaRepositoryContext<TSaga, TMessage>
    where TContext : DbContext
    where TSaga : class, ISagaVersion
    where TMessage : class
{
    public Task<SagaConsumeContext<TSaga, T>> CreateSagaConsumeContext<T>(ConsumeContext<T> context, TSaga instance, SagaConsumeContextMode mode)
        where T : class =>
        factory.CreateSagaConsumeContext(db, context, instance, mode);

    public Task<SagaConsumeContext<TSaga, TMessage>> Add(TSaga instance) =>
        factory.CreateSagaConsumeContext(db, this, instance, SagaConsumeContextMode.Add);

    public async Task<SagaConsumeContext<TSaga, TMessage>?> Insert(TSaga instance)
    {
        try
        {
            db.Set<TSaga>().Add(instance);
            await db.SaveChangesAsync(CancellationToken);
            return await factory.CreateSagaConsumeContext(db, this, instance, SagaConsumeContextMode.Insert);
        }
        catch (DbUpdateException)
        {
            // Another message created it first; the caller loads it instead.
            db.Entry(instance).State = EntityState.Detached;
            return null;
        }
    }

    public async Task<SagaConsumeContext<TSaga, TMessage>?> Load(Guid correlationId)
    {
        var instance = await db.Set<TSaga>().FirstOrDefaultAsync(s => s.CorrelationId == correlationId, CancellationToken);
        return instance is null
            ? null
            : await factory.CreateSagaConsumeContext(db, this, instance, SagaConsumeContextMode.Load);
    }

    public async Task Save(SagaConsumeContext<TSaga> context)
    {
        context.Saga.Version = 1;
        db.Set<TSaga>().Add(context.Saga);
        await db.SaveChangesAsync(CancellationToken);
    }

    public async Task Update(SagaConsumeContext<TSaga> context)
    {
        // Version is the concurrency token: a concurrent update of the same instance fails here and is retried.
        context.Saga.Version++;
        await db.SaveChangesAsync(CancellationToken);
    }

    public async Task Delete(SagaConsumeContext<TSaga> context)
    {
        db.Set<TSaga>().Remove(context.Saga);
        await db.SaveChangesAsync(CancellationToken);
    }

    public Task Discard(SagaConsumeContext<TSaga> context) => Task.CompletedTask;

    public Task Undo(SagaConsumeContext<TSaga> context)
    {
        db.ChangeTracker.Clear();
        return Task.CompletedTask;
    }
}

/// <summary>Reads saga instances outside a message (queries, tests).</summary>
sealed class EfSagaReadContext<TContext, TSaga>(TContext db, CancellationToken cancellationToken) :
    BasePipeContext(cancellationToken),
    LoadSagaRepositoryContext<TSaga>,
    QuerySagaRepositoryContext<TSaga>
    where TContext : DbContext
    where TSaga : class, ISagaVersion
{
    public async Task<SagaRepositoryQueryContext<TSaga>> Query(ISagaQuery<TSaga> query, CancellationToken cancellationToken = default)
    {
        var instances = await db.Set<TSaga>().AsNoTracking().Where(query.FilterExpression).ToListAsync(cancellationToken);
        return new LoadedSagaRepositoryQueryContext<TSaga>(this, instances);
    }

    // MassTransit's interface says TSaga but means "or null when there is none".
    public async Task<TSaga> Load(Guid correlationId) =>
        (await db.Set<TSaga>().AsNoTracking().FirstOrDefaultAsync(s => s.CorrelationId == correlationId, CancellationToken))!;
}
