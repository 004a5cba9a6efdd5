namespace SnowOps.Heating.Supply;

/// <summary>The last supply-temperature advice published for a heat station, with what it was made from.</summary>
public sealed class SupplyAdvice
{
    public string StationId { get; set; } = "";
    public string CompanyId { get; set; } = "";

    /// <summary>The period looked at: from when it was made to the lead time ahead.</summary>
    public DateTimeOffset From { get; set; }
    public DateTimeOffset Until { get; set; }

    /// <summary>The lowest forecast outdoor temperature of the period.</summary>
    public double OutdoorCelsius { get; set; }

    /// <summary>What the station's curve gives for it.</summary>
    public double CurveCelsius { get; set; }

    /// <summary>The station's own offset.</summary>
    public double OffsetCelsius { get; set; }

    /// <summary>The raise an active snow event's plan asks for, and which event.</summary>
    public double RaiseCelsius { get; set; }
    public Guid? RaiseSnowEventId { get; set; }

    /// <summary>The cap, and whether it cut the advice.</summary>
    public double CapCelsius { get; set; }
    public bool Capped { get; set; }

    /// <summary>The supply-water temperature advised.</summary>
    public double SupplyCelsius { get; set; }

    /// <summary>When it was published.</summary>
    public DateTimeOffset Advised { get; set; }

    /// <summary>When a later run last found it still standing (within the minimum change).</summary>
    public DateTimeOffset Confirmed { get; set; }
}
