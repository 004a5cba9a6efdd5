using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SnowOps.CrewBot.Chats;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.ServiceDefaults.Http;

namespace SnowOps.CrewBot.Members;

public static class MemberEndpoints
{
    public sealed record Enrol(string? CrewId, string? Name, string? Language);

    public static IEndpointRouteBuilder MapMemberEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/crew-members", EnrolAsync).WithTags("Crew").RequireAuthorization(Policies.Administer)
            .WithSummary("Enrol a crew member: answers a one-time code for the bot's /start, valid 24 hours.");
        return app;
    }

    public static async Task<IResult> EnrolAsync(Enrol? request, CrewEnrolment enrolment, CancellationToken cancellationToken)
    {
        var crewId = request?.CrewId?.Trim();
        var name = request?.Name?.Trim();
        if (string.IsNullOrEmpty(crewId) || crewId.Length > 128)
            return Problems.BadRequest("crewId is required (at most 128 characters).");
        if (string.IsNullOrEmpty(name) || name.Length > 128)
            return Problems.BadRequest("name is required (at most 128 characters).");
        if (request!.Language is not (Texts.Chinese or Texts.English))
            return Problems.BadRequest("language is \"zh\" or \"en\".");
        var (member, code) = await enrolment.EnrolAsync(crewId, name, request.Language, cancellationToken);
        return Results.Created($"/api/crew-members/{member.MemberId}", new { memberId = member.MemberId, code, expires = member.CodeExpires });
    }
}
