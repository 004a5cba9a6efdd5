namespace SnowOps.Heating.Complaints;

/// <summary>How a complaint came to name its compound.</summary>
public enum ComplaintMatch
{
    /// <summary>Not matched yet: a person has to say which compound it is about.</summary>
    None,

    /// <summary>The caller's position lies in the compound's outline.</summary>
    Inside,

    /// <summary>The compound is the nearest one to the caller's position, within the configured distance.</summary>
    Nearest,

    /// <summary>The address names the compound (its address or its name).</summary>
    Address,

    /// <summary>A person assigned it.</summary>
    Person,
}

/// <summary>A complaint about the heat, as a hotline or citizen-service system handed it in (Open311 GeoReport v2 style).</summary>
public sealed class Complaint
{
    public Guid Id { get; set; }

    /// <summary>Who handed it in: the hotline or system, e.g. "12345" or "96069"; with <see cref="ServiceRequestId"/> it names the complaint once.</summary>
    public string Source { get; set; } = "";

    /// <summary>The source's own id for the request (Open311 service_request_id).</summary>
    public string ServiceRequestId { get; set; } = "";

    /// <summary>Open311 service_code: what kind of request, as the source codes it.</summary>
    public string? ServiceCode { get; set; }
    public string? Description { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? Address { get; set; }

    /// <summary>When the citizen made the request (Open311 requested_datetime); the receipt time when the source gave none.</summary>
    public DateTimeOffset Requested { get; set; }

    /// <summary>When SnowOps took it in.</summary>
    public DateTimeOffset Received { get; set; }

    /// <summary>The compound it is about; null while nobody knows.</summary>
    public string? CompoundId { get; set; }
    public ComplaintMatch MatchedBy { get; set; }

    /// <summary>No compound could be matched: a person must assign it.</summary>
    public bool NeedsPerson { get; set; }

    /// <summary>Who assigned it by hand, when a person did.</summary>
    public string? AssignedBy { get; set; }

    /// <summary>When the compound was first measured after the complaint; null until then.</summary>
    public DateTimeOffset? FirstCheckedAt { get; set; }
}
