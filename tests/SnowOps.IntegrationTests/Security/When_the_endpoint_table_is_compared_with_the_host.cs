using System.Text.Json;
using SnowOps.ServiceDefaults.Auth;

namespace SnowOps.IntegrationTests.Security;

/// <summary>No endpoint is served without a declared rule in <see cref="EndpointTable"/>, and the table names none that is gone.</summary>
[Collection(SecuredHost.Collection)]
public sealed class When_the_endpoint_table_is_compared_with_the_host(SecuredHost host)
{
    static readonly string[] Methods = ["get", "post", "put", "delete", "patch"];

    [Fact]
    public void Should_declare_each_endpoint_once()
    {
        var twice = EndpointTable.All.GroupBy(e => e.Key).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.True(twice.Count == 0, "Declared more than once: " + string.Join(", ", twice));
    }

    [Fact]
    public async Task Should_declare_who_may_call_every_endpoint_the_host_describes()
    {
        using var caller = host.Caller();
        var document = await caller.GetTextAsync("/openapi/v1.json", host.Token(Roles.Admin));
        var described = Described(JsonDocument.Parse(document).RootElement);
        var declared = EndpointTable.All.Where(e => e.Described).Select(e => e.Key).ToHashSet();

        var undeclared = described.Except(declared).Order().ToList();
        var gone = declared.Except(described).Order().ToList();

        Assert.True(undeclared.Count == 0 && gone.Count == 0,
            $"Served but not in the endpoint table:\n  {string.Join("\n  ", undeclared)}\n" +
            $"In the table but not in the host's OpenAPI document:\n  {string.Join("\n  ", gone)}");
    }

    [Fact]
    public async Task Should_serve_every_endpoint_the_description_leaves_out()
    {
        using var caller = host.Caller();
        var token = host.Token(Roles.Admin);
        var hidden = EndpointTable.All.Where(e => !e.Described).Select(e => (e, (string?)Roles.Admin));

        var answers = await caller.CallAllAsync(hidden, _ => token);

        var missing = answers.Where(a => a.NoSuchRoute).ToList();
        Assert.True(missing.Count == 0, "Declared but not served:\n  " + string.Join("\n  ", missing));
    }

    static HashSet<string> Described(JsonElement openApi) =>
        openApi.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(operation => Methods.Contains(operation.Name))
                .Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name}"))
            .ToHashSet();
}
