using MassTransit;
using Microsoft.AspNetCore.SignalR;

namespace SnowOps.Status.Live;

/// <summary>Sends a change to the clients connected to this replica's hub. It runs on this replica's own endpoint, one at a time, so changes go out in order.</summary>
public sealed class HubPush(IHubContext<StatusHub> hub) : IConsumer<StatusPush>, IConsumer<StatusPushes>
{
    public Task Consume(ConsumeContext<StatusPush> context) =>
        hub.Clients.All.SendAsync(context.Message.Name, context.Message.Change, context.CancellationToken);

    /// <summary>A batch's changes, each as its own hub message (the screens see no difference), in the batch's order.</summary>
    public async Task Consume(ConsumeContext<StatusPushes> context)
    {
        foreach (var push in context.Message.Pushes)
            await hub.Clients.All.SendAsync(push.Name, push.Change, context.CancellationToken);
    }
}
