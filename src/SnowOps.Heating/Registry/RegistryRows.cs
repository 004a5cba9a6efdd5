namespace SnowOps.Heating.Registry;

/// <summary>
/// How an import row becomes a company, a station or a compound: the row is laid over a copy of what is stored
/// (a column the file does not carry keeps its value), then the result is checked as a whole.
/// </summary>
public static class RegistryRows
{
    public const int MaxId = 128;
    public const int MaxName = 256;
    public const int MaxAddress = 512;
    public const int EarliestBuiltYear = 1800;

    static readonly string[] GeometryFields = ["wkt", "geometry", "lon", "longitude", "lng", "x", "lat", "latitude", "y"];

    /// <summary>What the registry already holds that a row may name.</summary>
    public sealed record Known(IReadOnlySet<string> Companies, IReadOnlyDictionary<string, string> StationCompanies, int ThisYear);

    public static string? CompanyIdOf(ImportRow row) => row.Text("companyid", "id");

    public static string? StationIdOf(ImportRow row) => row.Text("stationid", "id");

    public static string? CompoundIdOf(ImportRow row) => row.Text("compoundid", "id");

    public static HeatingCompany Company(HeatingCompany? stored, string id, ImportRow row, Known known, List<string> errors)
    {
        var c = stored is null ? new HeatingCompany { CompanyId = id } : Copy(stored);
        if (row.Has("name"))
            c.Name = row.Text("name") ?? "";
        if (row.Integer(errors, "inspectors") is { } inspectors)
            c.Inspectors = inspectors;
        if (row.Integer(errors, "checksperinspectorperday", "checksperinspector") is { } checks)
            c.ChecksPerInspectorPerDay = checks;
        if (row.Has("zone"))
            c.Zone = row.Text("zone");

        RequireName(c.Name, errors);
        if (c.Inspectors < 0)
            errors.Add($"inspectors {c.Inspectors} is negative");
        if (c.ChecksPerInspectorPerDay < 1)
            errors.Add($"checks_per_inspector_per_day {c.ChecksPerInspectorPerDay} must be at least 1");
        if (c.Zone?.Length > MaxId)
            errors.Add($"zone is longer than {MaxId} characters");
        return c;
    }

    public static HeatStation Station(HeatStation? stored, string id, ImportRow row, Known known, List<string> errors)
    {
        var s = stored is null ? new HeatStation { StationId = id } : Copy(stored);
        if (row.Has("name"))
            s.Name = row.Text("name") ?? "";
        if (row.Has("companyid", "company"))
            s.CompanyId = row.Text("companyid", "company") ?? "";
        if (row.Geometry is not null || row.Has(GeometryFields))
            s.Location = RegistryGeometry.Of(row, errors);

        RequireName(s.Name, errors);
        RequireCompany(s.CompanyId, known, errors);
        if (s.Location is { } location && RegistryGeometry.Problem(location, pointOnly: true) is { } problem)
            errors.Add(problem);
        return s;
    }

    public static Compound Compound(Compound? stored, string id, ImportRow row, Known known, List<string> errors)
    {
        var c = stored is null ? new Compound { CompoundId = id } : Copy(stored);
        if (row.Has("name"))
            c.Name = row.Text("name") ?? "";
        if (row.Has("companyid", "company"))
            c.CompanyId = row.Text("companyid", "company") ?? "";
        if (row.Has("stationid", "station"))
            c.StationId = row.Text("stationid", "station");
        if (row.Has("address"))
            c.Address = row.Text("address");
        if (row.Has("builtyear", "built"))
            c.BuiltYear = row.Integer(errors, "builtyear", "built");
        if (row.Integer(errors, "households") is { } households)
            c.Households = households;
        if (row.Integer(errors, "coldspots") is { } coldSpots)
            c.ColdSpots = coldSpots;
        if (row.Flag(errors, "coldarea") is { } coldArea)
            c.ColdArea = coldArea;
        if (row.Has("checkeveryhours"))
            c.CheckEveryHours = row.Real(errors, "checkeveryhours");
        if (row.Geometry is not null || row.Has(GeometryFields))
            c.Geometry = RegistryGeometry.Of(row, errors);

        RequireName(c.Name, errors);
        RequireCompany(c.CompanyId, known, errors);
        if (c.StationId is { } station)
        {
            if (!known.StationCompanies.TryGetValue(station, out var owner))
                errors.Add($"unknown station '{station}'");
            else if (owner != c.CompanyId)
                errors.Add($"station '{station}' belongs to company '{owner}', not '{c.CompanyId}'");
        }
        if (c.Address?.Length > MaxAddress)
            errors.Add($"address is longer than {MaxAddress} characters");
        if (c.BuiltYear is { } year && (year < EarliestBuiltYear || year > known.ThisYear))
            errors.Add($"built_year {year} is outside {EarliestBuiltYear}..{known.ThisYear}");
        if (c.Households < 0)
            errors.Add($"households {c.Households} is negative");
        if (c.ColdSpots < 0)
            errors.Add($"cold_spots {c.ColdSpots} is negative");
        if (c.CheckEveryHours is { } hours && (hours <= 0 || hours > 24 * 366))
            errors.Add($"check_every_hours {hours} is not between 0 and a year");
        if (c.Geometry is { } geometry && RegistryGeometry.Problem(geometry, pointOnly: false) is { } problem)
            errors.Add(problem);
        return c;
    }

