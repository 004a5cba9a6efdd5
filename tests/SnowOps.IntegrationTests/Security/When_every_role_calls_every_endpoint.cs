using SnowOps.ServiceDefaults.Auth;

namespace SnowOps.IntegrationTests.Security;

/// <summary>
/// The authorization matrix: every endpoint in <see cref="EndpointTable"/> called with no token and with a token for
/// each role, with placeholder route values and an empty body.
/// </summary>
[Collection(SecuredHost.Collection)]
public sealed class When_every_role_calls_every_endpoint(SecuredHost host)
{
    static IEnumerable<(Endpoint Endpoint, string? Role)> Calls(Func<Endpoint, string?, bool> which) =>
        from endpoint in EndpointTable.All
        from role in Who.Callers
        where which(endpoint, role)
        select (endpoint, role);

    [Fact]
    public async Task Should_refuse_every_caller_the_table_does_not_allow_with_401_or_403()
    {
        using var caller = host.Caller();

        var answers = await caller.CallAllAsync(Calls((e, role) => !e.Who.Allows(role)), host.Token);

        var wrong = answers.Where(a => a.Status != (a.Role is null ? 401 : 403) || a.MediaType != "application/problem+json");
        Assert.True(answers.Count > 300, $"Only {answers.Count} refused calls; the table has shrunk.");
        Assert.True(!wrong.Any(), "Not refused as the table says (401 without a token, 403 without the role, as problem details):\n  " +
            string.Join("\n  ", wrong.Select(a => $"{a}, expected {(a.Role is null ? 401 : 403)}")));
    }

    [Fact]
    public async Task Should_let_every_caller_the_table_allows_reach_the_endpoint()
    {
        using var caller = host.Caller();

        var answers = await caller.CallAllAsync(Calls((e, role) => e.Who.Allows(role) && e.Who != Who.OwnSecret), host.Token);

        var wrong = answers.Where(a => a.Status is 401 or 403 or >= 500 || a.NoSuchRoute);
        Assert.True(!wrong.Any(), "Allowed callers that did not reach the endpoint, or broke it:\n  " + string.Join("\n  ", wrong));
    }

    [Fact]
    public async Task Should_answer_a_caller_with_its_own_secret_the_same_whatever_bearer_token_it_brings()
    {
        using var caller = host.Caller();

        var answers = await caller.CallAllAsync(Calls((e, _) => e.Who == Who.OwnSecret), host.Token);

        var withoutToken = answers.Where(a => a.Role is null).ToDictionary(a => a.Endpoint, a => a.Status);
        var wrong = answers.Where(a => a.Status != withoutToken[a.Endpoint] || a.Status >= 500);
        Assert.All(withoutToken.Values, status => Assert.NotEqual(200, status));
        Assert.True(!wrong.Any(), "A bearer token changed the answer of an endpoint that takes its own secret:\n  " + string.Join("\n  ", wrong));
    }

    [Fact]
    public async Task Should_change_nothing_when_every_refused_change_has_been_tried()
    {
        using var caller = host.Caller();
        var refusedChanges = Calls((e, role) => e.ChangesState && !e.Who.Allows(role)).ToList();

        var before = await Snapshot.TakeAsync(caller, host.Token(Roles.Admin));
        await caller.CallAllAsync(refusedChanges, host.Token);
        var after = await Snapshot.TakeAsync(caller, host.Token(Roles.Admin));

        Assert.True(refusedChanges.Count > 150, $"Only {refusedChanges.Count} refused changes were tried.");
        var changed = before.Keys.Where(path => before[path] != after[path]).ToList();
        Assert.True(changed.Count == 0, "Changed by calls that were refused: " + string.Join(", ", changed));
    }
}
