using Microsoft.Extensions.Options;

namespace SnowOps.Routing.Fleet;

/// <summary>Stops start-up with the reason when the fleet, de-icing or planner settings cannot be planned with.</summary>
public sealed class FleetValidation : IValidateOptions<RoutingOptions>
{
    public ValidateOptionsResult Validate(string? name, RoutingOptions options) =>
        Problems(options).ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;

    public static IEnumerable<string> Problems(RoutingOptions options)
    {
        var fleet = options.Fleet;
        foreach (var b in fleet.Bases)
        {
            if (!IsName(b.Name))
                yield return $"SnowOps:Routing:Fleet:Bases: '{b.Name}' is not a usable name (letters, digits, spaces, '-' and '_').";
            if (b.Lon is < -180 or > 180 || b.Lat is < -90 or > 90 || double.IsNaN(b.Lon) || double.IsNaN(b.Lat))
                yield return $"SnowOps:Routing:Fleet:Bases: '{b.Name}' lies outside longitude -180..180 / latitude -90..90.";
        }
        foreach (var duplicate in fleet.Bases.GroupBy(b => b.Name).Where(g => g.Count() > 1))
            yield return $"SnowOps:Routing:Fleet:Bases: '{duplicate.Key}' is named twice.";
        foreach (var v in fleet.Vehicles)
        {
            var where = $"SnowOps:Routing:Fleet:Vehicles: '{v.Name}'";
            if (!IsName(v.Name) || v.Name.Contains(' ', StringComparison.Ordinal))
                yield return $"{where} is not a usable vehicle name (letters, digits, '-' and '_').";
            if (v.Count < 1)
                yield return $"{where} has Count {v.Count}; at least 1.";
            if (!fleet.Bases.Any(b => b.Name == v.HomeDepot && b.Kind == BaseKind.Depot))
                yield return $"{where} has HomeDepot '{v.HomeDepot}', which is no depot in Bases.";
            if (!(v.PlowSpeedKmh > 0) || !(v.TravelSpeedKmh > 0) || !(v.ShiftHours > 0))
                yield return $"{where} needs PlowSpeedKmh, TravelSpeedKmh and ShiftHours above zero.";
            if (v.Kind == VehicleKind.Spreader && !(v.DeIcerCapacityKg > 0))
                yield return $"{where} is a spreader and needs DeIcerCapacityKg above zero.";
        }
        foreach (var duplicate in fleet.Vehicles.GroupBy(v => v.Name).Where(g => g.Count() > 1))
            yield return $"SnowOps:Routing:Fleet:Vehicles: '{duplicate.Key}' is named twice.";
        if (!(fleet.LaneWidthMeters > 0))
            yield return "SnowOps:Routing:Fleet:LaneWidthMeters must be above zero.";
        var rates = options.DeIcing.EffectiveRates;
        if (rates.Any(r => !(r.GramsPerSquareMeter >= 0)))
            yield return "SnowOps:Routing:DeIcing:Rates: every GramsPerSquareMeter must be zero or more.";
        if (rates.Count(r => r.FromCelsius is null) > 1 || rates.GroupBy(r => r.FromCelsius).Any(g => g.Count() > 1))
            yield return "SnowOps:Routing:DeIcing:Rates: two bands start at the same temperature.";
        if (!(options.DeIcing.PreWettedFactor is > 0 and <= 1))
            yield return "SnowOps:Routing:DeIcing:PreWettedFactor must be in (0, 1].";
        if (!(options.Planner.TimeLimitSeconds > 0) || !(options.Planner.ReplanSeconds >= 0) || options.Planner.MaxSectorTasks < 10)
            yield return "SnowOps:Routing:Planner: TimeLimitSeconds above zero, ReplanSeconds zero or more, MaxSectorTasks at least 10.";
    }

    static bool IsName(string name) =>
        !string.IsNullOrWhiteSpace(name) && name.Length <= 64 && name.All(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_');
}
