using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;

namespace SnowOps.CrewBot.WeCom;

/// <summary>
/// WeCom's server API for one app: an access token from /cgi-bin/gettoken, kept until shortly before it expires, app
/// messages through /cgi-bin/message/send, and card updates through /cgi-bin/message/update_template_card. A token
/// WeCom calls expired or invalid (42001, 40014) is fetched again once and the call retried; frequency limits surface as <see cref="WeComRateLimitedException"/>.
/// The secret and the token travel only in request URLs, never in logs or exceptions.
/// The token lives in a <see cref="WeComAccessTokenCache"/> shared across clients, so the client itself may be short-lived.
/// </summary>
public sealed class WeComClient(
    HttpClient http, WeComOptions options, WeComAccessTokenCache tokens, TimeProvider time, ILogger<WeComClient> logger)
{
    static readonly int[] StaleToken = [42001, 40014];
    static readonly int[] RateLimited = [45009, 45033];

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public Task<WeComSendResult> SendButtonCardAsync(string userId, WeComButtonCard card, CancellationToken cancellationToken) =>
        CallAsync("message/send", new SendRequest(userId, "template_card", options.AgentId, TemplateCard: Template(card)), card.CardTaskId,
            cancellationToken);

    public Task<WeComSendResult> SendTextCardAsync(string userId, WeComTextCard card, CancellationToken cancellationToken) =>
        CallAsync("message/send", new SendRequest(userId, "textcard", options.AgentId,
            Textcard: new TextCard(card.Title, card.Description, card.Url.AbsoluteUri, card.ButtonText)), null, cancellationToken);

    public Task<WeComSendResult> SendTextAsync(string userId, string content, CancellationToken cancellationToken) =>
        CallAsync("message/send", new SendRequest(userId, "text", options.AgentId, Text: new TextContent(content)), null, cancellationToken);

    /// <summary>
    /// Replaces a card the user was sent, with the response code WeCom gave at the send or with a click on it: each code
    /// works once, within 72 hours.
    /// </summary>
    public Task<WeComSendResult> UpdateButtonCardAsync(string userId, string responseCode, WeComButtonCard card, CancellationToken cancellationToken) =>
        CallAsync("message/update_template_card", new UpdateRequest([userId], options.AgentId, responseCode, Template(card)), card.CardTaskId,
            cancellationToken);

    /// <summary>
    /// Fetches a file a user sent (an image's MediaId) from /cgi-bin/media/get, at most <paramref name="maxBytes"/> of it.
    /// WeCom answers the file itself, or JSON when it refuses; a refused token is fetched again once, as for sends.
    /// </summary>
    public async Task<Chats.ChatFile> DownloadMediaAsync(string mediaId, long maxBytes, CancellationToken cancellationToken)
    {
        var accessToken = await AccessTokenAsync(cancellationToken);
        var (file, reply) = await GetMediaAsync(accessToken, mediaId, maxBytes, cancellationToken);
        if (reply is not null && StaleToken.Contains(reply.Errcode))
        {
            tokens.Forget(accessToken);
            (file, reply) = await GetMediaAsync(await AccessTokenAsync(cancellationToken), mediaId, maxBytes, cancellationToken);
        }
        if (reply is not null)
        {
            Check("media/get", reply);
            throw new WeComApiException("media/get", -1, "an answer without the file");
        }
        return file!;
    }

    async Task<(Chats.ChatFile? File, Reply? Refusal)> GetMediaAsync(
        string accessToken, string mediaId, long maxBytes, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(
            Url($"/cgi-bin/media/get?access_token={Uri.EscapeDataString(accessToken)}&media_id={Uri.EscapeDataString(mediaId)}"),
            HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var type = response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream";
        if (type is "application/json" or "text/plain")
            return (null, await ReadAsync("media/get", response, cancellationToken));
        if (!response.IsSuccessStatusCode)
            throw new WeComApiException("media/get", -1, $"HTTP {(int)response.StatusCode}");
        if (response.Content.Headers.ContentLength > maxBytes)
            throw new Chats.ChatFileTooLargeException(maxBytes);
        using var bytes = new Chats.BoundedBuffer(maxBytes);
        await response.Content.CopyToAsync(bytes, cancellationToken);
        return (new Chats.ChatFile(bytes.ToArray(), type), null);
    }

    static TemplateCard Template(WeComButtonCard card) => new(
        CardType: "button_interaction",
        MainTitle: new MainTitle(card.Title, card.Description),
        SubTitleText: card.SubTitle,
        HorizontalContentList: card.Details.Count == 0 ? null : [.. card.Details.Select(d => new HorizontalContent(d.Key, d.Value))],
        TaskId: card.CardTaskId,
        ButtonList: card.Buttons.Count == 0 ? null : [.. card.Buttons.Select(b => new Button(b.Text, b.Key))],
        ReplaceText: card.ReplaceText);

    async Task<WeComSendResult> CallAsync<T>(string operation, T request, string? cardTaskId, CancellationToken cancellationToken)
    {
        var accessToken = await AccessTokenAsync(cancellationToken);
        var reply = await PostAsync(operation, accessToken, request, cancellationToken);
        if (StaleToken.Contains(reply.Errcode))
        {
            logger.LogWarning("WeCom refused the access token with errcode {ErrorCode}; fetching a new one and sending again", reply.Errcode);
            tokens.Forget(accessToken);
            accessToken = await AccessTokenAsync(cancellationToken);
            reply = await PostAsync(operation, accessToken, request, cancellationToken);
        }
        Check(operation, reply);
        return new WeComSendResult(reply.Msgid, reply.ResponseCode, string.IsNullOrEmpty(reply.Invaliduser) ? null : reply.Invaliduser, cardTaskId);
    }

    async Task<Reply> PostAsync<T>(string operation, string accessToken, T request, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(Url($"/cgi-bin/{operation}?access_token={Uri.EscapeDataString(accessToken)}"),
            request, Json, cancellationToken);
        return await ReadAsync(operation, response, cancellationToken);
    }

    async Task<string> AccessTokenAsync(CancellationToken cancellationToken)
    {
        await tokens.Gate.WaitAsync(cancellationToken);
        try
        {
            if (tokens.Current(time.GetUtcNow()) is { } cached)
                return cached;
            using var response = await http.GetAsync(Url(
                $"/cgi-bin/gettoken?corpid={Uri.EscapeDataString(options.CorpId)}&corpsecret={Uri.EscapeDataString(options.Secret)}"),
                cancellationToken);
            var reply = await ReadAsync("gettoken", response, cancellationToken);
            Check("gettoken", reply);
            if (string.IsNullOrEmpty(reply.AccessToken) || reply.ExpiresIn is not > 0)
                throw new WeComApiException("gettoken", reply.Errcode, "the answer carries no access_token or expires_in");
            var lifetime = TimeSpan.FromSeconds(reply.ExpiresIn.Value);
            var margin = options.TokenRefreshMargin < lifetime / 2 ? options.TokenRefreshMargin : lifetime / 2;
            tokens.Store(reply.AccessToken, time.GetUtcNow() + lifetime - margin);
            logger.LogInformation("Fetched a WeCom access token for corp {CorpId}, agent {AgentId}, valid for {Seconds} s",
                options.CorpId, options.AgentId, reply.ExpiresIn);
            return reply.AccessToken;
        }
        finally
        {
            tokens.Gate.Release();
        }
    }

    Uri Url(string pathAndQuery) => new(options.BaseUrl.AbsoluteUri.TrimEnd('/') + pathAndQuery);

    static async Task<Reply> ReadAsync(string operation, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
            throw new WeComApiException(operation, -1, $"HTTP {(int)response.StatusCode}");
        try
        {
            return await response.Content.ReadFromJsonAsync<Reply>(Json, cancellationToken)
                ?? throw new WeComApiException(operation, -1, "an empty answer");
        }
        catch (JsonException)
        {
            throw new WeComApiException(operation, -1, "an answer that is not WeCom's JSON");
        }
    }

    static void Check(string operation, Reply reply)
    {
        if (reply.Errcode == 0)
            return;
        if (RateLimited.Contains(reply.Errcode))
            throw new WeComRateLimitedException(operation, reply.Errcode, reply.Errmsg);
        throw new WeComApiException(operation, reply.Errcode, reply.Errmsg);
    }

    sealed record Reply(int Errcode, string? Errmsg, string? AccessToken, int? ExpiresIn, string? Msgid, string? ResponseCode, string? Invaliduser);

    internal sealed record SendRequest(
        string Touser, string Msgtype, int Agentid, TemplateCard? TemplateCard = null, TextCard? Textcard = null, TextContent? Text = null);

    internal sealed record UpdateRequest(IReadOnlyList<string> Userids, int Agentid, string ResponseCode, TemplateCard TemplateCard);

    internal sealed record TemplateCard(
        string CardType, MainTitle MainTitle, string? SubTitleText, IReadOnlyList<HorizontalContent>? HorizontalContentList, string TaskId,
        IReadOnlyList<Button>? ButtonList, string? ReplaceText);

    internal sealed record TextContent(string Content);

    internal sealed record MainTitle(string Title, string? Desc);

    internal sealed record HorizontalContent(string Keyname, string Value);

    internal sealed record Button(string Text, string Key);

    internal sealed record TextCard(string Title, string Description, string Url, string? Btntxt);
}
