using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using SnowOps.ServiceDefaults.Http;

namespace SnowOps.CrewBot.WeCom;

/// <summary>Where the crew bot will take what a verified callback says.</summary>
public interface IWeComCallbackSink
{
    Task HandleAsync(WeComCallback callback, CancellationToken cancellationToken);
}

/// <summary>
/// The callback URL configured in the WeCom admin console: GET answers the URL check with the decrypted echostr,
/// POST verifies, decrypts and parses a message, hands it on, and answers an empty 200 (no passive reply), which
/// WeCom takes as received. Anything not signed with our token, or signed with a timestamp outside
/// <see cref="WeComOptions.ReplayWindow"/> of now, is refused with 403. No bearer token: WeCom proves itself with the signature.
/// </summary>
public static class WeComCallbackEndpoints
{
    public const string Path = "/api/wecom/callback";

    public static IEndpointRouteBuilder MapWeComCallback(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, (HttpRequest request, [FromServices] WeComOptions options, [FromServices] TimeProvider clock) =>
            Verify(request, options, clock)).WithTags("Crew").ExcludeFromDescription();
        app.MapPost(Path, (HttpRequest request, [FromServices] WeComOptions options, [FromServices] IWeComCallbackSink sink,
            [FromServices] TimeProvider clock, CancellationToken cancellationToken) =>
            ReceiveAsync(request, options, sink, clock, cancellationToken)).WithTags("Crew").ExcludeFromDescription();
        return app;
    }

    public static IResult Verify(HttpRequest request, WeComOptions options, TimeProvider clock)
    {
        var query = request.Query;
        if (OutsideWindow(query["timestamp"], options, clock) is { } stale)
            return stale;
        try
        {
            var echo = WeComCrypto.For(options).VerifyUrl(query["msg_signature"], query["timestamp"], query["nonce"], query["echostr"]);
            return Results.Text(echo, "text/plain", Encoding.UTF8);
        }
        catch (WeComCryptoException e)
        {
            return Refusal(e);
        }
    }

    public static async Task<IResult> ReceiveAsync(
        HttpRequest request, WeComOptions options, IWeComCallbackSink sink, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (OutsideWindow(request.Query["timestamp"], options, clock) is { } stale)
            return stale;
        var body = await BoundedBody.ReadAsync(request, options.MaxCallbackBytes, cancellationToken);
        if (body is null)
            return Problems.TooLarge($"A WeCom callback is at most {options.MaxCallbackBytes} bytes.");
        WeComCallback callback;
        try
        {
            var query = request.Query;
            var encrypted = WeComCallbackXml.ReadEncrypted(Encoding.UTF8.GetString(body));
            var message = WeComCrypto.For(options).DecryptMessage(query["msg_signature"], query["timestamp"], query["nonce"], encrypted);
            callback = WeComCallbackXml.Parse(message);
        }
        catch (WeComCryptoException e)
        {
            return Refusal(e);
        }
        await sink.HandleAsync(callback, cancellationToken);
        return Results.Text("", "text/plain", Encoding.UTF8);
    }

    /// <summary>The signature covers the timestamp, so a callback recorded and sent again later is known by it.</summary>
    static IResult? OutsideWindow(string? timestamp, WeComOptions options, TimeProvider clock)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return Problems.Forbidden("The callback's timestamp is missing or not a number of seconds.");
        var off = clock.GetUtcNow().ToUnixTimeSeconds() - seconds;
        return Math.Abs(off) <= options.ReplayWindow.TotalSeconds
            ? null
            : Problems.Forbidden($"The callback's timestamp is {Math.Abs(off)} s {(off > 0 ? "old" : "ahead")}; at most {options.ReplayWindow.TotalSeconds} s is taken.");
    }

    static IResult Refusal(WeComCryptoException e) => e switch
    {
        WeComSignatureException or WeComReceiverException => Problems.Forbidden(e.Message),
        WeComKeyException => Results.Problem("The WeCom EncodingAESKey is not configured correctly.",
            statusCode: StatusCodes.Status500InternalServerError, title: "WeCom is not configured"),
        _ => Problems.BadRequest(e.Message, "The WeCom callback cannot be read"),
    };
}
