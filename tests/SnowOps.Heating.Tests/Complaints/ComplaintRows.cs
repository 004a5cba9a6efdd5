using SnowOps.Heating.Complaints;
using SnowOps.Heating.Tests.Registry;

namespace SnowOps.Heating.Tests.Complaints;

/// <summary>Puts complaints straight into the store, as intake would have left them.</summary>
static class ComplaintRows
{
    public static Task<Complaint> AddAsync(this HeatingApi api, string? compoundId, DateTimeOffset requested, DateTimeOffset? firstChecked = null)
    {
        var complaint = new Complaint
        {
            Id = Guid.NewGuid(),
            Source = "12345",
            ServiceRequestId = Guid.NewGuid().ToString("N"),
            Requested = requested,
            Received = requested.AddMinutes(1),
            CompoundId = compoundId,
            MatchedBy = compoundId is null ? ComplaintMatch.None : ComplaintMatch.Address,
            NeedsPerson = compoundId is null,
            FirstCheckedAt = firstChecked,
        };
        return api.QueryAsync(async db =>
        {
            db.Complaints.Add(complaint);
            await db.SaveChangesAsync();
            return complaint;
        });
    }
}
