using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SnowOps.CrewBot.Chats;
using SnowOps.CrewBot.WeCom;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.ServiceDefaults.Http;

namespace SnowOps.CrewBot.Members;

public static class MemberEndpoints
{
    /// <summary>With <paramref name="WeComUserId"/>, the member is bound to that WeCom user at once and needs no code.</summary>
    public sealed record Enrol(string? CrewId, string? Name, string? Language, string? WeComUserId = null);

    public static IEndpointRouteBuilder MapMemberEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/crew-members", (Enrol? request, CrewEnrolment enrolment, WeComOptions weCom, CancellationToken ct) =>
                EnrolAsync(request, enrolment, weCom, ct))
            .WithTags("Crew").RequireAuthorization(Policies.Administer)
            .WithSummary("Enrol a crew member: answers a one-time code for the bot's /start, valid 24 hours; or binds the member to a WeCom userid.");
        return app;
    }

    public static async Task<IResult> EnrolAsync(Enrol? request, CrewEnrolment enrolment, WeComOptions weCom, CancellationToken cancellationToken)
    {
        var crewId = request?.CrewId?.Trim();
        var name = request?.Name?.Trim();
        if (string.IsNullOrEmpty(crewId) || crewId.Length > 128)
            return Problems.BadRequest("crewId is required (at most 128 characters).");
        if (string.IsNullOrEmpty(name) || name.Length > 128)
            return Problems.BadRequest("name is required (at most 128 characters).");
        if (request!.Language is not (Texts.Chinese or Texts.English))
            return Problems.BadRequest("language is \"zh\" or \"en\".");
        if (request.WeComUserId is not null)
            return await BindWeComAsync(request with { CrewId = crewId, Name = name }, enrolment, weCom, cancellationToken);
        var (member, code) = await enrolment.EnrolAsync(crewId, name, request.Language, cancellationToken);
        return Results.Created($"/api/crew-members/{member.MemberId}", new { memberId = member.MemberId, code, expires = member.CodeExpires });
    }

    static async Task<IResult> BindWeComAsync(Enrol request, CrewEnrolment enrolment, WeComOptions weCom, CancellationToken cancellationToken)
    {
        var userId = request.WeComUserId!.Trim();
        if (!IsWeComUserId(userId))
            return Problems.BadRequest("weComUserId is 1 to 64 letters, digits and _-@. starting with a letter or digit, as in the WeCom admin console.");
        if (!weCom.IsOn)
            return Problems.Unprocessable("WeCom is not configured here (SnowOps:CrewBot:WeCom): a member cannot be bound to a WeCom user.");
        var member = await enrolment.EnrolBoundAsync(request.CrewId!, request.Name!, request.Language!, WeComMessenger.Key, userId, cancellationToken);
        if (member is null)
            return Problems.Conflict($"The WeCom user {userId} is already bound to another crew member.");
        return Results.Created($"/api/crew-members/{member.MemberId}",
            new { memberId = member.MemberId, code = (string?)null, expires = (DateTimeOffset?)null, weComUserId = userId });
    }

    /// <summary>WeCom's rule for a member's userid.</summary>
    static bool IsWeComUserId(string userId) =>
        userId.Length is >= 1 and <= 64 && char.IsAsciiLetterOrDigit(userId[0])
        && userId.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '@' or '.');
}
