using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SnowOps.CrewBot.Data;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.ServiceDefaults.Http;

namespace SnowOps.CrewBot.Photos;

/// <summary>The photos crews sent with problems and completions, for the dispatchers; Dispatch's timeline links to them.</summary>
public static class PhotoEndpoints
{
    public static IEndpointRouteBuilder MapPhotoEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/crew/photos/{photoId:guid}", GetAsync).WithTags("Crew").RequireAuthorization(Policies.Dispatch)
            .WithSummary("A photo a crew sent with a problem report or a completion.");
        return app;
    }

    static async Task<IResult> GetAsync(Guid photoId, CrewBotDbContext db, CancellationToken cancellationToken)
    {
        var photo = await db.Photos.AsNoTracking().Where(p => p.PhotoId == photoId)
            .Select(p => new { p.Bytes, p.ContentType }).FirstOrDefaultAsync(cancellationToken);
        return photo is null ? Problems.NotFound($"No photo {photoId} was sent by a crew.") : Results.File(photo.Bytes, photo.ContentType);
    }
}
