using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NetTopologySuite.IO;
using SnowOps.ServiceDefaults.Data;
using SnowOps.Weather.Data;

namespace SnowOps.Weather.Zones;

/// <summary>Writes the zones named in configuration into the zone table at start-up (configuration wins).</summary>
public sealed class ZoneSeeder(IServiceScopeFactory scopes, IOptions<WeatherOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Zones.Count == 0)
            return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WeatherDbContext>();
        foreach (var definition in options.Value.Zones)
        {
            var area = ReadArea(definition);
            var zone = await db.Zones.FirstOrDefaultAsync(z => z.Code == definition.Code, cancellationToken);
            if (zone is null)
                db.Zones.Add(new Zone { Code = definition.Code, Name = definition.Name, Area = area, Geocodes = definition.Geocodes });
            else
                (zone.Name, zone.Area, zone.Geocodes) = (definition.Name, area, definition.Geocodes);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static NetTopologySuite.Geometries.Geometry ReadArea(ZoneDefinition definition)
    {
        if (string.IsNullOrWhiteSpace(definition.Code))
            throw new InvalidOperationException("A zone in SnowOps:Weather:Zones has no Code.");
        try
        {
            var area = Wgs84.ReadWkt(definition.Wkt);
            return Wgs84.IsArea(area)
                ? area
                : throw new InvalidOperationException($"Zone {definition.Code}: the area must be a valid polygon or multipolygon.");
        }
        catch (ParseException e)
        {
            throw new InvalidOperationException($"Zone {definition.Code}: '{definition.Wkt}' is not WKT: {e.Message}");
        }
    }
}
