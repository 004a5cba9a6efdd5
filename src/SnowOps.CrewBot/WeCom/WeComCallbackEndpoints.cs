using System.Text;
using Microsoft.AspNetCore.Http;
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
/// WeCom takes as received. Anything not signed with our token is refused with 403.
/// </summary>
public static class WeComCallbackEndpoints
{
    public static IResult Verify(HttpRequest request, WeComOptions options)
    {
        var query = request.Query;
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
        HttpRequest request, WeComOptions options, IWeComCallbackSink sink, CancellationToken cancellationToken)
    {
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

    static IResult Refusal(WeComCryptoException e) => e switch
    {
        WeComSignatureException or WeComReceiverException => Problems.Forbidden(e.Message),
        WeComKeyException => Results.Problem("The WeCom EncodingAESKey is not configured correctly.",
            statusCode: StatusCodes.Status500InternalServerError, title: "WeCom is not configured"),
        _ => Problems.BadRequest(e.Message, "The WeCom callback cannot be read"),
    };
}
