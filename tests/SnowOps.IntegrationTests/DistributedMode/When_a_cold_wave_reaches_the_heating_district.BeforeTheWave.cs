using System.Globalization;
using System.Net;
using System.Text.Json;
using SnowOps.IntegrationTests.Infrastructure;

namespace SnowOps.IntegrationTests.DistributedMode;

/// <summary>Before the wave: the district's registry, last week's checks, the hotline's complaints and the forecast; and the warning itself.</summary>
public sealed partial class When_a_cold_wave_reaches_the_heating_district
{
    /// <summary>The newest compounds of two companies: their age gives them little risk, so only their complaints can put them first.</summary>
    (HeatingDistrictFiles.Compound ByPosition, HeatingDistrictFiles.Compound ByAddress) NewestPerCompany()
    {
        var newest = _district.Compounds.GroupBy(c => c.CompanyId)
            .Select(g => g.OrderByDescending(c => c.BuiltYear).ThenBy(c => c.Id, StringComparer.Ordinal).First())
            .OrderBy(c => c.CompanyId, StringComparer.Ordinal).ToList();
        return (newest[0], newest[1]);
    }

    async Task ImportDistrictAsync()
    {
        using var admin = As(_registry!, "admin", "registry-office");
        await ImportAsync(admin, "companies", _district.CompaniesCsv(), "text/csv", _district.Companies.Count);
        await ImportAsync(admin, "stations", _district.StationsCsv(), "text/csv", _district.Stations.Count);
        await ImportAsync(admin, "compounds", _district.CompoundsGeoJson(), "application/geo+json", CompoundCount);
        Assert.Equal("geometry(Geometry,4326)", await _infra.ScalarAsync<string>(
            "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'heating.compounds'::regclass AND attname = 'Geometry'"));
        Assert.Equal("ST_Polygon", await _infra.ScalarAsync<string>("SELECT DISTINCT ST_GeometryType(\"Geometry\") FROM heating.compounds"));
    }

