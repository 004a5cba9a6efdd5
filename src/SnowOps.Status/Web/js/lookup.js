// The public lookup: when a street was last plowed and treated, and a map of the streets cleared.
import { t, applyStatic, toggleLang, onLangChange, formatTime } from "./i18n.js";
import { escape } from "./map.js";
import { colors } from "./colors.js";

const L = window.L;
const result = document.getElementById("street-result");
let last = null;

const setTitle = () => {
  document.title = t("lookupTitle");
  document.getElementById("lang-toggle").textContent = t("langToggle");
};
applyStatic();
setTitle();
document.getElementById("lang-toggle").addEventListener("click", toggleLang);
onLangChange(() => { setTitle(); if (last) render(last); });

document.getElementById("street-form").addEventListener("submit", (e) => {
  e.preventDefault();
  const name = document.getElementById("street-name").value.trim();
  if (name) lookUp(`name=${encodeURIComponent(name)}`);
});

async function lookUp(query) {
  result.textContent = t("loading");
  const response = await fetch(`/api/public/streets?${query}`, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => null);
  last = response.ok ? body : { error: body?.detail || `${response.status}` };
  render(last);
}

function render(answer) {
  if (answer.error) {
    result.innerHTML = `<p class="error">${escape(answer.error)}</p>`;
    return;
  }
  const when = (service) => (service ? `${formatTime(service.at)}${service.snowEvent ? ` · ${escape(service.snowEvent)}` : ""}` : t("never"));
  result.innerHTML = answer.streets.map((s) => `<article class="street" data-street="${escape(s.name)}" data-last-plowed="${escape(s.lastPlowed?.at ?? "")}" data-last-treated="${escape(s.lastTreated?.at ?? "")}"><h3>${escape(s.name)}</h3>
    <p>${t("lastPlowed")}: <b>${when(s.lastPlowed)}</b></p><p>${t("lastTreated")}: <b>${when(s.lastTreated)}</b></p>
    ${s.inProgress ? `<p class="now">${t("plowingNow")}</p>` : ""}</article>`).join("");
}

async function drawCleared() {
  const map = L.map("lookup-map", { preferCanvas: true });
  const response = await fetch("/api/public/cleared.geojson");
  const cleared = response.ok ? await response.json() : { type: "FeatureCollection", features: [] };
  const layer = L.geoJSON(cleared, {
    renderer: L.canvas(),
    style: () => ({ color: colors.fresh, weight: 4 }),
    onEachFeature: (f, l) => l.bindTooltip(() => `${escape((f.properties.streets || []).join(", "))}<br>${formatTime(f.properties.completed)}`),
  }).addTo(map);
  // A tap on the map asks for the streets nearest that point.
  map.on("click", (e) => lookUp(`lat=${e.latlng.lat.toFixed(6)}&lon=${e.latlng.lng.toFixed(6)}`));
  const bounds = layer.getBounds();
  if (bounds.isValid()) map.fitBounds(bounds);
  else map.setView([30, 0], 2);
}
drawCleared();
