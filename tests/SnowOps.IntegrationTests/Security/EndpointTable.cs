namespace SnowOps.IntegrationTests.Security;

/// <summary>
/// Every HTTP endpoint the host serves with every module on, and who may call it. A new endpoint fails
/// <see cref="When_the_endpoint_table_is_compared_with_the_host"/> until it has a line here.
/// </summary>
public static class EndpointTable
{
    // Plans and crews that every embedded host starts with, so that a refused change is tried on something real.
    const string Plan = "/api/plans/cold-wave";
    const string Crew = "/api/crews/plow-1";

    public static readonly Endpoint[] All =
    [
        // Host
        Hidden("GET", "/", Who.Anyone),
        Hidden("GET", "/openapi/v1.json", Who.Anyone),
        Hidden("GET", "/health/live", Who.Anyone),
        Hidden("GET", "/health/ready", Who.Anyone),

        // Weather
        new("POST", "/api/alerts", Who.SubmitAlerts),
        new("GET", "/api/alerts", Who.Watch),
        new("GET", "/api/alerts/{id:guid}", Who.Watch),
        new("POST", "/api/alerts/manual", Who.Dispatch),
        new("GET", "/api/alerts/feeds", Who.Watch),
        new("GET", "/api/zones", Who.Watch),
        new("PUT", "/api/zones/{code}", Who.Administer),

        // Dispatch: snow events
        new("GET", "/api/snow-events", Who.Watch),
        new("POST", "/api/snow-events", Who.Dispatch),
        new("GET", "/api/snow-events/{id:guid}", Who.Watch),
        new("GET", "/api/snow-events/{id:guid}/tasks", Who.Watch),
        new("GET", "/api/snow-events/{id:guid}/timeline", Who.Watch),
        new("GET", "/api/snow-events/{id:guid}/service-report", Who.Watch),
        new("POST", "/api/snow-events/{id:guid}/activate", Who.Dispatch),
        new("POST", "/api/snow-events/{id:guid}/phase", Who.Dispatch),
        new("POST", "/api/snow-events/{id:guid}/snow-stopped", Who.Dispatch),
        new("POST", "/api/snow-events/{id:guid}/stand-down", Who.Dispatch),

        // Dispatch: plans
        new("GET", "/api/plans", Who.Watch),
        new("GET", "/api/plans/{name}", Who.Watch, Example: Plan),
        new("PUT", "/api/plans/{name}", Who.Administer, Example: Plan),
        new("DELETE", "/api/plans/{name}", Who.Administer, Example: Plan),
        new("GET", "/api/plans/{name}/versions", Who.Watch, Example: Plan + "/versions"),
        new("GET", "/api/plans/{name}/versions/{version:int}", Who.Watch, Example: Plan + "/versions/1"),

        // Dispatch: tasks, crews, shifts
        new("GET", "/api/tasks", Who.Watch),
        new("GET", "/api/tasks/{id:guid}", Who.Watch),
        new("POST", "/api/tasks/{id:guid}/cancel", Who.Dispatch),
        new("POST", "/api/tasks/{id:guid}/reassign", Who.Dispatch),
        new("GET", "/api/crews", Who.Watch),
        new("GET", "/api/crews/on-duty", Who.Watch),
        new("GET", "/api/crews/{id}", Who.Watch, Example: Crew),
        new("PUT", "/api/crews/{id}", Who.Administer, Example: Crew),
        new("DELETE", "/api/crews/{id}", Who.Administer, Example: Crew),
        new("GET", "/api/shifts", Who.Watch),
        new("POST", "/api/shifts", Who.Dispatch),
        new("DELETE", "/api/shifts/{id:guid}", Who.Dispatch),

        // Routing
        new("GET", "/api/network", Who.Watch),
        new("POST", "/api/network", Who.Administer),
        new("GET", "/api/network/summary", Who.Watch),
        new("GET", "/api/fleet", Who.Watch),
        new("GET", "/api/routes/{snowEventId:guid}", Who.Watch),
        new("GET", "/api/routes/{snowEventId:guid}/{vehicle}.geojson", Who.Watch),
        new("GET", "/api/routes/{snowEventId:guid}/{vehicle}.gpx", Who.Watch),
        new("GET", "/api/routes/{snowEventId:guid}/{vehicle}/streets", Who.Watch),
        new("POST", "/api/routes/{snowEventId:guid}/replan", Who.Dispatch),

        // Heating: registry
        new("GET", "/api/heating/companies", Who.Watch),
        new("PUT", "/api/heating/companies/{id}", Who.Administer),
        new("GET", "/api/heating/stations", Who.Watch),
        new("GET", "/api/heating/compounds", Who.Watch),
        new("GET", "/api/heating/compounds/{id}", Who.Watch),
        new("PUT", "/api/heating/compounds/{id}", Who.Administer),
        new("DELETE", "/api/heating/compounds/{id}", Who.Administer),
        new("POST", "/api/heating/companies/import", Who.Administer),
        new("POST", "/api/heating/stations/import", Who.Administer),
        new("POST", "/api/heating/compounds/import", Who.Administer),

        // Heating: complaints, readings, forecast, the day's work and the report
        new("POST", "/api/heating/complaints", Who.SubmitComplaints),
        new("GET", "/api/heating/complaints", Who.Watch),
        new("GET", "/api/heating/complaints/counts", Who.Watch),
        new("GET", "/api/heating/complaints/{id:guid}", Who.Watch),
        new("POST", "/api/heating/complaints/{id:guid}/assign", Who.Dispatch),
        new("GET", "/api/heating/compounds/{id}/complaints", Who.Watch),
        new("POST", "/api/heating/readings", Who.Crew),
        new("GET", "/api/heating/readings", Who.Watch),
        new("POST", "/api/heating/forecast", Who.SubmitAlerts),
        new("GET", "/api/heating/forecast", Who.Watch),
        new("GET", "/api/heating/supply", Who.Watch),
        new("GET", "/api/heating/risk", Who.Watch),
        new("GET", "/api/heating/checks", Who.Watch),
        new("GET", "/api/heating/deficiencies", Who.Watch),
        new("GET", "/api/heating/report", Who.Watch),
        new("GET", "/api/heating/report.csv", Who.Watch),

        // Crew bot
        new("GET", "/api/crew/tasks", Who.Crew),
        new("POST", "/api/crew/tasks/{taskId:guid}/accept", Who.Crew),
        new("POST", "/api/crew/tasks/{taskId:guid}/start", Who.Crew),
        new("POST", "/api/crew/tasks/{taskId:guid}/complete", Who.Crew),
        new("POST", "/api/crew/tasks/{taskId:guid}/decline", Who.Crew),
        new("GET", "/api/crew/photos/{photoId:guid}", Who.Dispatch),
        new("POST", "/api/crew-members", Who.Administer),
        Hidden("POST", "/api/telegram/webhook", Who.OwnSecret),
        Hidden("GET", "/api/wecom/callback", Who.OwnSecret),
        Hidden("POST", "/api/wecom/callback", Who.OwnSecret),

        // Status
        new("GET", "/api/status/summary", Who.Watch),
        new("GET", "/api/status/alerts", Who.Watch),
        new("GET", "/api/status/audit", Who.Watch),
        new("GET", "/api/status/map", Who.Watch),
        new("GET", "/api/status/kpis", Who.Watch),
        new("GET", "/api/status/history", Who.Watch),
        new("GET", "/api/status/config", Who.Watch),
        new("GET", "/api/public/streets", Who.Anyone),
        new("GET", "/api/public/cleared.geojson", Who.Anyone),
        Hidden("GET", "/dashboard", Who.Anyone),
        Hidden("GET", "/console", Who.Anyone),
        Hidden("GET", "/lookup", Who.Anyone),
        Hidden("GET", "/web/{**path}", Who.Anyone, "/web/js/app.js"),
        Hidden("POST", "/hubs/status/negotiate", Who.Watch),
        Hidden("GET", "/hubs/status", Who.Watch),
        Hidden("POST", "/hubs/status", Who.Watch),
        Hidden("DELETE", "/hubs/status", Who.Watch),
    ];

    static Endpoint Hidden(string method, string route, Who who, string? example = null) => new(method, route, who, Described: false, example);
}
