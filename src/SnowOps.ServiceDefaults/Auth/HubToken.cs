using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace SnowOps.ServiceDefaults.Auth;

/// <summary>
/// Browsers cannot set headers on a WebSocket or server-sent events request, so SignalR sends the token as
/// <c>access_token</c> in the query. Only hub paths read it there; every other endpoint still wants the header.
/// </summary>
public static class HubToken
{
    public const string PathPrefix = "/hubs";

    public static Task Read(MessageReceivedContext context)
    {
        var token = context.Request.Query["access_token"].ToString();
        if (token.Length > 0 && context.Token is null && context.HttpContext.Request.Path.StartsWithSegments(PathPrefix))
            context.Token = token;
        return Task.CompletedTask;
    }
}
