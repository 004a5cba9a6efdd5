using SnowOps.CrewBot.Chats;

namespace SnowOps.CrewBot.WeCom;

/// <summary>
/// The settings under <c>SnowOps:CrewBot:WeCom</c>: one WeCom (企业微信) self-built app, the corp and app it sends as,
/// and the Token and EncodingAESKey its callback URL was configured with. The secret and the key are credentials:
/// keep them in secret configuration, never in logs.
/// </summary>
public sealed class WeComOptions
{
    public const string Section = "SnowOps:CrewBot:WeCom";
    public const string DefaultBaseUrl = "https://qyapi.weixin.qq.com";

    /// <summary>Unset: on when a CorpId is configured. False turns a configured app off; true insists on a full configuration.</summary>
    public bool? Enabled { get; set; }

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

    /// <summary>How far a callback's signed timestamp may be from now, either way, before it is refused as a replay.</summary>
    public TimeSpan ReplayWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The language for users who are not enrolled yet (WeCom does not say which one a user reads).</summary>
    public string Language { get; set; } = Texts.Chinese;

    public bool IsOn => Enabled ?? !string.IsNullOrWhiteSpace(CorpId);

    /// <summary>Throws with every setting that is missing or wrong, when the app is on.</summary>
    public void Validate()
    {
        if (!IsOn)
            return;
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(CorpId))
            problems.Add("CorpId is required");
        if (AgentId <= 0)
            problems.Add("AgentId is the app's AgentId, a positive number");
        if (string.IsNullOrWhiteSpace(Secret))
            problems.Add("Secret is required");
        if (Token.Length is < 1 or > 32 || !Token.All(char.IsAsciiLetterOrDigit))
            problems.Add("Token is 1 to 32 letters and digits, as set for the callback URL");
        try
        {
            WeComCrypto.DecodeKey(EncodingAesKey);
        }
        catch (WeComKeyException e)
        {
            problems.Add("EncodingAesKey: " + e.Message.TrimEnd('.'));
        }
        if (!BaseUrl.IsAbsoluteUri || BaseUrl.Scheme is not ("https" or "http"))
            problems.Add("BaseUrl is an absolute http(s) URL");
        if (ReplayWindow <= TimeSpan.Zero || ReplayWindow > TimeSpan.FromHours(1))
            problems.Add("ReplayWindow is more than zero and at most an hour");
        if (Language is not (Texts.Chinese or Texts.English))
            problems.Add("Language is \"zh\" or \"en\"");
        if (problems.Count > 0)
            throw new InvalidOperationException($"WeCom is on but {Section} is not usable: {string.Join("; ", problems)}.");
    }
}
