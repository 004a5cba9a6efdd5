using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SnowOps.Heating.Complaints;
using SnowOps.Heating.Data;
using SnowOps.Heating.Registry;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.ServiceDefaults.Data;
using SnowOps.ServiceDefaults.Http;

namespace SnowOps.Heating.Tests.Registry;

/// <summary>
/// The registry's and the complaints' endpoints in an in-process server with the real authentication, policies and
/// problem details, over a real SQLite file; its clock stands still unless a spec moves it.
/// </summary>
public sealed class HeatingApi(Dictionary<string, string?>? settings = null) : IAsyncLifetime
{
    const string Key = "heating-specs-signing-key-that-is-long-enough-0123456789";
    readonly string _folder = Path.Combine(Path.GetTempPath(), "snowops-heating-api-" + Guid.NewGuid().ToString("N"));
    WebApplication? _app;

    public HttpClient Anonymous { get; private set; } = null!;

    /// <summary>Starts at the real time, to the second, so the tokens (checked against the real time) are valid.</summary>
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    public DateTimeOffset Now => Time.GetUtcNow();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SnowOps:Auth:SigningKey"] = Key,
            ["SnowOps:DataDir"] = _folder,
        });
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddProblemDetails(ProblemDefaults.Configure);
        builder.AddSnowOpsAuth();
        builder.Services.AddSingleton<TimeProvider>(Time);
        builder.Services.AddDbContext<HeatingDbContext, HeatingSqliteContext>(o => DatabaseExtensions.UseSqlite(o, Path.Combine(_folder, "heating.db")));
        builder.Services.AddHeatingRegistry(builder.Configuration);
        builder.Services.AddHeatingComplaints(builder.Configuration);
        _app = builder.Build();
        _app.UseExceptionHandler();
        _app.UseStatusCodePages();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.MapRegistryEndpoints();
        _app.MapImportEndpoints();
        _app.MapComplaintEndpoints();
        await using (var scope = _app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<HeatingDbContext>().Database.MigrateAsync();
        await _app.StartAsync();
        Anonymous = _app.GetTestClient();
    }

    public HttpClient As(string role, string name = "ana")
    {
        var client = _app!.GetTestClient();
        var token = TokenIssuer.Create(SigningKey.FromText(Key, "specs"), name, [role], TimeSpan.FromHours(1));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
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

    public async Task<T> QueryAsync<T>(Func<HeatingDbContext, Task<T>> query)
    {
        await using var scope = _app!.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<HeatingDbContext>());
    }

    /// <summary>Runs something with the services, in a scope of its own (as one request would).</summary>
    public async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> action) where TService : notnull
    {
        await using var scope = _app!.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public async Task DisposeAsync()
    {
        await _app!.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