    static async Task ImportAsync(Api admin, string what, string body, string contentType, int expected)
    {
        using var response = await admin.PostTextAsync($"/api/heating/{what}/import", body, contentType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Importing {what} answered {(int)response.StatusCode}: {text}");
        Assert.Equal(expected, JsonDocument.Parse(text).RootElement.GetProperty("created").GetInt32());
    }

    /// <summary>Every compound was checked warm 30 hours ago: due again under the cold wave's 24 hours, not under the usual week.</summary>
    async Task RecordLastWeeksChecksAsync()
    {
        using var inspector = As(_registry!, "crew", "inspector-1");
        var measured = DateTimeOffset.UtcNow.AddHours(-30).ToOffset(Beijing);
        foreach (var batch in _district.Compounds.Chunk(10))
            await Task.WhenAll(batch.Select(async c =>
            {
                using var r = await inspector.PostAsync("/api/heating/readings",
                    new { compoundId = c.Id, readings = Warm, measured });
                Assert.True(r.StatusCode == HttpStatusCode.Accepted, $"Reading {c.Id} answered {(int)r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
            }));
        await Eventually.HoldsAsync(() => _infra.ScalarAsync<long>("SELECT count(*) FROM heating.compounds WHERE \"LastReadingAt\" IS NOT NULL"),
            n => n == CompoundCount, "every compound's last reading", 60);
    }

    static readonly double[] Warm = [21.0, 21.2, 21.1, 20.9, 21.0];
    static readonly double[] Cold = [16.2, 16.0, 16.1, 16.3, 16.1];

    async Task TakeComplaintsAsync(HeatingDistrictFiles.Compound byPosition, HeatingDistrictFiles.Compound byAddress)
    {
        using var hotline = As(_registry!, "hotline", "12345");
        var requested = DateTimeOffset.UtcNow.AddHours(-2).ToOffset(Beijing);
        for (var i = 0; i < ComplaintsPerCompound; i++)
        {
            var atHome = await ComplainAsync(hotline, new
            {
                service_request_id = $"pos-{i}", service_code = "heating-cold", description = "Radiators barely warm",
                lat = byPosition.Lat + 0.0002, @long = byPosition.Lon - 0.0002, requested_datetime = requested.ToString("O"),
            });
            Assert.Equal((byPosition.Id, "Inside"), (atHome.GetProperty("compoundId").GetString(), atHome.GetProperty("matchedBy").GetString()));
            var byStreet = await ComplainAsync(hotline, new
            {
                service_request_id = $"addr-{i}", service_code = "heating-cold", description = "18 degrees not reached",
                address_string = $"{byAddress.Address}, Dongcheng District, unit {i + 1}", requested_datetime = requested.ToString("O"),
            });
            Assert.Equal((byAddress.Id, "Address"), (byStreet.GetProperty("compoundId").GetString(), byStreet.GetProperty("matchedBy").GetString()));
        }
        var lost = await ComplainAsync(hotline, new
        {
            service_request_id = "lost-1", description = "Cold flat", lat = 40.6, @long = 117.2, address_string = "Nowhere Lane",
            requested_datetime = requested.ToString("O"),
        });
        Assert.True(lost.GetProperty("needsPerson").GetBoolean());
        Assert.Equal(JsonValueKind.Null, lost.GetProperty("compoundId").ValueKind);

        using var committee = As(_registry!, "committee", "city");
        var unmatched = await committee.GetJsonAsync("/api/heating/complaints?unmatched=true");
        Assert.Contains("lost-1", unmatched.ToString());
    }

    static async Task<JsonElement> ComplainAsync(Api hotline, object complaint)
    {
        using var response = await hotline.PostAsync("/api/heating/complaints", complaint);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"A complaint answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A cold front: −15 °C within the supply's 6-hour lead; every station is advised 85 °C on the default curve (about 62 °C at 0 °C).</summary>
    async Task PostColdFrontAsync()
    {
        using var forecaster = As(_registry!, "alert-source", "bjmb");
        var now = DateTimeOffset.UtcNow.ToOffset(Beijing);
        var points = new[] { (1, -5.0), (3, -15.0), (5, -15.0), (30, -10.0) }
            .Select(p => new { at = now.AddHours(p.Item1), celsius = p.Item2 }).ToList();
        using var posted = await forecaster.PostAsync("/api/heating/forecast", new { source = "bjmb", issued = now.AddMinutes(-10), points });
        Assert.True(posted.StatusCode == HttpStatusCode.Created, $"The forecast answered {(int)posted.StatusCode}: {await posted.Content.ReadAsStringAsync()}");

        using var committee = As(_registry!, "committee", "city");
        var supply = await Eventually.HoldsAsync(() => committee.GetJsonAsync("/api/heating/supply"),
            s => s.GetProperty("stations").GetArrayLength() == _district.Stations.Count, "advice for every heat station");
        Assert.All(supply.GetProperty("stations").EnumerateArray(), s =>
        {
            Assert.Equal(-15, s.GetProperty("forecastLowCelsius").GetDouble());
            Assert.Equal(85, s.GetProperty("supplyCelsius").GetDouble());
        });
    }

    /// <summary>A Beijing cold-wave warning in CAP 1.2, in force from a minute ago until tomorrow, times in Beijing time.</summary>
    static string ColdWaveCap(DateTimeOffset now)
    {
        string At(TimeSpan from) => (now + from).ToOffset(Beijing).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
              <identifier>bj-coldwave-{now.ToUnixTimeSeconds()}</identifier>
              <sender>bjmb@cma.gov.cn</sender>
              <sent>{At(TimeSpan.FromMinutes(-1))}</sent>
              <status>Actual</status>
              <msgType>Alert</msgType>
              <scope>Public</scope>
              <info>
                <language>en-US</language>
                <category>Met</category>
                <event>Cold Wave</event>
                <urgency>Expected</urgency>
                <severity>Severe</severity>
                <certainty>Likely</certainty>
                <effective>{At(TimeSpan.FromMinutes(-1))}</effective>
                <onset>{At(TimeSpan.Zero)}</onset>
                <expires>{At(TimeSpan.FromHours(30))}</expires>
                <senderName>Beijing Meteorological Service</senderName>
                <headline>Cold wave orange warning</headline>
                <description>The temperature drops by more than 10 °C within 48 hours, to −15 °C at night.</description>
                <area>
                  <areaDesc>Dongcheng</areaDesc>
                  <polygon>39.80,116.30 39.80,116.50 40.00,116.50 40.00,116.30 39.80,116.30</polygon>
                </area>
              </info>
            </alert>
            """;
    }
}
