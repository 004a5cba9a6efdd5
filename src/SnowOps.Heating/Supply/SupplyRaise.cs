namespace SnowOps.Heating.Supply;

/// <summary>A snow event's plan asks for supply water this much warmer, until the event closes.</summary>
public sealed class SupplyRaise
{
    public Guid SnowEventId { get; set; }
    public double RaiseCelsius { get; set; }

    /// <summary>When the plan asked (the latest request of the event counts).</summary>
    public DateTimeOffset Requested { get; set; }

    /// <summary>When the event closed; null while it lasts.</summary>
    public DateTimeOffset? Ended { get; set; }
}
