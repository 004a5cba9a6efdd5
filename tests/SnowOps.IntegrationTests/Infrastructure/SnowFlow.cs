using System.Net;
using System.Text.Json;

namespace SnowOps.IntegrationTests.Infrastructure;

/// <summary>
/// The walk-through both modes must support: a real CAP snow warning in, a proposed snow event, a
/// dispatcher's activation, tasks out to crews, a crew's completion, and the summary showing it all.
/// </summary>
public sealed class SnowFlow(Api alerts, Api dispatcher, Api crew, Api committee, Api? statusReader = null)
{
    public const string WarningFile = "dwd-leichter-schneefall-alert.xml";

    /// <summary>
    /// The real DWD warning with its times moved forward so it is in force now (it was sent in 2018; as sent it would
    /// expire on arrival and close the event it opens). Only the sent, onset, effective and expires values change.
    /// </summary>
    /// <param name="expiresIn">Move the times so the warning expires this long from now (by default it was sent 5 minutes ago).</param>
    public static async Task<string> CurrentWarningAsync(TimeSpan? expiresIn = null)
    {
        var xml = await File.ReadAllTextAsync(Repo.Sample("cap", WarningFile));
        DateTimeOffset Read(string element) => DateTimeOffset.Parse(
            System.Text.RegularExpressions.Regex.Match(xml, $"<{element}>([^<]+)</{element}>").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var shift = expiresIn is { } left ? DateTimeOffset.UtcNow + left - Read("expires") : DateTimeOffset.UtcNow.AddMinutes(-5) - Read("sent");
        return System.Text.RegularExpressions.Regex.Replace(xml, "<(sent|onset|effective|expires)>([^<]+)</\\1>", m =>
        {
            var moved = DateTimeOffset.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) + shift;
            return $"<{m.Groups[1].Value}>{moved.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture)}</{m.Groups[1].Value}>";
        });
    }

    Api Status => statusReader ?? committee;

    public sealed record Outcome(Guid SnowEventId, JsonElement Tasks, Guid CompletedTask, JsonElement Summary);

    public async Task<Outcome> RunAsync(string? warningXml = null)
    {
        var (id, tasks) = await ActivateAsync(warningXml);

        var card = await Eventually.HoldsAsync(() => crew.GetJsonAsync("/api/crew/tasks"),
            c => c.GetArrayLength() == 1, "the de-icing card in the crew's list");
        var taskId = card[0].GetProperty("taskId").GetGuid();
        using var completed = await crew.PostAsync($"/api/crew/tasks/{taskId}/complete", new { note = "bridges treated" });
        Assert.Equal(HttpStatusCode.Accepted, completed.StatusCode);

        var summary = await Eventually.HoldsAsync(() => Status.GetJsonAsync("/api/status/summary"),
            s => s.GetProperty("tasks").GetProperty("completed").GetInt32() == 1
                && s.GetProperty("snowEvents").GetArrayLength() == 1
                && s.GetProperty("snowEvents")[0].GetProperty("phase").GetString() == "Prepare",
            "the summary to show the event in Prepare with one task completed");
        Assert.Equal(1, summary.GetProperty("tasks").GetProperty("assigned").GetInt32());
        Assert.Equal(2, summary.GetProperty("tasksTotal").GetInt32());
        return new Outcome(id, tasks, taskId, summary);
    }

    /// <summary>
    /// The first half of the walk-through: the warning proposes a snow event, the dispatcher activates it, and the plan's
    /// two prepare tasks are made, the de-icing one for crew spreader-1.
    /// </summary>
    public async Task<(Guid SnowEventId, JsonElement Tasks)> ActivateAsync(string? warningXml = null)
    {
        var warning = warningXml ?? await CurrentWarningAsync();
        using var posted = await alerts.PostAlertAsync(warning);
        Assert.True(posted.StatusCode == HttpStatusCode.Created, $"POST /api/alerts answered {(int)posted.StatusCode}: {await posted.Content.ReadAsStringAsync()}");

        var events = await Eventually.HoldsAsync(() => committee.GetJsonAsync("/api/snow-events"),
            e => e.GetArrayLength() > 0, "the snow event the warning proposes");
        var snowEvent = events[0];
        Assert.Equal("Proposed", snowEvent.GetProperty("phase").GetString());
        Assert.Equal("Snowstorm", snowEvent.GetProperty("hazard").GetString());
        var id = snowEvent.GetProperty("id").GetGuid();

        using var activated = await dispatcher.PostAsync($"/api/snow-events/{id}/activate");
        Assert.Equal(HttpStatusCode.Accepted, activated.StatusCode);

        var tasks = await Eventually.HoldsAsync(() => committee.GetJsonAsync($"/api/snow-events/{id}/tasks"),
            t => t.GetArrayLength() == 2, "the plan's two tasks");
        Assert.Contains(tasks.EnumerateArray(), t => t.GetProperty("kind").GetString() == "DeIcing" && t.GetProperty("crewId").GetString() == "spreader-1");
        return (id, tasks);
    }
}
