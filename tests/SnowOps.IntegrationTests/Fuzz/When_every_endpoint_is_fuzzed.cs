using System.Net.Http.Headers;
using System.Text;
using SnowOps.IntegrationTests.EmbeddedMode;
using SnowOps.IntegrationTests.Infrastructure;
using SnowOps.Testing;
using Xunit.Abstractions;

namespace SnowOps.IntegrationTests.Fuzz;

/// <summary>
/// Every operation the running host describes, called as an admin (who passes every policy, so the input reaches the
/// handler) with bodies made from its own schema and then mutated (the alert fuzzer's JSON mutations: hostile values,
/// properties removed, renamed or copied), broken and hostile bodies, hostile path and query values: never a 5xx.
/// </summary>
public sealed class When_every_endpoint_is_fuzzed(EmbeddedHost host, ITestOutputHelper output) : IClassFixture<EmbeddedHost>
{
    const int MutationsPerBody = 20;
    static readonly string[] Changes = ["POST", "PUT", "PATCH", "DELETE"];
    static readonly string[] BrokenBodies = ["", "{", "[", "null", "\"x\"", "{\"a\":", HostileValues.Deep("[", "]", 5_000), "{}" + new string(' ', 10) + "{}"];
    static readonly string[] PathValues = ["x", "..", "%2e%2e%2f", "00000000-0000-0000-0000-000000000000", new string('a', 2_000), "超强暴雪", "-1", "1e400"];

    [Fact]
    public async Task Should_answer_every_operation_without_a_server_error()
    {
        using var admin = await host.AsAsync("admin", "fuzz");
        var operations = OpenApiOperations.Read(await admin.GetJsonAsync("/openapi/v1.json"));
        Assert.True(operations.Count > 50, $"Only {operations.Count} operations described.");
        var random = new Random(20261126);
        var failures = new List<string>();
        var calls = 0;
        var statuses = new SortedDictionary<int, int>();

        async Task CallAsync(OpenApiOperation operation, string path, string? query, byte[]? body, string what)
        {
            using var request = new HttpRequestMessage(new HttpMethod(operation.Method), path + query);
            if (body is not null)
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(operation.BodyType ?? "application/json");
            }
            using var response = await admin.SendAsync(request);
            calls++;
            statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
            if ((int)response.StatusCode >= 500)
            {
                var text = await response.Content.ReadAsStringAsync();
                failures.Add($"{operation} as {path}{query} with {what}: {(int)response.StatusCode} {text[..Math.Min(300, text.Length)]}");
            }
        }

        foreach (var operation in operations)
        {
            var path = Fill(operation, random, hostile: false);
            if (operation.BodyType is not null && Changes.Contains(operation.Method))
            {
                var seed = Encoding.UTF8.GetBytes(operation.BodySeed?.ToJsonString() ?? "{}");
                await CallAsync(operation, path, null, seed, "its schema's body");
                for (var i = 0; i < MutationsPerBody; i++)
                {
                    var done = new List<string>();
                    await CallAsync(operation, path, null, JsonMutations.Apply(seed, random, done), string.Join("; ", done));
                }
                foreach (var broken in BrokenBodies)
                    await CallAsync(operation, path, null, Encoding.UTF8.GetBytes(broken), $"the body '{broken[..Math.Min(20, broken.Length)]}'");
            }
            foreach (var value in PathValues.Where(_ => operation.Parameters.Any(p => p.InPath)))
                await CallAsync(operation, Fill(operation, random, hostile: true, value), null, null, $"the path value '{value[..Math.Min(20, value.Length)]}'");
            foreach (var parameter in operation.Parameters.Where(p => !p.InPath))
            {
                foreach (var value in HostileValues.Text.Where((_, i) => i % 6 == 0))
                    await CallAsync(operation, path, $"?{parameter.Name}={Uri.EscapeDataString(value)}", null, $"{parameter.Name}='{value[..Math.Min(20, value.Length)]}'");
            }
        }

        output.WriteLine($"{operations.Count} operations, {calls} calls, {failures.Count} server errors; answers: "
            + string.Join(", ", statuses.Select(s => $"{s.Key} x{s.Value}")));
        // Some of the made-up input must get through to be taken, or the fuzz only ever met the binding's refusals.
        Assert.True(statuses.Where(s => s.Key < 300).Sum(s => s.Value) > 0, "No call was taken.");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(30)));
    }

    /// <summary>The operation's path with its parameters filled: plausible values, or one hostile value everywhere.</summary>
    static string Fill(OpenApiOperation operation, Random random, bool hostile, string? value = null)
    {
        var path = operation.Path;
        foreach (var (name, type, format, inPath) in operation.Parameters.Where(p => p.InPath))
        {
            var filled = hostile ? Uri.EscapeDataString(value!) : format == "uuid" ? Guid.NewGuid().ToString() : type == "integer" ? random.Next(1, 5).ToString() : "x";
            path = path.Replace("{" + name + "}", filled, StringComparison.Ordinal);
        }
        return path;
    }
}
