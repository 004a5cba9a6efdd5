namespace SnowOps.CrewBot.WeCom;

/// <summary>
/// One app's access token, for the whole process: typed HTTP clients are short-lived, the token is not, and WeCom
/// limits how often it may be fetched. Register it as a singleton beside the client.
/// </summary>
public sealed class WeComAccessTokenCache
{
    string? token;
    DateTimeOffset validUntil;

    /// <summary>Held while a token is looked up or fetched, so concurrent sends fetch it once.</summary>
    internal SemaphoreSlim Gate { get; } = new(1, 1);

    internal string? Current(DateTimeOffset now) => now < validUntil ? Volatile.Read(ref token) : null;

    internal void Store(string value, DateTimeOffset until) => (token, validUntil) = (value, until);

    /// <summary>Drops the token WeCom refused, unless another send has already replaced it.</summary>
    internal void Forget(string stale) => Interlocked.CompareExchange(ref token, null, stale);
}
