// Every string the pages show, in English and Chinese. Terms follow the city's own words (以雪为令, 雪前准备/雪中打通/雪后恢复).
const strings = {
  en: {
    appTitle: "SnowOps — winter operations", consoleTitle: "SnowOps — dispatcher console", lookupTitle: "When was my street plowed?",
    motto: "The snowfall is the order", langToggle: "中文", live: "Live", offline: "Reconnecting…",
    loginTitle: "Sign in", loginHelp: "Paste your SnowOps token (snowops token --role committee --name you).", loginButton: "Sign in",
    signOut: "Sign out", notDispatcher: "This token has no dispatcher role: the console shows the dashboard only.",
    forbidden: "This token may not watch the operation (committee, dispatcher or admin needed).",
    legend: "Legend", notStarted: "Not started", inProgress: "In progress", clearedFresh: "Cleared < {h} h",
    clearedOlder: "Cleared {a}–{b} h ago", repass: "Cleared > {h} h ago (repass due)", bridgesSlopes: "Bridges and slopes",
    compoundOk: "Compound ≥ standard", compoundBelow: "Compound below standard", compoundNone: "Compound, no reading", truck: "Truck",
    network: "Road network",
    kpis: "Key figures", p1Cleared: "P1 cleared", p2Cleared: "P2 cleared", p3Cleared: "P3 cleared", openTasks: "Open tasks",
    crewsOnDuty: "Crews on duty", heatingPassRate: "Heating pass rate", openDeficiencies: "Open deficiencies",
    sinceSnowStopped: "Since snow stopped", snowFalling: "snow not stopped", none: "—",
    alerts: "Active alerts", noAlerts: "No active alerts.", snowEvents: "Snow events", noSnowEvents: "No snow events.",
    targets: "Service targets", noTargets: "No targets yet.", deadline: "due {t}", timeline: "Event timeline", noTimeline: "Nothing yet.",
    charts: "Over time", completedPerHour: "Tasks completed per hour", clearedShare: "Cleared share (%)",
    tasks: "Tasks", task: "Task", kind: "Kind", state: "State", crew: "Crew", progress: "Done", due: "Due", actions: "Actions",
    reassignTo: "Reassign to", noCrews: "no crew on duty",
    activate: "Activate", phase: "Move to", snowStopped: "Snow stopped", standDown: "Stand down", reassign: "Reassign",
    standDownReason: "Stood down from the dispatcher console", done: "Done: {what}", failed: "Failed",
    phases: { Proposed: "Proposed", Prepare: "Prepare (before snow)", Clear: "Clear (during snow)", Restore: "Restore (after snow)", Closed: "Closed" },
    states: { Assigned: "Assigned", Accepted: "Accepted", Started: "Started", Completed: "Completed", Declined: "Declined", Escalated: "Escalated", Cancelled: "Cancelled" },
    kinds: { PlowRoute: "Plow route", DeIcing: "De-icing", FrontageNotice: "Frontage notice", TemperatureCheck: "Temperature check", HeatingRepair: "Heating repair" },
    levels: { Unknown: "Unknown", Blue: "Blue", Yellow: "Yellow", Orange: "Orange", Red: "Red" },
    targetStatus: { Pending: "Pending", AtRisk: "At risk", Met: "Met", Missed: "Missed" },
    route: "Route", vehicle: "Vehicle", streets: "Streets", percentDone: "{p}% done", completedAt: "cleared {t}",
    compound: "Compound", reading: "{c} °C at {t}", noReading: "no reading",
    streetName: "Street name", search: "Search", lookupHelp: "Type a street name, or tap the map, to see when a street was last plowed and treated.",
    lastPlowed: "Last plowed", lastTreated: "Last treated", never: "not in this winter's records", plowingNow: "A crew is on it now.",
    clearedMap: "Streets cleared", loading: "Loading…", error: "Error",
  },
  zh: {
    appTitle: "SnowOps 冬季运行指挥", consoleTitle: "SnowOps 调度台", lookupTitle: "我家街道什么时候扫的雪？",
    motto: "以雪为令", langToggle: "English", live: "实时", offline: "重新连接中…",
    loginTitle: "登录", loginHelp: "粘贴 SnowOps 令牌（snowops token --role committee --name 姓名）。", loginButton: "登录",
    signOut: "退出", notDispatcher: "此令牌没有调度员角色：调度台只显示指挥大屏。",
    forbidden: "此令牌无权查看运行情况（需要指挥部、调度员或管理员角色）。",
    legend: "图例", notStarted: "未开始", inProgress: "作业中", clearedFresh: "已清扫 < {h} 小时",
    clearedOlder: "已清扫 {a}–{b} 小时", repass: "已清扫 > {h} 小时（需复扫）", bridgesSlopes: "桥梁与坡道",
    compoundOk: "小区室温达标", compoundBelow: "小区室温不达标", compoundNone: "小区无测温", truck: "作业车",
    network: "路网",
    kpis: "关键指标", p1Cleared: "一级道路已清", p2Cleared: "二级道路已清", p3Cleared: "三级道路已清", openTasks: "未完成任务",
    crewsOnDuty: "在岗班组", heatingPassRate: "室温达标率", openDeficiencies: "未整改问题",
    sinceSnowStopped: "雪停以来", snowFalling: "雪未停", none: "—",
    alerts: "生效预警", noAlerts: "暂无生效预警。", snowEvents: "降雪过程", noSnowEvents: "暂无降雪过程。",
    targets: "作业时限", noTargets: "暂无时限。", deadline: "时限 {t}", timeline: "过程记录", noTimeline: "暂无记录。",
    charts: "趋势", completedPerHour: "每小时完成任务", clearedShare: "已清扫比例（%）",
    tasks: "任务", task: "任务", kind: "类型", state: "状态", crew: "班组", progress: "进度", due: "时限", actions: "操作",
    reassignTo: "改派给", noCrews: "无在岗班组",
    activate: "启动", phase: "转入", snowStopped: "雪停", standDown: "解除", reassign: "改派",
    standDownReason: "调度台解除", done: "已完成：{what}", failed: "失败",
    phases: { Proposed: "待启动", Prepare: "雪前准备", Clear: "雪中打通", Restore: "雪后恢复", Closed: "已结束" },
    states: { Assigned: "已派发", Accepted: "已接单", Started: "作业中", Completed: "已完成", Declined: "已拒绝", Escalated: "已升级", Cancelled: "已取消" },
    kinds: { PlowRoute: "机扫路线", DeIcing: "撒融雪剂", FrontageNotice: "门前三包通知", TemperatureCheck: "室温检测", HeatingRepair: "供热维修" },
    levels: { Unknown: "未知", Blue: "蓝色", Yellow: "黄色", Orange: "橙色", Red: "红色" },
    targetStatus: { Pending: "进行中", AtRisk: "有风险", Met: "已达成", Missed: "未达成" },
    route: "路线", vehicle: "车辆", streets: "街道", percentDone: "已完成 {p}%", completedAt: "清扫于 {t}",
    compound: "小区", reading: "{c} °C（{t}）", noReading: "无测温",
    streetName: "街道名称", search: "查询", lookupHelp: "输入街道名称或点击地图，查看最近一次扫雪和撒融雪剂的时间。",
    lastPlowed: "最近扫雪", lastTreated: "最近撒融雪剂", never: "本冬季无记录", plowingNow: "正在作业。",
    clearedMap: "已清扫街道", loading: "加载中…", error: "错误",
  },
};

