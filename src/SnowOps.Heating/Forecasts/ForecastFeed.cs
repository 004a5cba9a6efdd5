using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SnowOps.Heating.Supply;
using SnowOps.ServiceDefaults.Http;

namespace SnowOps.Heating.Forecasts;

/// <summary>The forecast could not be read this time (an HTTP error, a body too large, not the format configured).</summary>
public sealed class ForecastFeedFailure(string message) : Exception(message);

/// <summary>Polls the configured forecast URL and takes what it gets in like a posted forecast; a new issue is advised on at once.</summary>
public sealed class ForecastFeed(IHttpClientFactory clients, ForecastIntake intake, SupplyAdvisor advisor, IOptions<ForecastFeedOptions> feed,
    IOptionsMonitor<ForecastOptions> limits, IOptions<JsonOptions> json, TimeProvider clock, ILogger<ForecastFeed> logger)
{
    public const string ClientName = "snowops-heating-forecast";
    public const string SnowOpsFormat = "snowops";
    public const string OpenMeteoFormat = "open-meteo";

    public async Task<ForecastIntake.Outcome> PollAsync(CancellationToken cancellationToken)
    {
        var settings = feed.Value;
        var url = new Uri(settings.Url ?? throw new InvalidOperationException($"{ForecastFeedOptions.Section}:Url is not set."));
        using var response = await clients.CreateClient(ClientName).GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new ForecastFeedFailure($"{url} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        var limit = limits.CurrentValue.MaxBodyBytes;
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var body = await BoundedBody.ReadAsync(stream, response.Content.Headers.ContentLength, limit, cancellationToken)
            ?? throw new ForecastFeedFailure($"{url} sent more than {limit} bytes ({ForecastOptions.Section}:MaxBodyBytes).");

        var request = Read(body, settings);
        var result = await intake.AcceptAsync(request, $"feed:{settings.Source}", cancellationToken);
        switch (result.Outcome)
        {
            case ForecastIntake.Outcome.Created:
                logger.LogInformation("Forecast feed: issue {Issued:O} from {Source} kept, {Points} point(s)", result.Issue!.Issued, result.Issue.Source,
                    result.Issue.Points.Count);
                await advisor.AdviseAsync(cancellationToken);
                break;
            case ForecastIntake.Outcome.Duplicate:
                break;
            default:
                logger.LogWarning("Forecast feed: {Url} was not taken: {Outcome}: {Problem}", url, result.Outcome, result.Problem);
                break;
        }
        return result.Outcome;
    }

    ForecastIntake.ForecastRequest Read(byte[] body, ForecastFeedOptions settings)
    {
        try
        {
            if (settings.Format == OpenMeteoFormat)
                return OpenMeteo(body, settings);
            var request = JsonSerializer.Deserialize<ForecastIntake.ForecastRequest>(body, json.Value.SerializerOptions)
                ?? throw new ForecastFeedFailure("The feed sent null.");
            return request with { Source = request.Source ?? settings.Source, Zone = request.Zone ?? settings.Zone };
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            throw new ForecastFeedFailure($"The feed is not a {settings.Format} forecast: {e.Message}");
        }
    }

    /// <summary>
    /// Open-Meteo names no issue time: the hour of the poll stands for it, so polls within an hour are one issue and
    /// each hour's poll supersedes the last. Its times are local, without offset; <c>utc_offset_seconds</c> places them.
    /// </summary>
    ForecastIntake.ForecastRequest OpenMeteo(byte[] body, ForecastFeedOptions settings)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var offset = TimeSpan.FromSeconds(root.TryGetProperty("utc_offset_seconds", out var seconds) ? seconds.GetInt32() : 0);
        var hourly = root.GetProperty("hourly");
        var times = hourly.GetProperty("time").EnumerateArray().ToList();
        var temperatures = hourly.GetProperty("temperature_2m").EnumerateArray().ToList();
        if (times.Count != temperatures.Count)
            throw new ForecastFeedFailure($"hourly.time has {times.Count} entries and hourly.temperature_2m {temperatures.Count}.");
        var points = times.Zip(temperatures)
            .Where(pair => pair.Second.ValueKind == JsonValueKind.Number)
            .Select(pair => new ForecastIntake.PointRequest(
                new DateTimeOffset(DateTime.Parse(pair.First.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.None), offset),
                pair.Second.GetDouble()))
            .ToList<ForecastIntake.PointRequest?>();
        var now = clock.GetUtcNow();
        var issued = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        return new ForecastIntake.ForecastRequest(settings.Source, issued, points, settings.Zone);
    }
}
