using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.Tokens;

namespace SnowOps.ServiceDefaults.Auth;

/// <summary>
/// The HMAC key tokens are signed with. It comes from <c>SnowOps:Auth:SigningKey</c>; the embedded mode,
/// which must run with nothing configured, generates one into its data folder instead of shipping a secret.
/// </summary>
public static class SigningKey
{
    public const string FileName = "signing.key";
    const int MinimumBytes = 32;

    public static SymmetricSecurityKey Resolve(IConfiguration configuration, string dataDir, bool createIfMissing)
    {
        var configured = configuration["SnowOps:Auth:SigningKey"];
        if (!string.IsNullOrWhiteSpace(configured))
            return FromText(configured, "SnowOps:Auth:SigningKey");

        var path = Path.Combine(dataDir, FileName);
        if (File.Exists(path))
            return FromText(File.ReadAllText(path).Trim(), path);
        if (!createIfMissing)
            throw new InvalidOperationException(
                $"No signing key: set SnowOps:Auth:SigningKey (at least {MinimumBytes} bytes) or create {path}.");

        Directory.CreateDirectory(dataDir);
        var generated = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        File.WriteAllText(path, generated);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return FromText(generated, path);
    }

    public static SymmetricSecurityKey FromText(string text, string source)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length < MinimumBytes)
            throw new InvalidOperationException($"The signing key from {source} is {bytes.Length} bytes; at least {MinimumBytes} are needed.");
        return new SymmetricSecurityKey(bytes);
    }
}
