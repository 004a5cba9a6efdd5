using Microsoft.EntityFrameworkCore;
using SnowOps.Heating.Data;
using SnowOps.Heating.Reports;

namespace SnowOps.Heating.Complaints;

/// <summary>Hours from a citizen's call to the first measurement at the compound, for the report.</summary>
public sealed class ComplaintDelays(HeatingDbContext db) : IComplaintDelays
{
    public async Task<IReadOnlyList<double>?> HoursToCheckAsync(
        DateTimeOffset from, DateTimeOffset to, string? companyId, CancellationToken cancellationToken)
    {
        var checkedComplaints = db.Complaints.AsNoTracking()
            .Where(c => c.Requested >= from && c.Requested < to && c.FirstCheckedAt != null && c.CompoundId != null);
        if (companyId is not null)
        {
            var compounds = db.Compounds.Where(c => c.CompanyId == companyId).Select(c => c.CompoundId);
            checkedComplaints = checkedComplaints.Where(c => compounds.Contains(c.CompoundId!));
        }
        var times = await checkedComplaints.Select(c => new { c.Requested, Checked = c.FirstCheckedAt!.Value }).ToListAsync(cancellationToken);
        return [.. times.Select(t => (t.Checked - t.Requested).TotalHours)];
    }
}