const KEY = "snowops.lang";

function initial() {
  const asked = new URLSearchParams(location.search).get("lang");
  if (asked === "zh" || asked === "en") {
    localStorage.setItem(KEY, asked);
    return asked;
  }
  const kept = localStorage.getItem(KEY);
  if (kept === "zh" || kept === "en") return kept;
  return (navigator.language || "en").toLowerCase().startsWith("zh") ? "zh" : "en";
}

let lang = initial();
const listeners = [];

export const currentLang = () => lang;
export const locale = () => (lang === "zh" ? "zh-CN" : "en");

/** The string for a key ("phases.Clear" reaches into groups), with {name} filled from params. */
export function t(key, params = {}) {
  let value = key.split(".").reduce((o, k) => (o == null ? undefined : o[k]), strings[lang]);
  if (value === undefined) value = key.split(".").pop();
  return String(value).replace(/\{(\w+)\}/g, (_, name) => (params[name] ?? ""));
}

export function formatTime(iso) {
  if (!iso) return t("none");
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? t("none") : date.toLocaleString(locale(), { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" });
}

export const percent = (share) => (share == null ? t("none") : `${Math.round(share * 1000) / 10}%`);

/** Fills every [data-i18n] element's text and [data-i18n-placeholder] placeholder, and the document's language. */
export function applyStatic(root = document) {
  document.documentElement.lang = locale();
  for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll("[data-i18n-placeholder]")) el.placeholder = t(el.dataset.i18nPlaceholder);
}

export function onLangChange(listener) {
  listeners.push(listener);
}

export function toggleLang() {
  lang = lang === "zh" ? "en" : "zh";
  localStorage.setItem(KEY, lang);
  const url = new URL(location.href);
  url.searchParams.set("lang", lang);
  history.replaceState(null, "", url);
  applyStatic();
  for (const listener of listeners) listener(lang);
}
