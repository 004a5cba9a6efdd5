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
        ["Help"] = ("/tasks – your crew's open tasks\n/reading – enter the readings of a temperature check\n/lang zh|en – 中文 or English\n/help – this list\nTask cards come with buttons: Accept, Decline, Start, Done, Problem; temperature checks also Readings.\nProblem: say what is wrong, in words or with a photo and a caption.\nAfter Done, send a photo of the finished work if you have one.\nOn a route, share your live location: the segments you pass count as progress.",
            "/tasks – 本班组未完成的任务\n/reading – 录入室温检查的读数\n/lang zh|en – 中文或英文\n/help – 本说明\n任务卡片带有按钮：接受、拒绝、开始、完成、问题；室温检查另有“录入读数”。\n问题：用文字或带说明的照片说明情况。\n完成后，如有完工照片请发送。\n执行路线任务时请共享实时位置：经过的路段计入进度。"),
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
        ["CardCompound"] = ("Compound: {0}", "小区：{0}"),
        ["CardSubject"] = ("About: {0}", "对象：{0}"),
        ["Readings"] = ("Readings", "录入读数"),
        ["ReadingsAskShort"] = ("Send the readings.", "请发送读数。"),
        ["ReadingsMethod"] = ("Temperature check \"{0}\", compound {1}.\nMeasure at the centre of the room with the windows closed and the radiators uncovered; readings taken otherwise do not count. Once the thermometer is steady within {2:0.0#} °C, take at least {3} readings {4:0.#} minutes apart.\nSend one home's readings in one message, the home before a colon: \"3-2-401: 18.6 18.4 18.9 18.7 19.0\". The highest and lowest are dropped, the rest averaged.",
            "室温检查“{0}”，小区 {1}。\n请在房间中央测量，关闭门窗，暖气片不得遮挡，否则读数无效。温度计读数稳定在 {2:0.0#} °C 以内后，每隔 {4:0.#} 分钟读一次，至少 {3} 次。\n一户的读数用一条消息发送，户号在冒号前：“3-2-401：18.6 18.4 18.9 18.7 19.0”。去掉最高和最低值，其余取平均。"),
        ["ReadingsNoCompound"] = ("(not named: put the compound before the home, e.g. \"hujialou-3 3-2-401: 18.6 18.4 18.9 18.7 19.0\")",
            "（未指定：请在户号前写上小区，例如“hujialou-3 3-2-401：18.6 18.4 18.9 18.7 19.0”）"),
        ["ReadingsNeedCompound"] = ("This task names no compound: put it before the home, e.g. \"hujialou-3 3-2-401: 18.6 18.4 18.9 18.7 19.0\".",
            "此任务未指定小区：请在户号前写上小区，例如“hujialou-3 3-2-401：18.6 18.4 18.9 18.7 19.0”。"),
        ["ReadingsNotNumbers"] = ("These are not readings: {0}. Send numbers, e.g. \"3-2-401: 18.6 18.4 18.9 18.7 19.0\"; the home goes before the colon.",
            "以下不是读数：{0}。请发送数字，例如“3-2-401：18.6 18.4 18.9 18.7 19.0”，户号写在冒号前。"),
        ["ReadingsTooFew"] = ("{0} readings: the method takes at least {1}, {2:0.#} minutes apart. Send all of this home's readings again in one message.",
            "{0} 个读数：至少需要 {1} 个，每隔 {2:0.#} 分钟一次。请把这一户的全部读数重新用一条消息发送。"),
        ["ReadingsTooMany"] = ("{0} readings: the method takes at most {1}. Send one home's readings a message.",
            "{0} 个读数：最多 {1} 个。每条消息只发一户的读数。"),
        ["ReadingsImplausible"] = ("{0} cannot be an indoor temperature (it lies outside {1} to {2} °C). Check the thermometer and send this home's readings again.",
            "{0} 不可能是室内温度（不在 {1} 至 {2} °C 之间）。请检查温度计，然后重新发送这一户的读数。"),
        ["ReadingsHomeTooLong"] = ("The home is too long: at most {0} characters before the colon.", "户号过长：冒号前最多 {0} 个字符。"),
        ["ReadingsRecorded"] = ("Recorded {0}: {1:0.0#} °C, the average of {2}; dropped the lowest {3} and the highest {4}.",
            "已记录 {0}：{1:0.0#} °C，为 {2} 的平均值；已去掉最低 {3} 和最高 {4}。"),
        ["ReadingsRecordedAll"] = ("Recorded {0}: {1:0.0#} °C, the average of {2}.", "已记录 {0}：{1:0.0#} °C，为 {2} 的平均值。"),
        ["ReadingsMeets"] = ("Meets the standard of {0} °C.", "达到 {0} °C 标准。"),
        ["ReadingsBelow"] = ("Below the standard of {0} °C.", "低于 {0} °C 标准。"),
        ["ReadingsNext"] = ("Send the next home's readings the same way, or press Done on the card when the check is finished. I wait for them {0:0.#} h after the last readings.",
            "下一户的读数请用同样方式发送；检查结束后请按卡片上的“完成”。最后一次读数后我会等待 {0:0.#} 小时。"),
        ["ReadingsExpired"] = ("No readings came for {0:0.#} h, so I stopped waiting for them. Press Readings on the card to go on.",
            "{0:0.#} 小时内没有收到读数，已停止等待。如需继续，请按卡片上的“录入读数”。"),
        ["ReadingsNotACheck"] = ("This task is not a temperature check.", "此任务不是室温检查。"),
        ["ReadingsNoChecks"] = ("Your crew has no open temperature check.", "本班组没有未完成的室温检查。"),
        ["ReadingsWhich"] = ("Your crew has {0} open temperature checks; press Readings on the card of the one you are measuring:",
            "本班组有 {0} 项未完成的室温检查；请在正在测量的那项任务卡片上按“录入读数”："),
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
