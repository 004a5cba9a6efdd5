using System.Globalization;
using MassTransit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SnowOps.CrewBot;
using SnowOps.CrewBot.Data;
using SnowOps.CrewBot.Members;
using SnowOps.CrewBot.Telegram;
using SnowOps.ServiceDefaults;
using SnowOps.ServiceDefaults.Data;
using SnowOps.ServiceDefaults.Messaging;

namespace SnowOps.Cli.Bench;

/// <summary>
/// The CrewBot module in this process, composed as the host composes it with SnowOps:Modules=CrewBot, in the embedded
/// mode (in-memory bus, SQLite in a temporary folder removed afterwards), its bot talking to the given Bot API server.
/// </summary>
public sealed class CrewsHost : IAsyncDisposable
{
    readonly IHost _host;
    readonly string _folder;

    CrewsHost(IHost host, string folder) => (_host, _folder) = (host, folder);

    public IBus Bus => _host.Services.GetRequiredService<IBus>();

    public static async Task<CrewsHost> StartAsync(string botApiUrl, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("snowops-crews-").FullName;
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SnowOps:Modules"] = CrewBotModule.Name,
            ["SnowOps:Transport"] = "InMemory",
            ["SnowOps:Database"] = "Sqlite",
            ["SnowOps:DataDir"] = folder,
            [TelegramOptions.Section + ":Token"] = LimitedBotApi.Token,
            [TelegramOptions.Section + ":BaseUrl"] = botApiUrl,
            // Webhook mode with no URL to register: nobody posts updates, and nothing polls the fake.
            [TelegramOptions.Section + ":Mode"] = nameof(TelegramMode.Webhook),
            [TelegramOptions.Section + ":WebhookSecret"] = "crews-bench",
        });
        // Only what goes wrong is worth printing; it goes to stderr, where it cannot mix with the table.
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Critical);
        builder.AddServiceDefaults();
        builder.AddCrewBot();
        builder.AddMessaging();

        var host = builder.Build();
        try
        {
            foreach (var database in host.Services.GetRequiredService<IEnumerable<IModuleDatabase>>())
                await database.MigrateAsync(host.Services, cancellationToken);
            await host.StartAsync(cancellationToken);
        }
        catch
        {
            await new CrewsHost(host, folder).DisposeAsync();
            throw;
        }
        return new CrewsHost(host, folder);
    }

    /// <summary>
    /// One member in each crew, bound to chats <c>100001</c>, <c>100002</c>, … as a redeemed code leaves them; written in
    /// one go (one commit rather than two a member), since enrolment is not what is measured.
    /// </summary>
    public async Task EnrolAsync(IReadOnlyList<string> crews, CancellationToken cancellationToken)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrewBotDbContext>();
        var now = DateTimeOffset.UtcNow;
        db.Members.AddRange(crews.Select((crew, i) => new CrewMember
        {
            MemberId = Guid.NewGuid(), CrewId = crew, Name = "Member of " + crew, Language = "en",
            CodeHash = CrewEnrolment.Hash(Guid.NewGuid().ToString("N")), CodeExpires = now, CodeUsed = true, Created = now,
            Messenger = TelegramMessenger.Key, ChatId = ChatOf(i), Bound = now,
        }));
        await db.SaveChangesAsync(cancellationToken);
    }

    public static string ChatOf(int crew) => (100001 + crew).ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        if (_host is IAsyncDisposable disposable)
            await disposable.DisposeAsync();
        else
            _host.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
