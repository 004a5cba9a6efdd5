namespace SnowOps.Contracts;

/// <summary>A crew reported a problem with a task from the field. The task's state does not change: Dispatch records it for the dispatchers.</summary>
/// <param name="TaskId">The task.</param>
/// <param name="CrewId">The crew.</param>
/// <param name="Problem">What is wrong, in the crew's words; empty when the crew sent only a photo.</param>
/// <param name="Reported">When.</param>
/// <param name="PhotoId">The photo sent with the report, kept by CrewBot and served at <c>/api/crew/photos/{id}</c>; null for none.</param>
public sealed record TaskProblemReported(Guid TaskId, string CrewId, string Problem, DateTimeOffset Reported, Guid? PhotoId = null);

/// <summary>A crew sent a photo for a task, after the report it belongs to (a completion need not wait for its photo).</summary>
/// <param name="TaskId">The task.</param>
/// <param name="CrewId">The crew.</param>
/// <param name="PhotoId">The photo, kept by CrewBot and served at <c>/api/crew/photos/{id}</c>.</param>
/// <param name="Purpose">What it shows: "completion" (the finished work) or "problem".</param>
/// <param name="Attached">When.</param>
public sealed record TaskPhotoAttached(Guid TaskId, string CrewId, Guid PhotoId, string Purpose, DateTimeOffset Attached);
