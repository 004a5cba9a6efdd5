namespace SnowOps.Heating.Registry;

/// <summary>A heating company: it runs heat stations, serves compounds, and has inspectors who check homes.</summary>
public sealed class HeatingCompany
{
    /// <summary>The city's own id for the company, e.g. "bj-district-heating".</summary>
    public string CompanyId { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>Inspectors the company can send out on a day.</summary>
    public int Inspectors { get; set; }

    /// <summary>Compound checks one inspector makes in a day.</summary>
    public int ChecksPerInspectorPerDay { get; set; } = 8;

    /// <summary>Where the company's repair and inspection work goes: Dispatch's zone, if the city uses zones.</summary>
    public string? Zone { get; set; }

    /// <summary>Checks the company can make in a day.</summary>
    public int DailyCapacity => Inspectors * ChecksPerInspectorPerDay;
}
