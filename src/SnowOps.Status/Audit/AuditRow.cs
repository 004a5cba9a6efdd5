namespace SnowOps.Status.Audit;

/// <summary>One change someone asked for, and what they were answered.</summary>
public sealed class AuditRow
{
    public Guid AuditId { get; set; }
    public string Who { get; set; } = "";
    public List<string> Roles { get; set; } = [];
    public string Method { get; set; } = "";
    public string Path { get; set; } = "";
    public int Status { get; set; }
    public DateTimeOffset At { get; set; }
    public List<string> Modules { get; set; } = [];
    public string? TraceId { get; set; }
}
