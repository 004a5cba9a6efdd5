using System.Globalization;
using SnowOps.Contracts;

namespace SnowOps.CrewBot.Chats;

/// <summary>Everything the bot says, in English and Chinese.</summary>
public static class Texts
{
    public const string English = "en";
    public const string Chinese = "zh";

    static readonly Dictionary<string, (string En, string Zh)> Table = new()
    {
        ["NotEnrolled"] = ("This chat is not enrolled with SnowOps. Ask your dispatcher for a code and send /start followed by the code.",
            "此聊天尚未登记。请向调度员索取登记码，然后发送 /start 加登记码。"),
        ["CodeRefused"] = ("Sorry, this code is unknown, already used or expired. Ask your dispatcher for a new one.",
            "抱歉，此登记码无效、已使用或已过期。请向调度员索取新的登记码。"),
        ["Welcome"] = ("Welcome, {0}. This chat now receives the tasks of crew {1}. Send /help to see what you can do.",
            "欢迎，{0}。此聊天将接收 {1} 班组的任务。发送 /help 查看可用命令。"),
        ["Help"] = ("/tasks – your crew's open tasks\n/lang zh|en – 中文 or English\n/help – this list\nTask cards come with buttons: Accept, Decline, Start, Done.",
            "/tasks – 本班组未完成的任务\n/lang zh|en – 中文或英文\n/help – 本说明\n任务卡片带有按钮：接受、拒绝、开始、完成。"),
        ["NoTasks"] = ("Your crew has no open tasks.", "本班组没有未完成的任务。"),
        ["TasksHeader"] = ("Open tasks of crew {0}:", "{0} 班组未完成的任务："),
        ["LangSet"] = ("I will write in English.", "我将使用中文。"),
        ["LangUnknown"] = ("Send /lang zh or /lang en.", "请发送 /lang zh 或 /lang en。"),
        ["Unknown"] = ("I did not understand that. Send /help to see what you can do.", "无法识别。发送 /help 查看可用命令。"),
        ["AskReason"] = ("Why do you decline \"{0}\"? Reply with the reason.", "为什么拒绝“{0}”？请回复原因。"),
        ["AskReasonShort"] = ("Reply with the reason.", "请回复原因。"),
        ["DeclinedWhy"] = ("Declined \"{0}\": {1}", "已拒绝“{0}”：{1}"),
        ["Reported"] = ("Sent: {0}", "已发送：{0}"),
        ["StaleUnknown"] = ("This task is not known here.", "此任务不存在。"),
        ["StaleOtherCrew"] = ("This task is now with another crew.", "此任务已转交其他班组。"),
        ["StaleFinished"] = ("This task is already {0}.", "此任务已{0}。"),
        ["BadButton"] = ("This button is not understood.", "无法识别此按钮。"),
        ["CardTask"] = ("Task: {0}", "任务：{0}"),
        ["CardKind"] = ("Kind: {0}", "类型：{0}"),
        ["CardLength"] = ("Route: {0:0.0} km", "路线长度：{0:0.0} 公里"),
        ["CardDue"] = ("Due: {0:yyyy-MM-dd HH:mm} (UTC{0:zzz})", "截止：{0:yyyy-MM-dd HH:mm}（UTC{0:zzz}）"),
        ["CardState"] = ("State: {0}", "状态：{0}"),
        ["CardOtherCrew"] = ("Now with another crew.", "已转交其他班组。"),
        ["Accept"] = ("Accept", "接受"),
        ["Decline"] = ("Decline", "拒绝"),
        ["Start"] = ("Start", "开始"),
        ["Done"] = ("Done", "完成"),
        [nameof(TaskState.Assigned)] = ("assigned", "已派发"),
        [nameof(TaskState.Accepted)] = ("accepted", "已接受"),
        [nameof(TaskState.Started)] = ("started", "进行中"),
        [nameof(TaskState.Completed)] = ("completed", "已完成"),
        [nameof(TaskState.Declined)] = ("declined", "已拒绝"),
        [nameof(TaskState.Escalated)] = ("escalated to the duty dispatcher", "已上报值班调度"),
        [nameof(TaskState.Cancelled)] = ("cancelled", "已取消"),
        [nameof(TaskKind.PlowRoute)] = ("plow route", "铲雪路线"),
        [nameof(TaskKind.DeIcing)] = ("de-icing", "撒融雪剂"),
        [nameof(TaskKind.FrontageNotice)] = ("frontage notice", "门前三包通知"),
        [nameof(TaskKind.TemperatureCheck)] = ("temperature check", "室温检查"),
        [nameof(TaskKind.HeatingRepair)] = ("heating repair", "供暖维修"),
    };

    /// <summary>"zh" for any Chinese, else English.</summary>
    public static string LanguageOf(string? code) =>
        code is not null && code.StartsWith(Chinese, StringComparison.OrdinalIgnoreCase) ? Chinese : English;

    public static string Get(string language, string key, params object?[] args)
    {
        var (en, zh) = Table[key];
        var text = language == Chinese ? zh : en;
        return args.Length == 0 ? text : string.Format(CultureInfo.InvariantCulture, text, args);
    }
}
