using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MassTransit;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SnowOps.Contracts;
using SnowOps.CrewBot.Chats;
using SnowOps.CrewBot.Cards;
using SnowOps.CrewBot.Members;
using SnowOps.CrewBot.Telegram;
using SnowOps.Testing;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace SnowOps.CrewBot.Tests;

/// <summary>
/// What every bot spec shares: a fake Bot API server, CrewBot talking to it in webhook mode, and spreader-1's
/// de-icing task to send around.
/// </summary>
public abstract class BotSpec : IAsyncLifetime
{
    protected const string Secret = "winter-secret_1";
    protected const string Crew = "spreader-1";
    protected static readonly DateTimeOffset T0 = new(2026, 12, 1, 6, 0, 0, TimeSpan.FromHours(8));
    protected Guid TaskId { get; } = Guid.NewGuid();
    protected FakeBotApi Bot { get; private set; } = null!;
    protected CrewBotHarness CrewBot { get; private set; } = null!;
    long _nextUpdate = 5000;
    readonly List<CardSender> _senders = [];

    protected virtual TelegramMode Mode => TelegramMode.Webhook;

    protected virtual string? WebhookUrl => null;

    /// <summary>Photos and live-location settings; the defaults unless a spec says otherwise.</summary>
    protected virtual FieldOptions Field => new();

    /// <summary>Shorter than Telegram's second, so that specs about something else do not wait on it.</summary>
    protected virtual TimeSpan PerChatInterval => TimeSpan.FromMilliseconds(100);

    protected virtual int MessagesPerSecond => 30;

    protected virtual int TooManyRequestsAttempts => 3;

    protected virtual TimeSpan QueuePollInterval => TimeSpan.FromSeconds(5);

    /// <summary>False: nothing drains the outbound queue until the spec starts a sender itself.</summary>
    protected virtual bool StartsSender => true;

