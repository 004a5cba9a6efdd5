using System.Security.Cryptography;
using System.Text;

namespace SnowOps.ServiceDefaults.Data;

/// <summary>
/// Ids derived from what a thing is (an alert's sender and identifier, the snow event an alert opens), so the
/// same message handled twice, or in two processes, names the same thing.
/// </summary>
public static class StableId
{
    public static Guid From(params string[] parts)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts)));
        return new Guid(hash.AsSpan(0, 16));
    }
}
