// The committee dashboard and, at /console for a dispatcher, the dispatcher console: one app in two modes.
import { t, applyStatic, onLangChange, toggleLang } from "./i18n.js";
import { get, token, setToken, clearToken, takeTokenFromHash, roles, ApiError } from "./api.js";
import { OpsMap } from "./map.js";
import { colors, settings } from "./colors.js";
import { renderKpis, renderAlerts, renderSnowEvents, renderTargets, renderTimeline } from "./panels.js";
import { renderCharts } from "./charts.js";
import { eventActions, runAction, TasksTable } from "./console.js";
import { connect } from "./live.js";
import { clearedByPriority } from "./kpis.js";

const snowops = (window.snowops = { latencies: [], applied: 0, networkSegments: 0, firstRenderMs: null, routeState: () => null });
const params = new URLSearchParams(location.search);
if (params.get("wall") === "1") document.body.classList.add("wall");
const wantsConsole = location.pathname.replace(/\/$/, "") === "/console";
const optional = (promise) => promise.catch(() => null);

const state = {
  events: new Map(), alerts: new Map(), kpis: null, crews: null, deficiencies: null, cleared: [], report: null, timeline: [],
  history: null, selectedId: null,
  selectedEvent() { return this.events.get(this.selectedId); },
};
let map, table, canAct = false;
let frameRequested = false, eventsDirty = false, clearedDirty = false, serverDirty = false, detailsDirty = false;
let pendingLatency = [];

document.getElementById("lang-toggle").addEventListener("click", toggleLang);
document.getElementById("sign-out").addEventListener("click", () => { clearToken(); location.reload(); });
document.getElementById("token-submit").addEventListener("click", () => {
  const value = document.getElementById("token-input").value.trim();
  if (!value) return;
  setToken(value);
  document.getElementById("login").hidden = true;
  start();
});
document.addEventListener("click", (e) => {
  const button = e.target.closest("button[data-action]");
  if (button && canAct) runAction(button);
  else if (e.target.closest(".event-head")) selectEvent(e.target.closest("[data-snow-event-id]").dataset.snowEventId);
});

/** A click on a snow event shows its targets, timeline and time since snow stopped (the newest open one otherwise). */
async function selectEvent(id) {
  if (!id || id === state.selectedId || !state.events.has(id)) return;
  state.selectedId = id;
  renderSnowEvents(state.events, state.selectedId, canAct ? eventActions : null);
  await loadDetails();
  renderEverything();
}
onLangChange(() => {
  updateLangButton();
  if (!map) return;
  renderLegend();
  renderEverything();
  if (table) table.render();
});

takeTokenFromHash();
applyStatic();
updateLangButton();
start();

function updateLangButton() {
  document.getElementById("lang-toggle").textContent = t("langToggle");
  document.title = t(wantsConsole ? "consoleTitle" : "appTitle");
  document.querySelector("header h1").textContent = document.title;
}

function showLogin(message) {
  document.getElementById("app").hidden = true;
  document.getElementById("login").hidden = false;
  document.getElementById("login-error").textContent = message || "";
}

