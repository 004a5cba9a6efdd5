using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SnowOps.Heating.Complaints;
using SnowOps.Heating.Registry;
using SnowOps.ServiceDefaults.Auth;

namespace SnowOps.Heating.Tests.Registry;

/// <summary>
/// The registry's and the complaints' endpoints in an in-process server with the real authentication, policies and
/// problem details, over a real SQLite file; its clock stands still unless a spec moves it.
/// </summary>
public sealed class HeatingApi(Dictionary<string, string?>? settings = null) : HeatingServer(settings)
{
    /// <summary>Starts at the real time, to the second, so the tokens (checked against the real time) are valid.</summary>
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    public DateTimeOffset Now => Time.GetUtcNow();

    protected override TimeProvider Clock => Time;

    protected override bool UsesBus => false;

    protected override void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddHeatingRegistry(builder.Configuration);
        builder.Services.AddHeatingComplaints(builder.Configuration);
    }

    protected override void MapEndpoints(WebApplication app)
    {
        app.MapRegistryEndpoints();
        app.MapImportEndpoints();
        app.MapComplaintEndpoints();
    }

    public HttpClient Admin => As(Roles.Admin);

    public static string Sample(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Registry", file));

    /// <summary>Posts a file to an import endpoint ("companies", "stations", "compounds").</summary>
    public Task<HttpResponseMessage> ImportAsync(string what, string body, string contentType = "text/csv", HttpClient? client = null) =>
        (client ?? Admin).PostAsync($"/api/heating/{what}/import", new StringContent(body, Encoding.UTF8, contentType));

    /// <summary>Imports the sample companies and stations, which compounds name.</summary>
    public async Task ImportCompaniesAndStationsAsync()
    {
        (await ImportAsync("companies", Sample("companies.csv"))).EnsureSuccessStatusCode();
        (await ImportAsync("stations", Sample("stations.csv"))).EnsureSuccessStatusCode();
    }

    /// <summary>Runs something with one service, in a scope of its own (as one request would).</summary>
    public Task<T> WithAsync<TService, T>(Func<TService, Task<T>> action) where TService : notnull =>
        WithAsync(services => action(services.GetRequiredService<TService>()));

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}