    /// <summary>Why an id cannot name a registry entry, or null when it can.</summary>
    public static string? IdProblem(string? id) => id switch
    {
        null => "id is missing",
        { Length: > MaxId } => $"id is longer than {MaxId} characters",
        _ when id.Any(c => char.IsWhiteSpace(c) || c is '/' or '?' or '#' or '%') => $"id '{id}' holds a space, '/', '?', '#' or '%'",
        _ => null,
    };

    static void RequireName(string name, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(name))
            errors.Add("name is missing");
        else if (name.Length > MaxName)
            errors.Add($"name is longer than {MaxName} characters");
    }

    static void RequireCompany(string companyId, Known known, List<string> errors)
    {
        if (string.IsNullOrEmpty(companyId))
            errors.Add("company_id is missing");
        else if (!known.Companies.Contains(companyId))
            errors.Add($"unknown company '{companyId}'");
    }

    public static bool Same(HeatingCompany a, HeatingCompany b) =>
        (a.Name, a.Inspectors, a.ChecksPerInspectorPerDay, a.Zone) == (b.Name, b.Inspectors, b.ChecksPerInspectorPerDay, b.Zone);

    public static bool Same(HeatStation a, HeatStation b) =>
        (a.Name, a.CompanyId) == (b.Name, b.CompanyId) && RegistryGeometry.Same(a.Location, b.Location);

    public static bool Same(Compound a, Compound b) =>
        (a.Name, a.CompanyId, a.StationId, a.Address, a.BuiltYear, a.Households, a.ColdSpots, a.ColdArea, a.CheckEveryHours)
        == (b.Name, b.CompanyId, b.StationId, b.Address, b.BuiltYear, b.Households, b.ColdSpots, b.ColdArea, b.CheckEveryHours)
        && RegistryGeometry.Same(a.Geometry, b.Geometry);

    public static void CopyInto(HeatingCompany target, HeatingCompany source) =>
        (target.Name, target.Inspectors, target.ChecksPerInspectorPerDay, target.Zone) =
        (source.Name, source.Inspectors, source.ChecksPerInspectorPerDay, source.Zone);

    public static void CopyInto(HeatStation target, HeatStation source) =>
        (target.Name, target.CompanyId, target.Location) = (source.Name, source.CompanyId, source.Location);

    /// <summary>Copies what an import or a PUT may change; readings, monitoring and the version stay the store's.</summary>
    public static void CopyInto(Compound target, Compound source)
    {
        (target.Name, target.CompanyId, target.StationId, target.Address, target.Geometry) =
            (source.Name, source.CompanyId, source.StationId, source.Address, source.Geometry);
        (target.BuiltYear, target.Households, target.ColdSpots, target.ColdArea, target.CheckEveryHours) =
            (source.BuiltYear, source.Households, source.ColdSpots, source.ColdArea, source.CheckEveryHours);
    }

    static HeatingCompany Copy(HeatingCompany c)
    {
        var copy = new HeatingCompany { CompanyId = c.CompanyId };
        CopyInto(copy, c);
        return copy;
    }

    static HeatStation Copy(HeatStation s)
    {
        var copy = new HeatStation { StationId = s.StationId };
        CopyInto(copy, s);
        return copy;
    }

    static Compound Copy(Compound c)
    {
        var copy = new Compound { CompoundId = c.CompoundId, Version = c.Version };
        CopyInto(copy, c);
        return copy;
    }
}
