using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SnowOps.Demo.Telegram;
using SnowOps.ServiceDefaults.Auth;

namespace SnowOps.Demo.Setup;

/// <summary>What an administrator would do before the winter: load the heating registry and enrol the crews for the bot.</summary>
public sealed class DemoSetup(HostApi host, DemoAssets assets, DemoOptions options, ILogger<DemoSetup> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var (what, file) in new[] { ("companies", "heating-companies.csv"), ("stations", "heating-stations.csv"), ("compounds", "heating-compounds.csv") })
        {
            var content = new StringContent(await File.ReadAllTextAsync(assets.PathOf(file), cancellationToken));
            content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            var (status, body) = await host.PostAsync($"/api/heating/{what}/import", Roles.Admin, content, cancellationToken);
            if (status is not (200 or 201))
                throw new InvalidOperationException($"The demo's heating {what} were refused ({status}): {body}");
            logger.LogInformation("Heating registry: {What} imported from {File}: {Answer}", what, file, body);
        }
        foreach (var member in options.Members)
            await EnrolAsync(member, cancellationToken);
    }

    /// <summary>An admin enrols the member; the member's chat redeems the one-time code with /start, as a phone would.</summary>
    async Task EnrolAsync(DemoMember member, CancellationToken cancellationToken)
    {
        var (status, body) = await host.PostJsonAsync("/api/crew-members", Roles.Admin,
            new { crewId = member.CrewId, name = member.Name, language = "en" }, cancellationToken);
        if (status != 201)
            throw new InvalidOperationException($"Enrolling {member.Name} in {member.CrewId} was refused ({status}): {body}");
        var code = JsonDocument.Parse(body).RootElement.GetProperty("code").GetString();
        var answered = await host.PostUpdateAsync(Updates.Text(member, "/start " + code), cancellationToken);
        if (answered != 200)
            throw new InvalidOperationException($"The webhook answered {answered} to {member.Name}'s /start.");
        logger.LogInformation("Crew member {Name} of {Crew} enrolled from Telegram chat {Chat}", member.Name, member.CrewId, member.ChatId);
    }
}
