// The side panels: key figures, alerts, snow events with their phase, service targets, the timeline.
import { t, formatTime, percent } from "./i18n.js";
import { escape } from "./map.js";

const $ = (selector) => document.querySelector(selector);

export function renderKpis(state) {
  const byClass = new Map((state.cleared || []).map((s) => [s.priorityClass, s]));
  const set = (key, value) => {
    const el = document.querySelector(`[data-kpi="${key}"] .value`);
    if (!el) return;
    el.textContent = value;
    // Words ("snow not stopped") are set smaller than figures so the tile keeps its size.
    el.classList.toggle("text", /[^\d.,:%\s—-]/.test(String(value)));
  };
  for (const p of ["P1", "P2", "P3"]) set(`${p.toLowerCase()}-cleared`, percent(byClass.get(p)?.clearedShare));
  set("open-tasks", state.kpis?.openTasks?.total ?? t("none"));
  set("crews-on-duty", state.crews ? state.crews.length : t("none"));
  set("heating-pass-rate", percent(state.kpis?.heating?.passRate));
  set("open-deficiencies", state.deficiencies ? state.deficiencies.length : t("none"));
  set("since-snow-stopped", sinceSnowStopped(state.selectedEvent()));
  const byState = state.kpis?.openTasks?.byState || {};
  $("#open-by-state").innerHTML = Object.entries(byState)
    .map(([s, n]) => `<span data-kpi="tasks-${s.toLowerCase()}" class="chip"><span class="label">${t(`states.${s}`)}</span> <span class="value">${n}</span></span>`)
    .join("");
}

function sinceSnowStopped(snowEvent) {
  if (!snowEvent) return t("none");
  if (!snowEvent.snowfallEnded) return t("snowFalling");
  const minutes = Math.max(0, Math.round((Date.now() - Date.parse(snowEvent.snowfallEnded)) / 60000));
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")}`;
}

export function renderAlerts(alerts) {
  const list = [...alerts.values()].filter((a) => a.active !== false);
  $("#alerts").innerHTML = list.length === 0
    ? `<li class="empty">${t("noAlerts")}</li>`
    : list.map((a) => `<li data-alert-id="${escape(a.alertId)}" class="level-${escape(a.level)}"><b>${t(`levels.${a.level}`)}</b> ${escape(a.headline || a.event || a.hazard)}</li>`).join("");
}

/** One element per snow event with its phase; `actions(e)` adds the console's buttons. */
export function renderSnowEvents(events, selectedId, actions) {
  const list = [...events.values()].sort((a, b) => (b.proposed || "").localeCompare(a.proposed || ""));
  $("#snow-events").innerHTML = list.length === 0
    ? `<li class="empty">${t("noSnowEvents")}</li>`
    : list.map((e) => `<li data-snow-event-id="${escape(e.id)}" data-phase="${escape(e.phase)}" class="${e.id === selectedId ? "selected" : ""}">
        <div class="event-head"><span class="phase phase-${escape(e.phase)}">${t(`phases.${e.phase}`)}</span>
        <span class="level-${escape(e.level)}">${t(`levels.${e.level}`)}</span> <b>${escape(e.title)}</b></div>
        ${actions ? actions(e) : ""}</li>`).join("");
}

export function renderTargets(report) {
  const targets = report?.targets || [];
  $("#targets").innerHTML = targets.length === 0
    ? `<li class="empty">${t("noTargets")}</li>`
    : targets.map((x) => `<li class="target-${escape(x.status)}"><b>${escape(x.name)}</b> ${escape(x.priorityClass || "")}
        · ${x.done}/${x.needed} · ${t("deadline", { t: formatTime(x.deadline) })} · <span class="status">${t(`targetStatus.${x.status}`)}</span></li>`).join("");
}

export function renderTimeline(entries) {
  const list = (entries || []).slice(-30).reverse();
  $("#timeline").innerHTML = list.length === 0
    ? `<li class="empty">${t("noTimeline")}</li>`
    : list.map((x) => `<li><time>${formatTime(x.at)}</time> <b>${escape(x.what)}</b> ${escape(x.by || "")} <span class="detail">${escape(x.detail || "")}</span></li>`).join("");
}
