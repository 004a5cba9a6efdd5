namespace SnowOps.IntegrationTests.Infrastructure;

public static class Eventually
{
    /// <summary>Asks again until the answer is what is expected; messages cross processes, so state arrives a little later.</summary>
    public static async Task<T> HoldsAsync<T>(Func<Task<T>> ask, Func<T, bool> expected, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        T last = await ask();
        while (!expected(last))
        {
            if (DateTime.UtcNow > deadline)
                throw new Xunit.Sdk.XunitException($"Timed out after {seconds} s waiting for {what}. Last answer: {last}");
            await Task.Delay(200);
            last = await ask();
        }
        return last;
    }
}
