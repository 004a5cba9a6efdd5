// The colours of the contract: route state and age, bridges and slopes, compounds, trucks.
export const colors = {
  notStarted: "#6b7a90", inProgress: "#f59e0b", fresh: "#16a34a", older: "#84cc16", repass: "#eab308",
  bridge: "#7c3aed", compoundOk: "#16a34a", compoundBelow: "#dc2626", compoundNone: "#9ca3af", truck: "#1d4ed8", network: "#cbd5e1",
};

export const settings = { freshHours: 3, repassHours: 12 };

/** The colour a route is drawn in for its task's state, and for a cleared one how long ago. */
export function routeColor(task, now = Date.now()) {
  if (!task) return colors.notStarted;
  if (task.state === "Started") return colors.inProgress;
  if (task.state !== "Completed") return colors.notStarted;
  const hours = task.completed ? (now - Date.parse(task.completed)) / 3_600_000 : 0;
  if (hours < settings.freshHours) return colors.fresh;
  if (hours < settings.repassHours) return colors.older;
  return colors.repass;
}

export function compoundColor(reading) {
  if (!reading) return colors.compoundNone;
  return reading.belowStandard ? colors.compoundBelow : colors.compoundOk;
}
