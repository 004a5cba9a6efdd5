using Microsoft.IdentityModel.Tokens;
using SnowOps.IntegrationTests.EmbeddedMode;
using SnowOps.ServiceDefaults.Auth;

namespace SnowOps.IntegrationTests.Security;

/// <summary>
/// One embedded host with every module and every endpoint mapped, shared by the security specs, and tokens signed with
/// the key it generated into its data folder.
/// </summary>
public sealed class SecuredHost : EmbeddedHost
{
    public const string Collection = "Secured host";

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        // The matrix calls the public lookup 14 times; its own limit has a spec of its own.
        ["SnowOps__Status__Public__PermitsPerMinute"] = "10000",
        // WeCom on, so that its callback is mapped. None of these is a credential and nothing is sent anywhere.
        ["SnowOps__CrewBot__WeCom__CorpId"] = "ww-authorization-matrix",
        ["SnowOps__CrewBot__WeCom__AgentId"] = "1000002",
        ["SnowOps__CrewBot__WeCom__Secret"] = "not-a-secret",
        ["SnowOps__CrewBot__WeCom__Token"] = "matrix",
        ["SnowOps__CrewBot__WeCom__EncodingAesKey"] = new string('A', 43),
        ["SnowOps__CrewBot__WeCom__BaseUrl"] = "http://127.0.0.1:9",
    };

    public SecurityKey Key => SigningKey.FromText(File.ReadAllText(Path.Combine(DataDir, SigningKey.FileName)).Trim(), "the host's data folder");

    public string Token(string role) => TokenIssuer.Create(Key, role + "-1", [role], TimeSpan.FromHours(1));

    public Caller Caller() => new(Host.BaseAddress);
}

[CollectionDefinition(SecuredHost.Collection)]
public sealed class SecuredHostCollection : ICollectionFixture<SecuredHost>;
