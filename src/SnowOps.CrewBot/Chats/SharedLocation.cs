namespace SnowOps.CrewBot.Chats;

/// <summary>A position a chat shared.</summary>
/// <param name="At">When the messenger says the crew was there.</param>
/// <param name="AccuracyMeters">The radius of uncertainty, when the messenger gives one.</param>
/// <param name="IsMove">False for the message that starts sharing; true for the moves of a live location after it, which get no answer.</param>
public sealed record SharedLocation(double Latitude, double Longitude, DateTimeOffset At, double? AccuracyMeters, bool IsMove);