async function start() {
  if (!token()) return showLogin();
  const who = roles();
  canAct = wantsConsole && (who.includes("dispatcher") || who.includes("admin"));
  // Everything the first render needs is asked for at once; the token is checked by the first two answers.
  const summaryLoading = optional(get("/api/status/summary"));
  const eventsLoading = optional(get("/api/snow-events?open=true"));
  // The chosen event's report and timeline need only the list of events, not the (large) road network.
  const detailsLoading = Promise.all([summaryLoading, eventsLoading]).then(([summary, dispatchEvents]) => {
    for (const e of summary?.snowEvents || []) state.events.set(e.id, { ...e });
    for (const e of dispatchEvents || []) state.events.set(e.id, { ...state.events.get(e.id), ...e });
    for (const a of summary?.activeAlerts || []) state.alerts.set(a.alertId, { ...a, active: true });
    chooseEvent();
    return loadDetails();
  });
  const loading = Promise.all([
    optional(get("/api/network")), optional(get("/api/status/kpis")),
    optional(get("/api/crews/on-duty")), optional(get("/api/heating/deficiencies?open=true")),
    optional(get("/api/heating/compounds?pageSize=1000")), optional(get("/api/status/history?hours=24")),
    canAct ? optional(get("/api/tasks?limit=1000")) : null,
  ]);
  let config, status;
  try {
    [config, status] = await Promise.all([get("/api/status/config"), get("/api/status/map")]);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return showLogin(error.message);
    if (error instanceof ApiError && error.status === 403) return showLogin(t("forbidden"));
    return showLogin(error.message);
  }
  Object.assign(settings, { freshHours: config.freshHours, repassHours: config.repassHours });
  document.getElementById("app").hidden = false;
  if (wantsConsole && !canAct) {
    const notice = document.createElement("p");
    notice.id = "not-dispatcher";
    notice.dataset.i18n = "notDispatcher";
    notice.textContent = t("notDispatcher");
    document.getElementById("app").prepend(notice);
  }
  document.body.classList.toggle("console", canAct);

  map = new OpsMap(document.getElementById("map"), config);
  const [network, kpis, crews, deficiencies, compounds, history, tasks] = await loading;
  map.drawNetwork(network);
  map.setRoutes(status.routes);
  map.setTrucks(status.trucks);
  map.setCompounds(compounds?.items || [], status.compounds);
  map.fit();
  snowops.networkSegments = map.networkSegments;
  snowops.routeState = (taskId) => map.routeState(taskId);

  Object.assign(state, { kpis, crews, deficiencies, history });
  state.cleared = clearedByPriority(map.routes());
  if (canAct) {
    document.getElementById("tasks-panel").hidden = false;
    table = new TasksTable(document.getElementById("tasks-table"), true);
    table.load(tasks || []);
    table.setCrews(crews || []);
  }
  renderLegend();
  await detailsLoading;
  renderEverything();
  requestAnimationFrame(() => {
    document.body.dataset.ready = "1";
    snowops.firstRenderMs = performance.now();
  });
  connect(token, handlers, refresh);
  setInterval(tick, 1000);
  setInterval(() => { map.recolorAll(); schedule(); }, 60_000);
  setInterval(async () => { state.history = await optional(get("/api/status/history?hours=24")) || state.history; renderCharts(state.history); }, 60_000);
}

function chooseEvent() {
  const open = [...state.events.values()].filter((e) => e.phase !== "Closed").sort((a, b) => (b.proposed || "").localeCompare(a.proposed || ""));
  if (!state.events.has(state.selectedId) || state.selectedEvent()?.phase === "Closed") state.selectedId = open[0]?.id ?? null;
}

async function loadDetails() {
  const id = state.selectedId;
  if (!id) return;
  const [report, timeline, snowEvent] = await Promise.all([
    optional(get(`/api/snow-events/${id}/service-report`)), optional(get(`/api/snow-events/${id}/timeline`)), optional(get(`/api/snow-events/${id}`)),
  ]);
  state.report = report;
  state.timeline = timeline || [];
  if (snowEvent) state.events.set(id, { ...state.events.get(id), ...snowEvent });
}

function renderEverything() {
  renderKpis(state);
  renderAlerts(state.alerts);
  renderSnowEvents(state.events, state.selectedId, canAct ? eventActions : null);
  renderTargets(state.report);
  renderTimeline(state.timeline);
  renderCharts(state.history);
}

