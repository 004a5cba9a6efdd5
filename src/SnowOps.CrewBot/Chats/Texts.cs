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
        ["Help"] = ("/tasks – your crew's open tasks\n/lang zh|en – 中文 or English\n/help – this list\nTask cards come with buttons: Accept, Decline, Start, Done, Problem.\nProblem: say what is wrong, in words or with a photo and a caption.\nAfter Done, send a photo of the finished work if you have one.\nOn a route, share your live location: the segments you pass count as progress.",
            "/tasks – 本班组未完成的任务\n/lang zh|en – 中文或英文\n/help – 本说明\n任务卡片带有按钮：接受、拒绝、开始、完成、问题。\n问题：用文字或带说明的照片说明情况。\n完成后，如有完工照片请发送。\n执行路线任务时请共享实时位置：经过的路段计入进度。"),
        ["NoTasks"] = ("Your crew has no open tasks.", "本班组没有未完成的任务。"),
        ["TasksHeader"] = ("Open tasks of crew {0}:", "{0} 班组未完成的任务："),
        ["LangSet"] = ("I will write in English.", "我将使用中文。"),
        ["LangUnknown"] = ("Send /lang zh or /lang en.", "请发送 /lang zh 或 /lang en。"),
        ["Unknown"] = ("I did not understand that. Send /help to see what you can do.", "无法识别。发送 /help 查看可用命令。"),
        ["AskReason"] = ("Why do you decline \"{0}\"? Reply with the reason.", "为什么拒绝“{0}”？请回复原因。"),
        ["AskReasonShort"] = ("Reply with the reason.", "请回复原因。"),
        ["Declined"] = ("Declined \"{0}\": {1}", "已拒绝“{0}”：{1}"),
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
        ["Problem"] = ("Problem", "问题"),
        ["AskProblem"] = ("What is the problem with \"{0}\"? Reply with text, or send a photo with a caption.",
            "“{0}”遇到什么问题？请回复文字，或发送带说明的照片。"),
        ["AskProblemShort"] = ("Reply with the problem, in words or with a photo.", "请用文字或照片回复问题。"),
        ["ProblemSent"] = ("Problem sent to the dispatcher for \"{0}\".", "已将“{0}”的问题发送给调度员。"),
        ["ProblemSentWithPhoto"] = ("Problem and photo sent to the dispatcher for \"{0}\".", "已将“{0}”的问题和照片发送给调度员。"),
        ["PhotoWelcome"] = ("Thank you. Send a photo of the finished work, if you have one (within {0} minutes).",
            "谢谢。如有完工照片，请在 {0} 分钟内发送。"),
        ["PhotoAttached"] = ("Photo attached to the completed task.", "照片已附到已完成的任务。"),
        ["PhotoNotAwaited"] = ("Thank you, but I was not expecting a photo. To send one, press Problem on the task card first, or send it right after Done.",
            "谢谢，但目前不需要照片。如需发送，请先在任务卡片上按“问题”，或在按“完成”后立即发送。"),
        ["PhotoTooLarge"] = ("This photo is too large (the limit is {0:0.##} MB). Please send a smaller one.", "照片过大（上限 {0:0.##} MB），请发送较小的照片。"),
        ["NoRouteUnderWay"] = ("Your crew has no route task under way, so this location is not counted. Accept or start a route task first.",
            "本班组没有进行中的路线任务，此位置不计入进度。请先接受或开始路线任务。"),
        ["LocationTaken"] = ("Location taken for \"{0}\": {1} of {2} segments passed. Share your live location to report progress as you go.",
            "已收到“{0}”的位置：已经过 {2} 个路段中的 {1} 个。请共享实时位置以随时报告进度。"),
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
