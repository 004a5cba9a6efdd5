using SnowOps.Contracts;

namespace SnowOps.Dispatch.Tasks;

/// <summary>
/// A task changing hands: a crew declines it, a dispatcher gives it to another crew, or, when no crew can take it,
/// the duty dispatcher has it.
/// </summary>
public static class TaskHandOver
{
    const int DeclinedByLength = 1024;
    const int ReasonLength = 500;

    /// <summary>Notes that a crew declined, and why; the crew is not asked again.</summary>
    public static void RecordDecline(CrewTask task, string crewId, string reason)
    {
        // The column holds about fifteen crews; past that the longest-ago decliners give way.
        var decliners = task.Decliners.Where(c => c != crewId).Append(crewId).ToList();
        while (decliners.Count > 1 && string.Join(',', decliners).Length > DeclinedByLength)
            decliners.RemoveAt(0);
        task.DeclinedBy = string.Join(',', decliners);
        task.Reason = Shorten(reason);
    }

    /// <summary>
    /// Sends the task to a crew as new work: it must accept it afresh. What was done on the street (started,
    /// progress) stays with the task; the acceptance was the previous crew's.
    /// </summary>
    public static void GiveTo(CrewTask task, string crewId, DateTimeOffset at)
    {
        task.State = TaskState.Assigned;
        task.CrewId = crewId;
        task.Sent = 1;
        task.LastSent = at;
        task.Accepted = null;
        task.Version++;
    }

    /// <summary>No crew can take the task: nobody holds it, and it waits for the duty dispatcher.</summary>
    public static void Escalate(CrewTask task, string reason, DateTimeOffset at)
    {
        task.State = TaskState.Escalated;
        task.CrewId = null;
        task.Escalated = at;
        task.Reason = Shorten(reason);
        task.Version++;
    }

    /// <summary>
    /// When a hand-over that follows a crew's report happened: now, and never at or before the report, since
    /// projections keep the newest state change and the hand-over must win over the report it answers.
    /// </summary>
    public static DateTimeOffset After(DateTimeOffset reported, DateTimeOffset now) => now > reported ? now : reported.AddTicks(1);

    public static string Shorten(string text) => text.Length > ReasonLength ? text[..ReasonLength] : text;
}
