using System.Diagnostics;
using System.Net;
using System.Text.Json;
using SnowOps.IntegrationTests.Infrastructure;
using SnowOps.Testing;
using Xunit.Abstractions;

namespace SnowOps.IntegrationTests.EmbeddedMode;

/// <summary>
/// Mutated real documents (the same mutator and seed as the parser fuzz) POSTed to the running host:
/// no 5xx, every refusal a problem with a detail, and the alert accepted before (one in force) still there, unchanged.
/// </summary>
public sealed class When_the_API_is_fuzzed(EmbeddedHost embedded, ITestOutputHelper output) : IClassFixture<EmbeddedHost>
{
    const int Documents = 500;

    static IReadOnlyList<AlertSample> Samples() => AlertSample.From(
        Path.Combine(Repo.Root, "..", "shared", "samples", "cap"), Path.Combine(Repo.Root, "..", "shared", "samples", "nws"));

    [Fact]
    public async Task Should_answer_every_mutated_alert_without_a_server_error_and_keep_what_was_accepted()
    {
        using var alerts = await embedded.AsAsync("alert-source", "fuzz");
        using var committee = await embedded.AsAsync("committee", "city");
        // In force for the whole run: as sent (2018) it would expire on the next sweep and change state for a reason of its own.
        using var good = await alerts.PostAlertAsync(await SnowFlow.CurrentWarningAsync(TimeSpan.FromHours(6)));
        Assert.Equal(HttpStatusCode.Created, good.StatusCode);
        var id = JsonDocument.Parse(await good.Content.ReadAsStringAsync()).RootElement[0].GetProperty("alertId").GetString();
        var before = await committee.GetJsonAsync($"/api/alerts/{id}");

        var mutator = new AlertMutator(Samples());
        var statuses = new Dictionary<int, int>();
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Documents; i++)
        {
            var mutated = mutator.Create(i);
            using var response = await alerts.PostAlertAsync(mutated.Body, mutated.Sample.Kind == "cap" ? "application/cap+xml" : "application/geo+json");
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var problem = await ProblemDetailAsync(response);
            if (status >= 500 || (status >= 400 && problem is null))
                failures.Add($"{mutated} -> {status} {(await response.Content.ReadAsStringAsync())[..Math.Min(200, (int)(response.Content.Headers.ContentLength ?? 0))]}");
        }

        output.WriteLine($"{Documents} POSTs in {clock.Elapsed.TotalSeconds:0.0} s: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Value}x {s.Key}")));
        Assert.True(failures.Count == 0, $"{failures.Count} answers were 5xx or 4xx without a problem detail:\n" + string.Join("\n", failures.Take(10)));
        var after = await committee.GetJsonAsync($"/api/alerts/{id}");
        foreach (var field in new[] { "sender", "identifier", "state", "areaWkt", "document", "level", "hazard" })
            Assert.Equal(before.GetProperty(field).ToString(), after.GetProperty(field).ToString());
    }

    /// <summary>The problem's detail, or null when the answer is not problem+json with a detail.</summary>
    static async Task<string?> ProblemDetailAsync(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            return null;
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.TryGetProperty("detail", out var detail) && !string.IsNullOrWhiteSpace(detail.GetString()) ? detail.GetString() : null;
    }
}
