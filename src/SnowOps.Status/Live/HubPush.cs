using MassTransit;
using Microsoft.AspNetCore.SignalR;

namespace SnowOps.Status.Live;

/// <summary>Sends a change to the clients connected to this replica's hub. It runs on this replica's own endpoint, one at a time, so changes go out in order.</summary>
public sealed class HubPush(IHubContext<StatusHub> hub) : IConsumer<StatusPush>
{
    public Task Consume(ConsumeContext<StatusPush> context) =>
        hub.Clients.All.SendAsync(context.Message.Name, context.Message.Change, context.CancellationToken);
}
