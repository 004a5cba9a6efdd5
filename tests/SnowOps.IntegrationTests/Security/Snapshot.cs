namespace SnowOps.IntegrationTests.Security;

/// <summary>
/// What the host holds, as its list endpoints show it: compared before and after calls that must change nothing. The
/// live read model is left out: it follows the other modules a moment later, by itself.
/// </summary>
public static class Snapshot
{
    static readonly string[] Lists =
    [
        "/api/alerts", "/api/zones", "/api/snow-events", "/api/tasks", "/api/plans", "/api/plans/cold-wave/versions",
        "/api/crews", "/api/shifts", "/api/network/summary", "/api/heating/companies", "/api/heating/stations",
        "/api/heating/compounds", "/api/heating/complaints", "/api/heating/readings",
    ];

    public static async Task<Dictionary<string, string>> TakeAsync(Caller caller, string token)
    {
        var snapshot = new Dictionary<string, string>();
        foreach (var path in Lists)
            snapshot[path] = await caller.GetTextAsync(path, token);
        return snapshot;
    }
}
