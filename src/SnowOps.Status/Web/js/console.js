// The dispatcher's part: action buttons on snow events, the tasks table with reassignment, and the toast.
import { t, formatTime } from "./i18n.js";
import { post } from "./api.js";
import { escape } from "./map.js";

const nextPhase = { Proposed: "Clear", Prepare: "Clear", Clear: "Restore", Restore: "Closed" };
const finished = new Set(["Completed", "Cancelled"]);
// New tasks go on top; past this many rows the bottom one goes, so a busy night cannot grow the page without end.
const MaxRows = 1500;

/** The buttons for one snow event; a closed event has none. */
export function eventActions(e) {
  if (e.phase === "Closed") return "";
  const id = escape(e.id);
  const options = ["Clear", "Restore", "Closed"]
    .map((p) => `<option value="${p}" ${p === nextPhase[e.phase] ? "selected" : ""}>${t(`phases.${p}`)}</option>`).join("");
  return `<div class="actions">
    <button type="button" data-action="activate" data-id="${id}">${t("activate")}</button>
    <span class="phase-move"><select data-phase-select aria-label="${t("phase")}">${options}</select>
    <button type="button" data-action="phase" data-id="${id}">${t("phase")}</button></span>
    <button type="button" data-action="snow-stopped" data-id="${id}">${t("snowStopped")}</button>
    <button type="button" data-action="stand-down" data-id="${id}" class="danger">${t("standDown")}</button></div>`;
}

export function showToast(kind, text) {
  const toast = document.getElementById("toast");
  toast.className = kind;
  toast.textContent = text;
  toast.hidden = false;
  clearTimeout(showToast.timer);
  showToast.timer = setTimeout(() => { toast.hidden = true; }, 8000);
}

/** Sends the order a button stands for; the toast shows the outcome or the problem's detail. */
export async function runAction(button) {
  const id = button.dataset.id;
  const action = button.dataset.action;
  const calls = {
    activate: () => post(`/api/snow-events/${id}/activate`),
    phase: () => post(`/api/snow-events/${id}/phase`, { phase: button.closest("li")?.querySelector("[data-phase-select]")?.value }),
    "snow-stopped": () => post(`/api/snow-events/${id}/snow-stopped`, {}),
    "stand-down": () => post(`/api/snow-events/${id}/stand-down`, { reason: t("standDownReason") }),
    reassign: () => post(`/api/tasks/${id}/reassign`, { crewId: document.getElementById("reassign-crew")?.value || "" }),
  };
  if (!calls[action]) return;
  button.disabled = true;
  try {
    await calls[action]();
    showToast("ok", t("done", { what: button.textContent.trim() }));
  } catch (error) {
    showToast("error", error.message || t("failed"));
  } finally {
    button.disabled = false;
  }
}

export class TasksTable {
  constructor(element, canAct) {
    this.body = element.querySelector("tbody");
    this.canAct = canAct;
    this.tasks = new Map();
    this.rows = new Map();
    this.dirty = new Set();
  }

  load(tasks) {
    this.tasks = new Map(tasks.map((x) => [x.id, { ...x }]));
    this.render();
  }

  render() {
    this.body.innerHTML = [...this.tasks.values()].map((x) => this.rowHtml(x)).join("");
    this.rows = new Map([...this.body.querySelectorAll("tr[data-task-id]")].map((tr) => [tr.dataset.taskId, tr]));
  }

  rowHtml(x) {
    const action = this.canAct && !finished.has(x.state)
      ? `<button type="button" data-action="reassign" data-id="${escape(x.id)}">${t("reassign")}</button>` : "";
    return `<tr data-task-id="${escape(x.id)}" data-state="${escape(x.state)}"><td>${escape(x.title || x.id.slice(0, 8))}</td>` +
      `<td>${t(`kinds.${x.kind}`)}</td><td class="state">${t(`states.${x.state}`)}</td><td class="crew">${escape(x.crewId || "")}</td>` +
      `<td class="done">${x.percentDone != null ? `${Math.round(x.percentDone)}%` : ""}</td><td>${formatTime(x.due)}</td>` +
      `${this.canAct ? `<td class="act">${action}</td>` : ""}</tr>`;
  }

  apply(change) {
    const known = this.tasks.get(change.taskId);
    const task = known || { id: change.taskId, kind: change.kind, title: "" };
    task.state = change.state;
    if (change.crewId) task.crewId = change.crewId;
    if (change.percentDone != null) task.percentDone = change.percentDone;
    this.tasks.set(change.taskId, task);
    this.dirty.add(change.taskId);
  }

  flush() {
    for (const id of this.dirty) {
      const task = this.tasks.get(id);
      const row = this.rows.get(id);
      if (!row) {
        this.body.insertAdjacentHTML("afterbegin", this.rowHtml(task));
        this.rows.set(id, this.body.firstElementChild);
        if (this.rows.size > MaxRows) this.dropLast();
        continue;
      }
      if (row.dataset.state !== task.state) {
        row.dataset.state = task.state;
        row.querySelector(".state").textContent = t(`states.${task.state}`);
        if (this.canAct && finished.has(task.state)) row.querySelector(".act").textContent = "";
      }
      row.querySelector(".crew").textContent = task.crewId || "";
      row.querySelector(".done").textContent = task.percentDone != null ? `${Math.round(task.percentDone)}%` : "";
    }
    this.dirty.clear();
  }

  dropLast() {
    const last = this.body.lastElementChild;
    this.rows.delete(last.dataset.taskId);
    this.tasks.delete(last.dataset.taskId);
    last.remove();
  }

  setCrews(crews) {
    const select = document.getElementById("reassign-crew");
    if (!select) return;
    select.innerHTML = crews.length === 0
      ? `<option value="">${t("noCrews")}</option>`
      : crews.map((c) => `<option value="${escape(c.crewId)}">${escape(c.crewId)} · ${escape(c.name || "")}</option>`).join("");
  }
}
