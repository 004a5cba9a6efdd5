using System.Text.RegularExpressions;

namespace SnowOps.IntegrationTests.Security;

/// <summary>
/// One HTTP endpoint of the host and who may call it. <paramref name="Described"/> is false for endpoints kept out of
/// the OpenAPI document (pages, health, hooks, the hub); <paramref name="Example"/> is the path to call when a
/// placeholder value would not reach the endpoint at all.
/// </summary>
public sealed partial record Endpoint(string Method, string Route, Who Who, bool Described = true, string? Example = null)
{
    /// <summary>The route as OpenAPI writes it: parameters without their constraints or catch-all stars.</summary>
    public string Template => Parameter().Replace(Route, m => "{" + m.Groups["name"].Value + "}");

    public string Key => $"{Method} {Template}";

    /// <summary>The path to call: each parameter filled with a plausible value (a fresh guid, 1, or "x").</summary>
    public string Path => Example ?? Parameter().Replace(Route, m => m.Groups["constraint"].Value switch
    {
        "guid" => Guid.NewGuid().ToString(),
        "int" => "1",
        _ => "x",
    });

    public bool ChangesState => Method is not "GET";

    public override string ToString() => $"{Method} {Route}";

    [GeneratedRegex(@"\{\**(?<name>\w+)(:(?<constraint>\w+))?\??\}")]
    private static partial Regex Parameter();
}