    public async Task InitializeAsync()
    {
        Bot = await FakeBotApi.StartAsync();
        CrewBot = new CrewBotHarness(new TelegramOptions
        {
            Token = FakeBotApi.Token, BaseUrl = Bot.BaseUrl, WebhookSecret = Secret, Mode = Mode, WebhookUrl = WebhookUrl,
            PerChatInterval = PerChatInterval, MessagesPerSecond = MessagesPerSecond, RetryDelay = TimeSpan.FromMilliseconds(200),
            TooManyRequestsAttempts = TooManyRequestsAttempts, QueuePollInterval = QueuePollInterval,
        }, sender: StartsSender, field: Field);
        await CrewBot.StartAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var sender in _senders)
        {
            await sender.StopAsync(default);
            sender.Dispose();
        }
        await CrewBot.DisposeAsync();
        await Bot.DisposeAsync();
    }

    protected long NextUpdateId() => Interlocked.Increment(ref _nextUpdate);

    protected TaskAssigned Assigned(int sent = 1, string crew = Crew) => new(TaskId, Guid.NewGuid(), TaskKind.DeIcing,
        "De-ice the Tonghui River bridges", crew, null, 1250.5, T0, T0.AddHours(2), sent);

    protected TaskStateChanged Changed(TaskState state, int minutes, string crew = Crew) => new(TaskId, Guid.Empty, state, crew, T0.AddMinutes(minutes));

    protected async Task<string> EnrolAsync(string crew = Crew, string language = "en")
    {
        var code = "";
        await CrewBot.WithServicesAsync(async sp => code = (await sp.GetRequiredService<CrewEnrolment>().EnrolAsync(crew, "John Doe", language, default)).Code);
        return code;
    }

    /// <summary>Enrols John Doe's chat from the samples into the crew.</summary>
    protected async Task EnrolJohnAsync(string crew = Crew)
    {
        var code = await EnrolAsync(crew);
        await UpdateAsync(Samples.Text(NextUpdateId(), "/start " + code));
    }

    /// <summary>Binds a chat to a new member of the crew straight away, with no welcome message.</summary>
    protected async Task EnrolChatAsync(string chatId, string crew = Crew)
    {
        var code = await EnrolAsync(crew);
        await CrewBot.WithServicesAsync(sp => sp.GetRequiredService<CrewEnrolment>().RedeemAsync(code, TelegramMessenger.Key, chatId, default));
    }

    /// <summary>Starts a card sender as a freshly started process would: nobody has told it of the cards already queued.</summary>
    protected async Task StartSenderAsync()
    {
        await CrewBot.WithServicesAsync(async sp =>
        {
            var sender = ActivatorUtilities.CreateInstance<CardSender>(sp, new CardQueue());
            _senders.Add(sender);
            await sender.StartAsync(default);
        });
    }

    /// <summary>Delivers the messages as the bus would, then waits until the outbound queue has put out what they asked for.</summary>
    protected async Task DeliverAsync(params object[] messages)
    {
        await CrewBot.DeliverAsync(messages);
        await QueueDrainedAsync();
    }

    /// <summary>Until no card waits in the outbound queue or is on its way.</summary>
    protected Task QueueDrainedAsync() => CrewBot.QueueDrainedAsync();

    /// <summary>Hands an update to the bot as a webhook call would, after the secret was checked; false when taken before.</summary>
    protected async Task<bool> UpdateAsync(JsonObject json)
    {
        var update = JsonSerializer.Deserialize<Update>(json.ToJsonString(), JsonBotAPI.Options)!;
        var taken = false;
        await CrewBot.WithServicesAsync(async sp => taken = await sp.GetRequiredService<TelegramUpdates>().HandleAsync(update, default));
        await CrewBot.Harness.QuietAsync();
        return taken;
    }

    /// <summary>POST /api/telegram/webhook with the given secret header (none when null); the answer's status.</summary>
    protected async Task<int?> WebhookAsync(JsonObject json, string? secret)
    {
        int? status = null;
        await CrewBot.WithServicesAsync(async sp =>
        {
            var context = new DefaultHttpContext { RequestServices = sp };
            context.Request.Method = "POST";
            context.Request.ContentType = "application/json";
            context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(json.ToJsonString()));
            if (secret is not null)
                context.Request.Headers[TelegramWebhook.SecretHeader] = secret;
            var result = await TelegramWebhook.ReceiveAsync(context.Request, sp.GetRequiredService<TelegramOptions>(), default);
            status = (result as IStatusCodeHttpResult)?.StatusCode;
        });
        return status;
    }

    /// <summary>The message id of the card John Doe's chat was sent last.</summary>
    protected Task<int> CardMessageIdAsync() => CrewBot.QueryAsync(async db =>
        int.Parse((await db.SentCards.AsNoTracking().SingleAsync(s => s.TaskId == TaskId)).MessageId, System.Globalization.CultureInfo.InvariantCulture));

    protected Task<List<CrewMember>> MembersAsync() => CrewBot.QueryAsync(db => db.Members.AsNoTracking().OrderBy(m => m.Created).ToListAsync());

    protected IReadOnlyList<BotCall> SentTo(string chat) => Bot.CallsOf("sendMessage").Where(c => c.ChatId == chat).ToList();

    protected List<T> Published<T>() where T : class =>
        CrewBot.Harness.Published.Select<T>(new CancellationToken(canceled: true)).Select(m => m.Context.Message).ToList();

    protected static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The bot did not get there in 15 s.");
            await Task.Delay(50);
        }
    }

    protected void AssertNoFaults()
    {
        Assert.Empty(CrewBot.Harness.Published.Select<Fault<TaskAssigned>>());
        Assert.Empty(CrewBot.Harness.Published.Select<Fault<TaskStateChanged>>());
        Assert.Empty(CrewBot.Harness.Published.Select<Fault<TaskStateChanges>>());
    }
}
