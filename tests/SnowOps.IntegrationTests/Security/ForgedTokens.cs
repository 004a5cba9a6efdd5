using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SnowOps.ServiceDefaults.Auth;

namespace SnowOps.IntegrationTests.Security;

/// <summary>Tokens the host must not take: each made the way a careless client or an attacker would make it.</summary>
public static class ForgedTokens
{
    public static readonly string[] Kinds =
        ["expired", "not yet valid", "another key", "another issuer", "another audience", "alg none", "HS512", "not a JWT", "unknown role"];

    public static string Make(string kind, SecurityKey key) => kind switch
    {
        "expired" => TokenIssuer.Create(key, "late", [Roles.Admin], TimeSpan.FromHours(1), now: DateTime.UtcNow.AddHours(-2)),
        "not yet valid" => TokenIssuer.Create(key, "early", [Roles.Admin], TimeSpan.FromHours(1), now: DateTime.UtcNow.AddHours(1)),
        "another key" => TokenIssuer.Create(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(48)), "mallory", [Roles.Admin], TimeSpan.FromHours(1)),
        "another issuer" => Signed(key, Roles.Admin, issuer: "someone-else"),
        "another audience" => Signed(key, Roles.Admin, audience: "someone-else"),
        "alg none" => Unsigned(Roles.Admin),
        "HS512" => Signed(key, Roles.Admin, algorithm: SecurityAlgorithms.HmacSha512),
        "not a JWT" => "not-a-token",
        "unknown role" => Signed(key, "superuser"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    static string Signed(SecurityKey key, string role, string issuer = TokenIssuer.Issuer, string audience = TokenIssuer.Audience,
        string algorithm = SecurityAlgorithms.HmacSha256) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = new Dictionary<string, object> { [TokenIssuer.NameClaim] = "mallory", [TokenIssuer.RoleClaim] = role },
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(key, algorithm),
        });

    /// <summary>A JWT with <c>"alg": "none"</c> and no signature, built by hand: no library will make one.</summary>
    static string Unsigned(string role)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = JsonSerializer.Serialize(new Dictionary<string, object> { ["alg"] = "none", ["typ"] = "JWT" });
        var payload = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["iss"] = TokenIssuer.Issuer, ["aud"] = TokenIssuer.Audience, ["name"] = "mallory", ["role"] = role,
            ["nbf"] = now, ["iat"] = now, ["exp"] = now + 3600,
        });
        return $"{Base64UrlEncoder.Encode(header)}.{Base64UrlEncoder.Encode(payload)}.";
    }
}
