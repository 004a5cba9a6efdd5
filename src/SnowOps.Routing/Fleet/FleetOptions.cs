namespace SnowOps.Routing.Fleet;

public enum BaseKind { Depot, SaltYard }

public enum VehicleKind { Plow, Spreader }

/// <summary>A place vehicles start from (a depot) or load de-icer at (a salt yard).</summary>
public sealed class BaseOptions
{
    public string Name { get; set; } = "";
    public BaseKind Kind { get; set; } = BaseKind.Depot;
    public double Lon { get; set; }
    public double Lat { get; set; }
}

/// <summary>One type of vehicle and how many of it the city has.</summary>
public sealed class VehicleTypeOptions
{
    /// <summary>The vehicles are named <c>Name-1</c> … <c>Name-Count</c> (just <c>Name</c> when there is one).</summary>
    public string Name { get; set; } = "";
    public VehicleKind Kind { get; set; } = VehicleKind.Plow;
    public int Count { get; set; } = 1;

    /// <summary>Name of the depot the vehicles start and end their shift at.</summary>
    public string HomeDepot { get; set; } = "";

    /// <summary>De-icer a spreader carries, kg (ignored for plows).</summary>
    public double DeIcerCapacityKg { get; set; }

    /// <summary>Speed while plowing or spreading.</summary>
    public double PlowSpeedKmh { get; set; } = 20;

    /// <summary>Speed while driving without serving (deadheading).</summary>
    public double TravelSpeedKmh { get; set; } = 35;
    public double ShiftHours { get; set; } = 8;
}

/// <summary>The city's vehicles and bases, under <c>SnowOps:Routing:Fleet</c>.</summary>
public sealed class FleetOptions
{
    public List<BaseOptions> Bases { get; set; } = [];
    public List<VehicleTypeOptions> Vehicles { get; set; } = [];

    /// <summary>Width of one lane: treated area = length × lane width × passes.</summary>
    public double LaneWidthMeters { get; set; } = 3.5;
}
