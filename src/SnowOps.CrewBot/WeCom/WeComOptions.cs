namespace SnowOps.CrewBot.WeCom;

/// <summary>
/// One WeCom (企业微信) self-built app: the corp and app it sends as, and the Token and EncodingAESKey its callback URL
/// was configured with. The secret and the key are credentials: keep them in secret configuration, never in logs.
/// </summary>
public sealed class WeComOptions
{
    public const string DefaultBaseUrl = "https://qyapi.weixin.qq.com";

    public string CorpId { get; set; } = "";
    public int AgentId { get; set; }
    public string Secret { get; set; } = "";
    public string Token { get; set; } = "";
    public string EncodingAesKey { get; set; } = "";
    public Uri BaseUrl { get; set; } = new(DefaultBaseUrl);

    /// <summary>How long before its stated expiry an access token is fetched again.</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The largest callback body accepted; WeCom's callbacks are a few kilobytes.</summary>
    public long MaxCallbackBytes { get; set; } = 64 * 1024;
}
