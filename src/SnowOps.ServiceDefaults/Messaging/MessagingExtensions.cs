using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SnowOps.ServiceDefaults.Hosting;
using SnowOps.ServiceDefaults.Messaging.Outbox;

namespace SnowOps.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    const string RegistrationsKey = "SnowOps.Messaging";

    /// <summary>A module adds its consumers and sagas here; <see cref="AddMessaging"/> builds the one bus.</summary>
    public static IHostApplicationBuilder AddModuleMessaging(this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator> register)
    {
        Registrations(builder).Add(register);
        return builder;
    }

    /// <summary>
    /// The bus: in-memory in the embedded mode, RabbitMQ (quorum queues, publisher confirms) when distributed.
    /// Call once, after every module has added its consumers.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging(this IHostApplicationBuilder builder)
    {
        var settings = builder.SnowOpsSettings();
        var registrations = Registrations(builder);
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter("snowops", includeNamespace: false));
            foreach (var register in registrations)
                register(bus);
            bus.AddConfigureEndpointsCallback((context, name, endpoint) => ApplyEndpointPolicy(context, endpoint, name));

            if (settings.Transport == TransportKind.RabbitMq)
            {
                bus.UsingRabbitMq((context, cfg) =>
                {
                    var rabbit = settings.RabbitMq;
                    cfg.Host(rabbit.Host, rabbit.Port, rabbit.VirtualHost, h =>
                    {
                        h.Username(rabbit.Username);
                        h.Password(rabbit.Password);
                        h.PublisherConfirmation = true;
                    });
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                bus.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
            }
        });
        builder.Services.AddReceiveEndpointObserver<EndpointLog>();
        if (settings.Transport == TransportKind.RabbitMq && settings.RabbitMq.StuckEndpointRestart > TimeSpan.Zero)
            builder.Services.AddHostedService(services => new EndpointWatchdog(services.GetRequiredService<IBusControl>(),
                services.GetRequiredService<IHostApplicationLifetime>(), settings.RabbitMq.StuckEndpointRestart,
                services.GetRequiredService<ILogger<EndpointWatchdog>>()));
        OutboxPublishEndpoint.Decorate(builder.Services);
        return builder;
    }

    /// <summary>
    /// What every receive endpoint does, in production and in the specs alike: quorum queues on RabbitMQ,
    /// a quick retry for races (optimistic concurrency, a saga created twice at once), and a handler that fails
    /// publishes nothing: with the modules' transactional outbox (<see cref="Outbox.TransactionalOutbox"/>) each message is one unit
    /// of work with its inbox entry and its outgoing messages; without it (a module's specs) outgoing messages are held
    /// in memory until the handler is done.
    /// </summary>
    /// <param name="name">The endpoint's name: an instance's own endpoint (<see cref="InstanceEndpoint"/>) is a temporary queue,
    /// which RabbitMQ cannot make a quorum queue.</param>
    public static void ApplyEndpointPolicy(IRegistrationContext context, IReceiveEndpointConfigurator endpoint, string? name = null)
    {
        if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit && !InstanceEndpoint.Is(name))
            rabbit.SetQuorumQueue();
        endpoint.UseMessageRetry(r => r.Intervals(50, 200, 500, 1000, 2000));
        if (context.GetService<TransactionalOutbox>() is not { Enabled: true })
            endpoint.UseInMemoryOutbox(context);
        else if (!InstanceEndpoint.Is(name))
            endpoint.UseInbox(context);
    }

    static List<Action<IBusRegistrationConfigurator>> Registrations(IHostApplicationBuilder builder)
    {
        if (builder.Properties.TryGetValue(RegistrationsKey, out var existing) && existing is List<Action<IBusRegistrationConfigurator>> list)
            return list;
        list = [];
        builder.Properties[RegistrationsKey] = list;
        return list;
    }
}
