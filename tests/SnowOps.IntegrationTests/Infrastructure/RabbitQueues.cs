using System.Text;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace SnowOps.IntegrationTests.Infrastructure;

/// <summary>Puts messages straight on a queue of the run's virtual host and counts queues, as a module or an operator would see them.</summary>
public sealed class RabbitQueues(RealInfrastructure infra) : IAsyncDisposable
{
    IConnection? _connection;

    /// <summary>The options that point <c>snowops messages</c> at the run's virtual host.</summary>
    public string[] CliOptions =>
    [
        "--host", infra.RabbitHost, "--port", infra.RabbitPort, "--vhost", infra.VirtualHost, "--user", infra.RabbitUser,
        "--password", infra.RabbitPassword, "--management-port", Environment.GetEnvironmentVariable("SNOWOPS_IT_RABBITMQ_MGMT_PORT")!,
    ];

    /// <summary>A message in MassTransit's JSON envelope, as a module publishes it, sent to <paramref name="queue"/> alone.</summary>
    public Task SendEnvelopeAsync(string queue, Guid messageId, string messageType, object message) =>
        SendAsync(queue, messageId, JsonSerializer.Serialize(new
        {
            messageId,
            messageType = new[] { messageType },
            message,
            sentTime = DateTimeOffset.UtcNow,
        }, new JsonSerializerOptions(JsonSerializerDefaults.Web)));

    public async Task SendAsync(string queue, Guid messageId, string body)
    {
        await using var channel = await ChannelAsync(confirms: true);
        var properties = new BasicProperties
        {
            MessageId = messageId.ToString(),
            ContentType = "application/vnd.masstransit+json",
            DeliveryMode = DeliveryModes.Persistent,
        };
        await channel.BasicPublishAsync("", queue, mandatory: true, properties, Encoding.UTF8.GetBytes(body));
    }

    /// <summary>A durable queue, as MassTransit declares an error queue the first time it moves a message there.</summary>
    public async Task DeclareAsync(string queue)
    {
        await using var channel = await ChannelAsync(confirms: false);
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
    }

    /// <summary>Messages ready in <paramref name="queue"/>, or null when it does not exist (yet).</summary>
    public async Task<uint?> CountAsync(string queue)
    {
        await using var channel = await ChannelAsync(confirms: false);
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
            return null;
        }
    }

    async Task<IChannel> ChannelAsync(bool confirms)
    {
        _connection ??= await new ConnectionFactory
        {
            HostName = infra.RabbitHost,
            Port = int.Parse(infra.RabbitPort, System.Globalization.CultureInfo.InvariantCulture),
            VirtualHost = infra.VirtualHost,
            UserName = infra.RabbitUser,
            Password = infra.RabbitPassword,
        }.CreateConnectionAsync();
        return await _connection.CreateChannelAsync(new CreateChannelOptions(confirms, confirms));
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
            await _connection.DisposeAsync();
    }
}
