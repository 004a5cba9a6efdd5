using SnowOps.CrewBot.Chats;
using SnowOps.CrewBot.Telegram;

namespace SnowOps.CrewBot.Tests;

public sealed class When_a_download_runs_past_its_limit
{
    [Fact]
    public async Task Should_stop_at_the_first_byte_over_whatever_size_was_announced()
    {
        using var buffer = new BoundedBuffer(8);
        await buffer.WriteAsync(new byte[5]);
        buffer.Write(new byte[3], 0, 3);

        var refused = await Assert.ThrowsAsync<ChatFileTooLargeException>(() => buffer.WriteAsync(new byte[1]).AsTask());

        Assert.Equal(8, refused.MaxBytes);
        Assert.Throws<ChatFileTooLargeException>(() => buffer.WriteByte(1));
        Assert.Equal(8, buffer.ToArray().Length);
    }

    [Fact]
    public async Task Should_refuse_a_file_telegram_serves_larger_than_it_said()
    {
        await using var bot = await FakeBotApi.StartAsync();
        bot.AddFile("file-1", new byte[2048], announcedSize: 100);
        using var gate = new TelegramRateGate(new TelegramOptions(), TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<TelegramRateGate>.Instance);
        var messenger = new TelegramMessenger(new global::Telegram.Bot.TelegramBotClient(
            new global::Telegram.Bot.TelegramBotClientOptions(FakeBotApi.Token, bot.BaseUrl)), gate);

        await Assert.ThrowsAsync<ChatFileTooLargeException>(() => messenger.DownloadAsync("file-1", 1024, default));
        var file = await messenger.DownloadAsync("file-1", 4096, default);
        Assert.Equal((2048, "image/jpeg"), (file.Bytes.Length, file.ContentType));
    }
}
