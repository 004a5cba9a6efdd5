using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.ServiceDefaults.Auth;

namespace SnowOps.Heating.Tests.Readings;

/// <summary>POST /api/heating/readings: bad input is refused with problem details; the same measurement twice is one.</summary>
public sealed class When_readings_are_posted : IAsyncLifetime
{
    const string Compound = "hujialou-3";
    readonly HeatingApi _api = new();

    public async Task InitializeAsync()
    {
        await _api.InitializeAsync();
        await _api.SeedAsync(HeatingApi.CompanyId, Compound, "other-compound");
    }

    public Task DisposeAsync() => _api.DisposeAsync();

    static object Body(string compoundId, Guid? readingId = null, Guid? taskId = null, double[]? readings = null, string[]? exclusions = null) => new
    {
        readingId,
        taskId,
        compoundId,
        readings = readings ?? [18.1, 18.3, 18.4, 18.2, 18.6],
        exclusions,
    };

    Task<HttpResponseMessage> PostAsync(object body) => _api.As(Roles.Crew).PostAsJsonAsync("/api/heating/readings", body);

    static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Should_refuse_a_compound_not_in_the_registry()
    {
        var problem = await ProblemAsync(await PostAsync(Body("nowhere-99")), HttpStatusCode.UnprocessableEntity);

        Assert.Contains("Unknown compound 'nowhere-99'", problem.GetProperty("detail").GetString());
        Assert.Empty(_api.Harness.Published.Select<IndoorTemperatureRecorded>());
    }

    [Fact]
    public async Task Should_refuse_a_measurement_for_a_check_task_of_another_compound()
    {
        var taskId = Guid.NewGuid();
        await _api.Harness.Bus.Publish(new TaskAssigned(taskId, Guid.Empty, TaskKind.TemperatureCheck, "check", "crew-1", null, null,
            DateTimeOffset.UtcNow, null, SourceKey: "request:heating:check:1", SubjectId: "other-compound"));
        await _api.ConsumedAsync<TaskAssigned>(1);

        var problem = await ProblemAsync(await PostAsync(Body(Compound, taskId: taskId)), HttpStatusCode.UnprocessableEntity);

        Assert.Contains($"Task {taskId} checks compound 'other-compound', not '{Compound}'", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(Body("other-compound", taskId: taskId))).StatusCode);
    }

    [Theory]
    [InlineData(60.0)]
    [InlineData(-41.0)]
    public async Task Should_refuse_a_reading_outside_the_physical_range(double implausible)
    {
        var problem = await ProblemAsync(await PostAsync(Body(Compound, readings: [18.1, 18.3, implausible, 18.2, 18.6])),
            HttpStatusCode.UnprocessableEntity);

        Assert.Contains("between", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Should_refuse_an_exclusion_without_a_name()
    {
        await ProblemAsync(await PostAsync(Body(Compound, exclusions: ["window-open", " "])), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Should_answer_the_same_reading_id_twice_with_the_measurement_kept_once()
    {
        var readingId = NewId.NextGuid();
        var first = await PostAsync(Body(Compound, readingId));
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        await _api.ConsumedAsync<IndoorTemperatureRecorded>(1);

        var again = await PostAsync(Body(Compound, readingId, readings: [10, 10, 10, 10, 10]));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var answer = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(answer.GetProperty("duplicate").GetBoolean());
        Assert.Equal(18.3, answer.GetProperty("averageCelsius").GetDouble(), precision: 6);
        Assert.Single(_api.Harness.Published.Select<IndoorTemperatureRecorded>());
        Assert.Equal(1, await _api.QueryAsync(db => db.Readings.CountAsync()));
    }

    [Fact]
    public async Task Should_keep_the_exclusions_and_say_the_measurement_is_not_counted()
    {
        var response = await PostAsync(Body(Compound, exclusions: ["window-open"]));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(answer.GetProperty("counted").GetBoolean());
        Assert.Equal("Not counted: window-open.", answer.GetProperty("verdict").GetString());
        await _api.ConsumedAsync<IndoorTemperatureRecorded>(1);
        var stored = await _api.QueryAsync(db => db.Readings.AsNoTracking().SingleAsync());
        Assert.Equal(["window-open"], stored.Exclusions);
        Assert.False(stored.Counted);
    }

    [Fact]
    public async Task Should_let_only_crews_record()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _api.Anonymous.PostAsJsonAsync("/api/heating/readings", Body(Compound))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await _api.As(Roles.Committee).PostAsJsonAsync("/api/heating/readings", Body(Compound))).StatusCode);
    }
}
