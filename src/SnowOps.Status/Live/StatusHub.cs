using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using SnowOps.ServiceDefaults.Auth;

namespace SnowOps.Status.Live;

/// <summary>
/// The dashboard's live feed: the server pushes each read-model change to everyone watching the operation; clients
/// only listen.
/// </summary>
[Authorize(Policy = Policies.Watch)]
public sealed class StatusHub : Hub
{
    public const string Path = HubToken.PathPrefix + "/status";
}
