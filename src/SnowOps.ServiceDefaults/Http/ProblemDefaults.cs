using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.WebUtilities;

namespace SnowOps.ServiceDefaults.Http;

/// <summary>
/// Gives a <c>detail</c> to the problems ASP.NET Core writes by itself (a 415 when a body's Content-Type
/// matches no endpoint's <c>Accepts</c>, a bare 401/403 from authorization): every SnowOps error says what is wrong.
/// </summary>
public static class ProblemDefaults
{
    public static void Configure(ProblemDetailsOptions options) => options.CustomizeProblemDetails = context =>
    {
        if (!string.IsNullOrWhiteSpace(context.ProblemDetails.Detail))
            return;
        var request = context.HttpContext.Request;
        context.ProblemDetails.Detail = context.ProblemDetails.Status switch
        {
            StatusCodes.Status415UnsupportedMediaType => $"Content-Type '{request.ContentType}' is not accepted by {request.Method} {request.Path}"
                + (Accepted(context.HttpContext) is { Length: > 0 } accepted ? $"; send one of {accepted}." : "."),
            int status => $"{ReasonPhrases.GetReasonPhrase(status)}: {request.Method} {request.Path}.",
            null => null,
        };
    };

    static string? Accepted(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is { ContentTypes.Count: > 0 } accepts
            ? string.Join(", ", accepts.ContentTypes)
            : null;
}
