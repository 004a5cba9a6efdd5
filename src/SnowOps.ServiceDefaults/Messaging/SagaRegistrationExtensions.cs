using MassTransit;
using MassTransit.Configuration;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;

namespace SnowOps.ServiceDefaults.Messaging;

public static class SagaRegistrationExtensions
{
    /// <summary>Keep this saga's instances in the module's own <typeparamref name="TContext"/>.</summary>
    public static ISagaRegistrationConfigurator<TSaga> EntityFrameworkRepository<TSaga, TContext>(this ISagaRegistrationConfigurator<TSaga> configurator)
        where TSaga : class, ISagaVersion
        where TContext : DbContext
    {
        configurator.Repository(r => r.RegisterSagaRepository<TSaga, TContext, SagaConsumeContextFactory<TContext, TSaga>,
            EfSagaRepositoryContextFactory<TContext, TSaga>>());
        return configurator;
    }
}
