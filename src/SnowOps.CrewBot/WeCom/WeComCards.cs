using System.Diagnostics.CodeAnalysis;

namespace SnowOps.CrewBot.WeCom;

/// <summary>What a crew can answer on a task card.</summary>
public enum WeComTaskAction { Accept, Decline, Start, Done }

/// <summary>A button's key carries the answer and the task: "accept:0f8fad5bd9cb469fa16570867728950e".</summary>
public static class WeComButtonKey
{
    public static string Format(WeComTaskAction action, Guid taskId) => $"{Name(action)}:{taskId:N}";

    public static bool TryParse(string? key, out WeComTaskAction action, out Guid taskId)
    {
        action = default;
        taskId = default;
        var colon = key?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (colon < 0)
            return false;
        var name = key![..colon];
        foreach (var candidate in Enum.GetValues<WeComTaskAction>())
        {
            if (Name(candidate) == name && Guid.TryParseExact(key[(colon + 1)..], "N", out taskId))
            {
                action = candidate;
                return true;
            }
        }
        return false;
    }

    static string Name(WeComTaskAction action) => action switch
    {
        WeComTaskAction.Accept => "accept",
        WeComTaskAction.Decline => "decline",
        WeComTaskAction.Start => "start",
        WeComTaskAction.Done => "done",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}

/// <summary>
/// A button_interaction template card for one task. The card's own task_id must never repeat within the app, so it
/// is the task id and a per-send suffix; the buttons' keys say which task they answer.
/// </summary>
public sealed record WeComTaskCard(Guid TaskId, string Title, string? Description, IReadOnlyList<WeComTaskAction> Actions)
{
    public IReadOnlyList<KeyValuePair<string, string>> Details { get; init; } = [];

    /// <summary>The card's task_id: digits, letters and "_-@" only, at most 128 bytes.</summary>
    [field: AllowNull]
    public string CardTaskId { get => field ??= $"{TaskId:N}-{Guid.NewGuid():N}"; init; }

    public static string Label(WeComTaskAction action) => action switch
    {
        WeComTaskAction.Accept => "接单",
        WeComTaskAction.Decline => "拒绝",
        WeComTaskAction.Start => "开始作业",
        WeComTaskAction.Done => "已完成",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}

/// <summary>A textcard: a title, a short description and a link (WeCom requires the link).</summary>
public sealed record WeComTextCard(string Title, string Description, Uri Url, string? ButtonText = null);

/// <summary>WeCom's answer to a send: the message id, and for a button card the code that may update it once within 72 h.</summary>
public sealed record WeComSendResult(string? MsgId, string? ResponseCode, string? InvalidUser, string? CardTaskId);
