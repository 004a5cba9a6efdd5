using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace SnowOps.ServiceDefaults.Messaging.Outbox;

public static class OutboxRegistration
{
    /// <summary>
    /// Gives the module whose database is <typeparamref name="TContext"/> the transactional outbox and inbox: its consumers
    /// run as units of work in that database, and a relay sends what they saved. The context's model must have
    /// <see cref="OutboxTables.AddOutboxTables"/>.
    /// </summary>
    public static IHostApplicationBuilder AddModuleOutbox<TContext>(this IHostApplicationBuilder builder) where TContext : DbContext
    {
        AddOutbox(builder.Services);
        builder.Services.AddSingleton(new OutboxModule(typeof(TContext)));
        builder.Services.AddHostedService<OutboxRelay<TContext>>();
        return builder;
    }

    /// <summary>
    /// The outbox service alone. Without a module (<see cref="OutboxModule"/>) its units of work are plain transactions and
    /// what they publish goes straight to the bus (the module specs' harness).
    /// </summary>
    public static IServiceCollection AddOutbox(IServiceCollection services)
    {
        services.AddOptions<OutboxOptions>().BindConfiguration("SnowOps:Outbox");
        services.TryAddSingleton(sp =>
        {
            var outbox = ActivatorUtilities.CreateInstance<TransactionalOutbox>(sp);
            foreach (var module in sp.GetServices<OutboxModule>())
                outbox.Register(module.Context);
            return outbox;
        });
        return services;
    }

    /// <summary>Connects the inbox to one receive endpoint's consumers (not for an instance's own temporary endpoint).</summary>
    public static void UseInbox(this IReceiveEndpointConfigurator endpoint, IRegistrationContext context)
    {
        if (context.GetService<TransactionalOutbox>() is { Enabled: true } outbox)
            endpoint.ConnectConsumerConfigurationObserver(new InboxObserver(outbox));
    }
}

/// <summary>A module database that has an outbox.</summary>
public sealed record OutboxModule(Type Context);
