using SnowOps.CrewBot.WeCom;

namespace SnowOps.CrewBot.Tests.WeCom;

/// <summary>The app settings the specs share: a made-up corp, token and EncodingAESKey.</summary>
static class WeComTestApp
{
    public const string CorpId = "ww0123456789abcdef";
    public const string Token = "snowops";
    public const string EncodingAesKey = "SnowOpsWeComTestKey0123456789abcdefghijklmn";
    public const string Secret = "s3cret-Only-For-The-Fake-Api";

    public static WeComCrypto Crypto(string corpId = CorpId) => new(Token, EncodingAesKey, corpId);

    public static WeComOptions Options(Uri? baseUrl = null) => new()
    {
        CorpId = CorpId,
        AgentId = 1000002,
        Secret = Secret,
        Token = Token,
        EncodingAesKey = EncodingAesKey,
        BaseUrl = baseUrl ?? new Uri(WeComOptions.DefaultBaseUrl),
    };
}
