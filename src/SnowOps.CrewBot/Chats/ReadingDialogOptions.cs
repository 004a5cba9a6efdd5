namespace SnowOps.CrewBot.Chats;

/// <summary>How the bot takes a temperature check's readings (<c>SnowOps:CrewBot:Readings</c>); the method itself is Heating's.</summary>
public sealed class ReadingDialogOptions
{
    public const string Section = "SnowOps:CrewBot:Readings";

    /// <summary>How long the chat keeps waiting for the next home's readings after the last ones.</summary>
    public TimeSpan WaitFor { get; set; } = TimeSpan.FromHours(2);
}
