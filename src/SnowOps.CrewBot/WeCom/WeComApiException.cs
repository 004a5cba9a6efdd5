namespace SnowOps.CrewBot.WeCom;

/// <summary>WeCom answered a call with a non-zero errcode.</summary>
public class WeComApiException(string operation, int errorCode, string? errorMessage)
    : Exception($"WeCom {operation} failed with errcode {errorCode}: {errorMessage}")
{
    public string Operation { get; } = operation;
    public int ErrorCode { get; } = errorCode;
    public string? ErrorMessage { get; } = errorMessage;
}

/// <summary>WeCom refused the call for exceeding a frequency or concurrency limit: try later, do not retry at once.</summary>
public sealed class WeComRateLimitedException(string operation, int errorCode, string? errorMessage)
    : WeComApiException(operation, errorCode, errorMessage);
