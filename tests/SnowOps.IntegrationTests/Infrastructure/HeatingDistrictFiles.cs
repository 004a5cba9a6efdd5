using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SnowOps.IntegrationTests.Infrastructure;

/// <summary>
/// A synthetic heating district as its registry files, the same for the same seed: heating companies with a few
/// inspectors each, two heat stations per company, and compounds of mixed age laid out as small squares on a grid
/// in Beijing's Dongcheng, each with an address "N Heping Street" and a polygon outline.
/// </summary>
public sealed class HeatingDistrictFiles
{
    public sealed record Company(string Id, string Name, int Inspectors, int ChecksPerInspector)
    {
        public int Capacity => Inspectors * ChecksPerInspector;
    }

    public sealed record Compound(string Id, string Name, string CompanyId, string StationId, string Address, int BuiltYear, double Lon, double Lat);

    const double West = 116.38;
    const double South = 39.88;
    const double Cell = 0.004;
    const double Half = 0.0008;
    const int Columns = 20;

    public IReadOnlyList<Company> Companies { get; }
    public IReadOnlyList<Compound> Compounds { get; }
    public IReadOnlyList<string> Stations => [.. Companies.SelectMany(c => new[] { c.Id + "-s1", c.Id + "-s2" })];

    public HeatingDistrictFiles(int compounds, int seed, int newestYear)
    {
        var random = new Random(seed);
        Companies =
        [
            new("north-heat", "North Heating Co.", 2, 4),
            new("river-heat", "River Heating Co.", 1, 6),
            new("old-town-heat", "Old Town Heating Co.", 2, 5),
        ];
        Compounds = [.. Enumerable.Range(1, compounds).Select(i =>
        {
            var company = Companies[random.Next(Companies.Count)].Id;
            var station = company + (random.Next(2) == 0 ? "-s1" : "-s2");
            var (column, row) = ((i - 1) % Columns, (i - 1) / Columns);
            return new Compound($"cmp-{i:D4}", $"Heping Garden {i}", company, station, $"{i} Heping Street", random.Next(1950, newestYear + 1),
                West + column * Cell, South + row * Cell);
        })];
    }

    public string CompaniesCsv() => Csv("company_id,name,inspectors,checks_per_inspector_per_day",
        Companies.Select(c => $"{c.Id},{c.Name},{c.Inspectors},{c.ChecksPerInspector}"));

    public string StationsCsv() => Csv("station_id,company_id,name,lon,lat", Companies.SelectMany((c, i) => new[]
    {
        string.Create(CultureInfo.InvariantCulture, $"{c.Id}-s1,{c.Id},{c.Name} station 1,{West - 0.01},{South + i * 0.01}"),
        string.Create(CultureInfo.InvariantCulture, $"{c.Id}-s2,{c.Id},{c.Name} station 2,{West - 0.02},{South + i * 0.01}"),
    }));

    /// <summary>The compounds as a GeoJSON FeatureCollection with polygon outlines.</summary>
    public string CompoundsGeoJson() => JsonSerializer.Serialize(new
    {
        type = "FeatureCollection",
        features = Compounds.Select(c => new
        {
            type = "Feature",
            properties = new
            {
                compound_id = c.Id, name = c.Name, company_id = c.CompanyId, station_id = c.StationId, address = c.Address,
                built_year = c.BuiltYear, households = 120,
            },
            geometry = new
            {
                type = "Polygon",
                coordinates = new[]
                {
                    new[]
                    {
                        new[] { c.Lon - Half, c.Lat - Half }, new[] { c.Lon + Half, c.Lat - Half }, new[] { c.Lon + Half, c.Lat + Half },
                        new[] { c.Lon - Half, c.Lat + Half }, new[] { c.Lon - Half, c.Lat - Half },
                    },
                },
            },
        }),
    });

    static string Csv(string header, IEnumerable<string> lines) => new StringBuilder(header).Append('\n').AppendJoin('\n', lines).Append('\n').ToString();
}
