using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SnowOps.ServiceDefaults.Auth;

/// <summary>Mints the JWTs SnowOps accepts (used by <c>snowops token</c> and by tests).</summary>
public static class TokenIssuer
{
    public const string Issuer = "snowops";
    public const string Audience = "snowops";
    public const string RoleClaim = "role";
    public const string NameClaim = "name";

    public static string Create(SecurityKey key, string name, IEnumerable<string> roles, TimeSpan lifetime, DateTime? now = null)
    {
        var unknown = roles.Where(r => !Roles.All.Contains(r)).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"Unknown role(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", Roles.All)}.");
        if (string.IsNullOrWhiteSpace(name))
            throw new ArgumentException("A token needs a name.", nameof(name));

        var issuedAt = now ?? DateTime.UtcNow;
        var claims = new List<Claim> { new(NameClaim, name), new(JwtRegisteredClaimNames.Sub, name) };
        claims.AddRange(roles.Select(r => new Claim(RoleClaim, r)));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = issuedAt + lifetime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
