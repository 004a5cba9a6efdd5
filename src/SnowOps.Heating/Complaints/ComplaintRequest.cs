using System.Globalization;
using SnowOps.Heating.Registry;

namespace SnowOps.Heating.Complaints;

/// <summary>
/// An Open311 GeoReport v2-style service request as a hotline hands it in: service_code, service_request_id (the hotline's
/// own id), description, lat, long, address_string, requested_datetime, and source (which hotline, e.g. "12345").
/// </summary>
public sealed record ComplaintRequest(string Source, string ServiceRequestId, string? ServiceCode, string? Description,
    double? Latitude, double? Longitude, string? Address, DateTimeOffset? Requested)
{
    const int MaxDescription = 4000;

    /// <summary>The request read from a JSON object's or a form's fields, or why it cannot be taken (status and detail).</summary>
    public static (ComplaintRequest? Request, int Status, string? Problem) From(ImportRow row, string defaultSource)
    {
        var errors = new List<string>();
        var id = row.Text("servicerequestid");
        var source = row.Text("source") ?? defaultSource;
        var latitude = row.Real(errors, "lat", "latitude");
        var longitude = row.Real(errors, "long", "lon", "longitude");
        DateTimeOffset? requested = null;
        if (row.Text("requesteddatetime") is { } time)
        {
            if (DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                requested = parsed;
            else
                errors.Add($"requested_datetime '{time}' is not an ISO 8601 time");
        }
        if (id is null)
            errors.Add("service_request_id is required: the hotline's own id for the request");
        else if (id.Length > 128)
            errors.Add("service_request_id is longer than 128 characters");
        if (source.Length > 64)
            errors.Add("source is longer than 64 characters");
        if (row.Text("servicecode")?.Length > 64)
            errors.Add("service_code is longer than 64 characters");
        if (row.Text("description")?.Length > MaxDescription)
            errors.Add($"description is longer than {MaxDescription} characters");
        if (row.Text("addressstring", "address")?.Length > RegistryRows.MaxAddress)
            errors.Add($"address_string is longer than {RegistryRows.MaxAddress} characters");
        if ((latitude is null) != (longitude is null))
            errors.Add("lat and long must be given together");
        if (errors.Count > 0)
            return (null, 400, string.Join("; ", errors) + ".");
        if (latitude is < -90 or > 90 || longitude is < -180 or > 180)
            return (null, 422, $"lat {latitude} / long {longitude} lie outside WGS 84 latitude −90..90 / longitude −180..180.");
        return (new ComplaintRequest(source, id!, row.Text("servicecode"), row.Text("description"), latitude, longitude,
            row.Text("addressstring", "address"), requested), 200, null);
    }
}