function renderLegend() {
  const item = (color, label, dashed = false, round = false) =>
    `<li><span class="swatch ${dashed ? "dashed" : ""} ${round ? "round" : ""}" data-color="${color}"></span>${label}</li>`;
  document.getElementById("legend").innerHTML = `<h3>${t("legend")}</h3><ul>` +
    item(colors.notStarted, t("notStarted")) + item(colors.inProgress, t("inProgress")) +
    item(colors.fresh, t("clearedFresh", { h: settings.freshHours })) +
    item(colors.older, t("clearedOlder", { a: settings.freshHours, b: settings.repassHours })) +
    item(colors.repass, t("repass", { h: settings.repassHours })) + item(colors.bridge, t("bridgesSlopes"), true) +
    item(colors.network, t("network")) + item(colors.truck, t("truck"), false, true) +
    item(colors.compoundOk, t("compoundOk"), false, true) + item(colors.compoundBelow, t("compoundBelow"), false, true) +
    item(colors.compoundNone, t("compoundNone"), false, true) + "</ul>";
  // The swatch colour comes through a custom property, set here rather than inline so the CSP can forbid inline styles.
  for (const swatch of document.querySelectorAll("#legend .swatch")) swatch.style.setProperty("--c", swatch.dataset.color);
}

const handlers = {
  taskChanged(change) {
    map.applyTask(change);
    table?.apply(change);
    pendingLatency.push(change.at ?? change.changed);
    clearedDirty = serverDirty = true;
    schedule();
  },
  snowEventChanged(change) {
    state.events.set(change.id, { ...state.events.get(change.id), ...change, proposed: state.events.get(change.id)?.proposed ?? new Date().toISOString() });
    eventsDirty = detailsDirty = serverDirty = true;
    schedule();
  },
  alertChanged(change) {
    if (change.active) state.alerts.set(change.alertId, change);
    else state.alerts.delete(change.alertId);
    renderAlerts(state.alerts);
  },
  routesChanged() {
    clearTimeout(handlers.routesTimer);
    handlers.routesTimer = setTimeout(refreshRoutes, 250);
  },
  compoundReading(reading) {
    map.applyReading(reading);
    serverDirty = true;
  },
};

function schedule() {
  if (frameRequested) return;
  frameRequested = true;
  requestAnimationFrame(frame);
}

function frame() {
  frameRequested = false;
  map.flush();
  table?.flush();
  if (eventsDirty) {
    eventsDirty = false;
    chooseEvent();
    renderSnowEvents(state.events, state.selectedId, canAct ? eventActions : null);
  }
  if (pendingLatency.length === 0) return;
  const drawn = pendingLatency;
  pendingLatency = [];
  // Leaflet's canvas paints in the frame after a restyle; the change is on screen once that frame has run.
  requestAnimationFrame(() => {
    const now = Date.now();
    for (const changed of drawn) {
      const at = Date.parse(changed);
      if (Number.isFinite(at)) snowops.latencies.push(now - at);
    }
    snowops.applied += drawn.length;
  });
}

let lastServer = 0, lastDetails = 0;
async function tick() {
  const now = Date.now();
  if (clearedDirty) {
    clearedDirty = false;
    state.cleared = clearedByPriority(map.routes());
    renderKpis(state);
  }
  if (serverDirty && now - lastServer > 5000) {
    serverDirty = false;
    lastServer = now;
    state.kpis = (await optional(get("/api/status/kpis"))) || state.kpis;
    renderKpis(state);
  }
  if (detailsDirty && now - lastDetails > 2000) {
    detailsDirty = false;
    lastDetails = now;
    chooseEvent();
    await loadDetails();
    renderTargets(state.report);
    renderTimeline(state.timeline);
    renderKpis(state);
  }
}

async function refreshRoutes() {
  const status = await optional(get("/api/status/map"));
  if (!status) return;
  map.setRoutes(status.routes);
  state.cleared = clearedByPriority(map.routes());
  renderKpis(state);
}

/** After a reconnect: the map and the figures once, since messages may have been missed. */
async function refresh() {
  const [status, kpis, tasks] = await Promise.all([
    optional(get("/api/status/map")), optional(get("/api/status/kpis")), table ? optional(get("/api/tasks?limit=1000")) : null,
  ]);
  if (tasks) table.load(tasks);
  if (status) {
    map.setRoutes(status.routes);
    map.setTrucks(status.trucks);
    for (const r of status.compounds) map.applyReading(r);
  }
  if (kpis) state.kpis = kpis;
  state.cleared = clearedByPriority(map.routes());
  renderKpis(state);
}
