using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using SnowOps.IntegrationTests.Infrastructure;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.Testing.Telegram;

namespace SnowOps.IntegrationTests.DistributedMode;

/// <summary>
/// The crew bot in the distributed mode: the operations process runs it on a webhook, Telegram is a fake Bot API on
/// 127.0.0.1, the bot's members, cards, outbound queue and updates are kept in the real PostgreSQL, and the crew's
/// answers cross the real RabbitMQ to Dispatch and on to the Status process.
/// </summary>
public sealed class When_crews_work_through_the_bot_distributed : IAsyncLifetime
{
    const string Secret = "snowops-webhook-secret";
    const string Crew = "spreader-1";

    readonly RealInfrastructure _infra = new();
    readonly string _key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
    FakeBotApi _telegram = null!;
    HostProcess _operations = null!;
    HostProcess _status = null!;
    BotWebhook _webhook = null!;

    public async Task InitializeAsync()
    {
        await _infra.InitializeAsync();
        _telegram = await FakeBotApi.StartAsync();
        var operations = _infra.HostSettings("Weather,Dispatch,Routing,CrewBot", _key);
        operations["SnowOps__CrewBot__Telegram__Token"] = FakeBotApi.Token;
        operations["SnowOps__CrewBot__Telegram__BaseUrl"] = _telegram.BaseUrl;
        operations["SnowOps__CrewBot__Telegram__Mode"] = "Webhook";
        operations["SnowOps__CrewBot__Telegram__WebhookSecret"] = Secret;
        // A 429 is given up on at once, so the queue's way of putting a card back is taken too.
        operations["SnowOps__CrewBot__Telegram__TooManyRequestsAttempts"] = "1";
        _operations = await HostProcess.StartAsync(operations);
        _status = await HostProcess.StartAsync(_infra.HostSettings("Status,Heating", _key));
        _webhook = new BotWebhook(_operations.BaseAddress, Secret);
    }

    public async Task DisposeAsync()
    {
        _webhook.Dispose();
        await _operations.DisposeAsync();
        await _status.DisposeAsync();
        await _telegram.DisposeAsync();
        await _infra.DisposeAsync();
    }

    Api As(HostProcess host, string role, string name) =>
        new(host.BaseAddress, TokenIssuer.Create(SigningKey.FromText(_key, "test"), name, [role], TimeSpan.FromHours(1)));

    [Fact]
    public async Task Should_enrol_a_chat_send_it_the_card_once_and_take_each_press_once()
    {
        using var admin = As(_operations, Roles.Admin, "admin");
        using var alerts = As(_operations, Roles.AlertSource, "dwd");
        using var dispatcher = As(_operations, Roles.Dispatcher, "ana");
        using var crew = As(_operations, Roles.Crew, Crew);
        using var committee = As(_operations, Roles.Committee, "city");
        using var statusCommittee = As(_status, Roles.Committee, "city");

        await EnrolJohnAsync(admin);

        // The warning, the activation, and the de-icing task for the crew; Telegram turns the card's first sending away.
        _telegram.TooManyRequests(calls: 1, retryAfterSeconds: 1);
        var (_, tasks) = await new SnowFlow(alerts, dispatcher, crew, committee).ActivateAsync();
        var taskId = tasks.EnumerateArray().Single(t => t.GetProperty("crewId").GetString() == Crew).GetProperty("id").GetGuid();
        var otherTask = tasks.EnumerateArray().Single(t => t.GetProperty("crewId").GetString() != Crew).GetProperty("id").GetGuid();

        // The card comes through the outbound queue in PostgreSQL, put back after the 429 and sent again when due, with a
        // button for each action.
        var card = await SeenAsync(() => CardsOf(taskId).FirstOrDefault(), "the task's card");
        Assert.Single(_telegram.CallsOf("sendMessage"), c => c.Status == 429);
        Assert.Equal([Data(taskId, 'a'), Data(taskId, 'd'), Data(taskId, 's'), Data(taskId, 'c'), Data(taskId, 'p')], card.ButtonData);
        Assert.Contains("State: assigned", card.Text);
        var messageId = card.MessageId!.Value;

        // Accept: Dispatch takes the report from the broker, and its state change edits the card.
        Assert.Equal(HttpStatusCode.OK, await _webhook.PostAsync(Samples.Press(2, Data(taskId, 'a'), messageId)));
        await SeenAsync(() => EditsOf(messageId).FirstOrDefault(e => e.Text!.Contains("State: accepted")), "the card edited to accepted");
        await TaskAsync(committee, taskId, "Accepted");

        // Done: the task is completed, and the card shows it with its buttons gone.
        var done = Samples.Press(3, Data(taskId, 'c'), messageId);
        Assert.Equal(HttpStatusCode.OK, await _webhook.PostAsync(done));
        var completedCard = await SeenAsync(() => EditsOf(messageId).FirstOrDefault(e => e.Text!.Contains("State: completed")),
            "the card edited to completed");
        Assert.Empty(completedCard.ButtonData);
        var completed = await TaskAsync(committee, taskId, "Completed");
        await Eventually.HoldsAsync(() => statusCommittee.GetJsonAsync("/api/status/summary"),
            s => s.GetProperty("tasks").GetProperty("completed").GetInt32() == 1, "the Status process to count the completion");

        await PressAgainAsync(done, committee, statusCommittee, completed);

        // One card for the crew's task, and none for the task of a crew this chat is not in.
        Assert.Single(CardsOf(taskId));
        Assert.Empty(CardsOf(otherTask));
        Assert.Equal(2, EditsOf(messageId).Count);

        await ForgeACallAsync();
    }

