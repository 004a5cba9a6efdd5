// Two charts from /api/status/history: tasks completed per hour, and the cleared share by priority class.
import { t, locale } from "./i18n.js";

const Chart = window.Chart;
let completed, cleared;

const hourLabel = (iso) => new Date(iso).toLocaleTimeString(locale(), { hour: "2-digit", minute: "2-digit" });
const pct = (share) => (share == null ? null : Math.round(share * 1000) / 10);

export function renderCharts(history) {
  if (!Chart || !history) return;
  const buckets = history.buckets || [];
  const labels = buckets.map((b) => hourLabel(b.start));
  const classes = [...new Set(buckets.flatMap((b) => Object.keys(b.clearedByPriority || {})))].sort();
  const palette = ["#dc2626", "#f59e0b", "#16a34a", "#1d4ed8", "#7c3aed"];
  const options = { animation: false, responsive: true, maintainAspectRatio: false, plugins: { legend: { labels: { boxWidth: 12 } } } };

  const completedData = { labels, datasets: [{ label: t("completedPerHour"), data: buckets.map((b) => b.completed), backgroundColor: "#1d4ed8" }] };
  const clearedData = {
    labels,
    datasets: classes.map((c, i) => ({
      label: c, data: buckets.map((b) => pct(b.clearedByPriority?.[c])), borderColor: palette[i % palette.length],
      backgroundColor: palette[i % palette.length], pointRadius: 0, spanGaps: true,
    })),
  };
  if (!completed) {
    completed = new Chart(document.getElementById("chart-completed"), { type: "bar", data: completedData, options });
    cleared = new Chart(document.getElementById("chart-cleared"), {
      type: "line", data: clearedData, options: { ...options, scales: { y: { min: 0, max: 100, title: { display: true, text: t("clearedShare") } } } },
    });
    return;
  }
  completed.data = completedData;
  cleared.data = clearedData;
  cleared.options.scales.y.title.text = t("clearedShare");
  completed.update("none");
  cleared.update("none");
}
