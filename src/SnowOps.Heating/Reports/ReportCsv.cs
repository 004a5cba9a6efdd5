using System.Globalization;
using System.Text;

namespace SnowOps.Heating.Reports;

/// <summary>The report as CSV (RFC 4180, invariant culture): one row per compound.</summary>
public static class ReportCsv
{
    public const string Header = "company,compound,name,checks,passes,pass_rate,open_deficiencies,closed_deficiencies,median_fix_hours";

    public static string Write(HeatingReport report)
    {
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var line in report.Compounds)
        {
            csv.AppendJoin(',', Field(line.CompanyId), Field(line.CompoundId), Field(line.Name), Number(line.PassRate.Checks),
                Number(line.PassRate.Passes), Number(line.PassRate.Rate), Number(line.OpenDeficiencies), Number(line.ClosedDeficiencies),
                Number(line.MedianFixHours));
            csv.Append("\r\n");
        }
        return csv.ToString();
    }

    static string Number(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    static string Field(string value)
    {
        // A leading = + - @ would make a spreadsheet run the cell as a formula.
        if (value.Length > 0 && "=+-@".Contains(value[0]))
            value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
