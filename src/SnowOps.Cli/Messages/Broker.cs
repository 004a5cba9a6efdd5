using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace SnowOps.Cli.Messages;

/// <summary>One AMQP connection with one channel whose publishes wait for the broker's confirm.</summary>
public sealed class Broker : IAsyncDisposable
{
    const ushort NotFound = 404;

    readonly IConnection connection;

    Broker(BrokerAddress address, IConnection connection, IChannel channel)
    {
        Address = address;
        this.connection = connection;
        Channel = channel;
    }

    public BrokerAddress Address { get; }

    /// <summary>Publishes with confirms tracked: <c>BasicPublishAsync</c> returns once the broker has the message, or throws.</summary>
    public IChannel Channel { get; }

    public static async Task<Broker> ConnectAsync(BrokerAddress address, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            HostName = address.Host,
            Port = address.Port,
            VirtualHost = address.VirtualHost,
            UserName = address.User,
            Password = address.Password,
            AutomaticRecoveryEnabled = false,
            TopologyRecoveryEnabled = false,
            RequestedConnectionTimeout = TimeSpan.FromSeconds(10),
            ClientProvidedName = "snowops messages",
        };
        IConnection? connection = null;
        try
        {
            connection = await factory.CreateConnectionAsync(cancellationToken);
            var channel = await connection.CreateChannelAsync(
                new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
            return new Broker(address, connection, channel);
        }
        catch (BrokerUnreachableException e)
        {
            throw MessagesRefused.Broker($"No broker reachable at {address}: {Innermost(e)}");
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason is { } reason)
        {
            // The broker closes the connection right after opening it for a virtual host that does not exist or that the user may not use.
            if (connection is not null)
                await connection.DisposeAsync();
            throw MessagesRefused.Broker($"The broker at {address} refused the connection: {reason.ReplyText}");
        }
    }

    /// <summary>The number of messages ready in <paramref name="queue"/>, or null when there is no such queue.</summary>
    public async Task<uint?> CountAsync(string queue, CancellationToken cancellationToken)
    {
        // A passive declare of a missing queue closes its channel, so it gets one of its own.
        await using var probe = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            return (await probe.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == NotFound)
        {
            return null;
        }
    }

    /// <summary>The count of a queue that must exist; a missing one is bad input.</summary>
    public async Task<uint> RequireAsync(string queue, CancellationToken cancellationToken) =>
        await CountAsync(queue, cancellationToken)
        ?? throw MessagesRefused.BadInput($"There is no queue '{queue}' in virtual host '{Address.VirtualHost}' (snowops messages list shows the failed ones).");

    internal static string Innermost(Exception e)
    {
        while (e.InnerException is not null)
            e = e.InnerException;
        return e.Message;
    }

    public async ValueTask DisposeAsync()
    {
        // Closing the channel hands back any message still unacknowledged, as it was.
        await Channel.DisposeAsync();
        await connection.DisposeAsync();
    }
}
