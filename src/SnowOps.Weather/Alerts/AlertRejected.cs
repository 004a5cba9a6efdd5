namespace SnowOps.Weather.Alerts;

/// <summary>A document that is not an alert SnowOps can accept; the message says what is wrong.</summary>
public sealed class AlertRejected(string message) : Exception(message);
