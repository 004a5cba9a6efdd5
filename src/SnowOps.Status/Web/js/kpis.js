// The cleared share by priority class from the routes as the page holds them, so live changes show without a fetch.
// The same rule as the server: a completed plow task clears its route; de-icing routes do not count.
export function clearedByPriority(routes) {
  const byClass = new Map();
  for (const route of routes) {
    if (route.task?.kind === "DeIcing") continue;
    const entry = byClass.get(route.priorityClass) || { priorityClass: route.priorityClass, lengthMeters: 0, clearedMeters: 0 };
    entry.lengthMeters += route.lengthMeters;
    if (route.task?.state === "Completed") entry.clearedMeters += route.lengthMeters;
    byClass.set(route.priorityClass, entry);
  }
  return [...byClass.values()].map((e) => ({ ...e, clearedShare: e.lengthMeters > 0 ? e.clearedMeters / e.lengthMeters : null }));
}
