using NetTopologySuite.Geometries;

namespace SnowOps.Weather.Alerts;

/// <summary>The parts of a CAP 1.2 alert SnowOps acts on, read from one document.</summary>
public sealed record CapAlert(
    string Identifier,
    string Sender,
    DateTimeOffset Sent,
    string Status,
    string MsgType,
    string Scope,
    IReadOnlyList<CapReference> References,
    IReadOnlyList<CapInfo> Infos)
{
    /// <summary>The rest of the CAP <c>alert</c> element, kept with the stored alert.</summary>
    public CapDetails Details { get; init; } = CapDetails.None;
}

/// <summary>CAP <c>source</c>, <c>restriction</c>, <c>addresses</c>, <c>code</c>s, <c>note</c> and <c>incidents</c>.</summary>
public sealed record CapDetails(string? Source, string? Restriction, string? Addresses, IReadOnlyList<string> Codes, string? Note, string? Incidents)
{
    public static readonly CapDetails None = new(null, null, null, [], null, null);
}

/// <summary>One <c>sender,identifier,sent</c> triple of a CAP <c>references</c> element.</summary>
public sealed record CapReference(string Sender, string Identifier);

public sealed record CapInfo(
    string Language,
    string Event,
    string Severity,
    string? Headline,
    DateTimeOffset? Onset,
    DateTimeOffset? Expires,
    IReadOnlyDictionary<string, string> EventCodes,
    IReadOnlyDictionary<string, string> Parameters,
    string? AreaDescription,
    Geometry? Area,
    IReadOnlyList<string> Geocodes)
{
    /// <summary>What SnowOps had to change to use this info (e.g. "area repaired: ..."); kept with the stored alert.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>When the information takes effect (CAP <c>effective</c>; defaults to <c>sent</c>).</summary>
    public DateTimeOffset? Effective { get; init; }
}