    /// <summary>An admin enrols John Doe in the crew; his chat redeems the code with /start and is welcomed.</summary>
    async Task EnrolJohnAsync(Api admin)
    {
        using var enrolled = await admin.PostAsync("/api/crew-members", new { crewId = Crew, name = "John Doe", language = "en" });
        Assert.Equal(HttpStatusCode.Created, enrolled.StatusCode);
        var code = JsonDocument.Parse(await enrolled.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString();
        Assert.Equal(HttpStatusCode.OK, await _webhook.PostAsync(Samples.Text(1, "/start " + code)));
        var welcome = await SeenAsync(() => SentToJohn().FirstOrDefault(), "the welcome message");
        Assert.StartsWith("Welcome, John Doe.", welcome.Text);
        Assert.Contains(Crew, welcome.Text);
    }

    /// <summary>
    /// The press that completed the task, delivered again, is recognised by its update_id: not answered, not reported, and
    /// the card not edited again; Dispatch's task and the Status count stay as they were.
    /// </summary>
    async Task PressAgainAsync(JsonObject press, Api committee, Api statusCommittee, JsonElement completed)
    {
        var taskId = completed.GetProperty("id").GetGuid();
        var answers = _telegram.CallsOf("answerCallbackQuery").Count;
        var calls = _telegram.Calls.Count;
        Assert.Equal(HttpStatusCode.OK, await _webhook.PostAsync(press));
        Assert.Equal(answers, _telegram.CallsOf("answerCallbackQuery").Count);
        // Nothing is expected, so there is no answer to wait for: a report that slipped through is given time to show.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(calls, _telegram.Calls.Count);
        var after = await TaskAsync(committee, taskId, "Completed");
        Assert.Equal(completed.GetProperty("completed").GetDateTimeOffset(), after.GetProperty("completed").GetDateTimeOffset());
        Assert.Equal(completed.GetProperty("version").GetInt32(), after.GetProperty("version").GetInt32());
        Assert.Equal(1L, await _infra.ScalarAsync<long>(
            $"SELECT count(*) FROM crewbot.processed_updates WHERE \"UpdateId\" = {(long)press["update_id"]!}"));
        var summary = await statusCommittee.GetJsonAsync("/api/status/summary");
        Assert.Equal(1, summary.GetProperty("tasks").GetProperty("completed").GetInt32());
    }

    /// <summary>A call with a wrong secret is refused and not taken: the same update with the right one is taken afterwards.</summary>
    async Task ForgeACallAsync()
    {
        var calls = _telegram.Calls.Count;
        var tasksCommand = Samples.Text(4, "/tasks");
        Assert.Equal(HttpStatusCode.Forbidden, await _webhook.PostAsync(tasksCommand, "wrong-secret"));
        Assert.Equal(calls, _telegram.Calls.Count);
        Assert.Equal(HttpStatusCode.OK, await _webhook.PostAsync(tasksCommand));
        await SeenAsync(() => SentToJohn().FirstOrDefault(m => m.Text == "Your crew has no open tasks."), "the answer to /tasks");
    }

    static string Data(Guid taskId, char action) => $"{taskId:N}:{action}";

    List<BotCall> SentToJohn() => _telegram.CallsOf("sendMessage").Where(c => c.ChatId == Samples.JohnsChat && c.Status == 200).ToList();

    List<BotCall> CardsOf(Guid taskId) => SentToJohn().Where(c => c.ButtonData.Any(d => d.StartsWith($"{taskId:N}:", StringComparison.Ordinal))).ToList();

    List<BotCall> EditsOf(int messageId) =>
        _telegram.CallsOf("editMessageText").Where(c => c.ChatId == Samples.JohnsChat && c.Status == 200 && (int?)c.Body["message_id"] == messageId).ToList();

    static Task<JsonElement> TaskAsync(Api committee, Guid taskId, string state) =>
        Eventually.HoldsAsync(() => committee.GetJsonAsync($"/api/tasks/{taskId}"), t => t.GetProperty("state").GetString() == state,
            $"task {taskId} to be {state} in Dispatch");

    /// <summary>Waits for the fake to have seen a call; on time-out the operations process's log says why it never came.</summary>
    async Task<BotCall> SeenAsync(Func<BotCall?> find, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            if (find() is { } call)
                return call;
            if (DateTime.UtcNow > deadline)
                throw new Xunit.Sdk.XunitException(
                    $"Timed out after {seconds} s waiting for {what}. The fake Bot API saw:\n"
                    + string.Join('\n', _telegram.Calls.Select(c => $"{c.Method} {c.Status} {c.Body.ToJsonString()}"))
                    + $"\nThe operations process wrote:\n{_operations.Output}");
            await Task.Delay(100);
        }
    }
}
