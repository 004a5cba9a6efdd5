using NetTopologySuite.Geometries;
using SnowOps.Contracts;

namespace SnowOps.Weather.Alerts;

public enum AlertState
{
    Active,
    Superseded,
    Cancelled,
    Expired,
}

/// <summary>A stored, normalised alert with the document it came from.</summary>
public sealed class WeatherAlert
{
    public Guid Id { get; set; }
    public required string Sender { get; set; }
    public required string Identifier { get; set; }
    public DateTimeOffset Sent { get; set; }
    public required string Status { get; set; }
    public required string MsgType { get; set; }
    public Hazard Hazard { get; set; }
    public AlertLevel Level { get; set; }
    public required string Event { get; set; }
    public string? Headline { get; set; }
    public string? AreaDescription { get; set; }
    public Geometry? Area { get; set; }

    /// <summary>The city's zones the alert concerns.</summary>
    public List<string> Zones { get; set; } = [];
    public DateTimeOffset? Effective { get; set; }
    public DateTimeOffset? Onset { get; set; }
    public DateTimeOffset? Expires { get; set; }
    public AlertState State { get; set; }
    public string Scope { get; set; } = "Public";
    public string? Source { get; set; }
    public string? Restriction { get; set; }
    public string? Addresses { get; set; }
    public List<string> Codes { get; set; } = [];
    public string? Note { get; set; }
    public string? Incidents { get; set; }

    /// <summary>The languages of the alert's info blocks; the one used is <see cref="Language"/>, the document keeps all.</summary>
    public List<string> Languages { get; set; } = [];
    public string? Language { get; set; }

    /// <summary>What SnowOps changed to use the document, e.g. "area repaired: the polygon crossed itself ...".</summary>
    public List<string> Notes { get; set; } = [];

    /// <summary>The stored alerts this one updates or cancels (CAP references that were received).</summary>
    public List<Guid> References { get; set; } = [];

    /// <summary>The first alert of an update chain; what the rest of SnowOps knows the warning by.</summary>
    public Guid Root { get; set; }
    public required string Document { get; set; }
    public required string ContentType { get; set; }
    public DateTimeOffset Received { get; set; }

    /// <summary>False until the alert's event has reached the bus; a repeated POST publishes it then.</summary>
    public bool Published { get; set; }
}
