using System.Globalization;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using SnowOps.CrewBot;
using SnowOps.CrewBot.Data;
using SnowOps.CrewBot.Members;
using SnowOps.CrewBot.Telegram;
using SnowOps.ServiceDefaults.Messaging;

namespace SnowOps.Cli.Bench;

/// <summary>
/// The CrewBot module in this process, composed as the host composes it with SnowOps:Modules=CrewBot, in the embedded
/// mode (see <see cref="EmbeddedModuleHost"/>), its bot talking to the given Bot API server.
/// </summary>
public sealed class CrewsHost : IAsyncDisposable
{
    readonly EmbeddedModuleHost _host;

    CrewsHost(EmbeddedModuleHost host) => _host = host;

    public IBus Bus => _host.Services.GetRequiredService<IBus>();

    public static async Task<CrewsHost> StartAsync(string botApiUrl, CancellationToken cancellationToken) => new(
        await EmbeddedModuleHost.StartAsync(CrewBotModule.Name, new Dictionary<string, string?>
        {
            [TelegramOptions.Section + ":Token"] = LimitedBotApi.Token,
            [TelegramOptions.Section + ":BaseUrl"] = botApiUrl,
            // Webhook mode with no URL to register: nobody posts updates, and nothing polls the fake.
            [TelegramOptions.Section + ":Mode"] = nameof(TelegramMode.Webhook),
            [TelegramOptions.Section + ":WebhookSecret"] = "crews-bench",
        }, builder =>
        {
            builder.AddCrewBot();
            builder.AddMessaging();
        }, cancellationToken));

    /// <summary>
    /// One member in each crew, bound to chats <c>100001</c>, <c>100002</c>, … as a redeemed code leaves them; written in
    /// one go (one commit rather than two a member), since enrolment is not what is measured.
    /// </summary>
    public Task EnrolAsync(IReadOnlyList<string> crews, CancellationToken cancellationToken) => _host.WithScopeAsync(services =>
    {
        var db = services.GetRequiredService<CrewBotDbContext>();
        var now = DateTimeOffset.UtcNow;
        db.Members.AddRange(crews.Select((crew, i) => new CrewMember
        {
            MemberId = Guid.NewGuid(), CrewId = crew, Name = "Member of " + crew, Language = "en",
            CodeHash = CrewEnrolment.Hash(Guid.NewGuid().ToString("N")), CodeExpires = now, CodeUsed = true, Created = now,
            Messenger = TelegramMessenger.Key, ChatId = ChatOf(i), Bound = now,
        }));
        return db.SaveChangesAsync(cancellationToken);
    });

    public static string ChatOf(int crew) => (100001 + crew).ToString(CultureInfo.InvariantCulture);

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
