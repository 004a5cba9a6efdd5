using SnowOps.ServiceDefaults.Auth;

namespace SnowOps.Demo;

/// <summary>What to open, printed plainly once the host listens; the tokens are signed with the demo's key and last 12 hours.</summary>
public static class DemoLinks
{
    public static void Print(HostApi host, DemoDataFolder data)
    {
        var root = host.BaseAddress.ToString().TrimEnd('/');
        Console.WriteLine($"""

            ==================== SnowOps demo ====================
            A snow storm over Monaco is being played; it is cleared in a few minutes.
              Committee dashboard: {root}/dashboard#token={host.TokenFor(Roles.Committee, "demo-committee")}
              Dispatcher console:  {root}/console#token={host.TokenFor(Roles.Dispatcher, "demo-dispatcher")}
              Public lookup:       {root}/lookup
            Data: {data.Path} (emptied at every demo start, so the storm replays from the beginning)
            Map data © OpenStreetMap contributors (ODbL). Stop with Ctrl+C.
            ======================================================

            """);
    }
}
