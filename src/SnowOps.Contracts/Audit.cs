namespace SnowOps.Contracts;

/// <summary>Someone with a token asked a SnowOps process to change something (allowed or refused).</summary>
/// <param name="AuditId">Unique per request: a redelivery is the same entry.</param>
/// <param name="Who">The token's name.</param>
/// <param name="Roles">The token's roles.</param>
/// <param name="Method">POST, PUT, PATCH or DELETE.</param>
/// <param name="Path">The path asked for, without the query.</param>
/// <param name="Status">The HTTP status answered: 2xx done, 403 refused, 4xx not taken.</param>
/// <param name="At">When the answer was given.</param>
/// <param name="Modules">The modules of the process that answered.</param>
/// <param name="TraceId">The request's trace, to find it in the traces and logs.</param>
public sealed record ActionAudited(
    Guid AuditId, string Who, IReadOnlyList<string> Roles, string Method, string Path, int Status, DateTimeOffset At,
    IReadOnlyList<string> Modules, string? TraceId);
