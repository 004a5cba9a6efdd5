// The map: the road network, routes coloured by their task, bridges and slopes on top, trucks and compounds.
// Changes are applied to state at once and drawn at most once per animation frame.
import { colors, routeColor, compoundColor } from "./colors.js";
import { t, formatTime } from "./i18n.js";

const L = window.L;
const weights = { P1: 5, P2: 4, P3: 3 };

export class OpsMap {
  constructor(element, config) {
    this.map = L.map(element, { preferCanvas: true, zoomControl: true, attributionControl: true });
    const pane = (name, z) => {
      this.map.createPane(name).style.zIndex = z;
      return L.canvas({ pane: name, padding: 0.2 });
    };
    this.renderers = { network: pane("network", 390), routes: pane("routes", 400), bridges: pane("bridges", 410), points: pane("points", 420) };
    if (config.tileUrl) L.tileLayer(config.tileUrl, { attribution: config.tileAttribution || "", maxZoom: 19 }).addTo(this.map);
    this.routeLayers = new Map(); // taskId -> polyline
    this.routesByKey = new Map(); // snowEventId/routeId -> { route, layer }
    this.trucks = new Map(); // crewId -> circleMarker
    this.compounds = new Map(); // compoundId -> { marker, info, reading }
    this.dirty = new Set();
    this.routeGroup = L.layerGroup().addTo(this.map);
    this.networkSegments = 0;
    this.config = config;
  }

  drawNetwork(geojson) {
    const lines = (geojson?.features || []).filter((f) => f.geometry && /LineString$/.test(f.geometry.type));
    // One canvas path per priority class instead of one layer per segment: 20,000 segments draw in one pass each.
    const byClass = new Map();
    for (const f of lines) {
      const key = f.properties?.priority || "";
      if (!byClass.has(key)) byClass.set(key, []);
      byClass.get(key).push(...latLngsOf(f.geometry));
    }
    this.networkLayer = L.featureGroup([...byClass].map(([priority, latlngs]) => L.polyline(latlngs, {
      renderer: this.renderers.network, interactive: false, color: colors.network, weight: priority === "P1" ? 2 : 1, opacity: 0.9,
    }))).addTo(this.map);
    const special = lines.filter((f) => f.properties && (f.properties.bridge || f.properties.slope));
    this.bridgeLayer = L.featureGroup(special.map((f) => L.polyline(latLngsOf(f.geometry), {
      renderer: this.renderers.bridges, color: colors.bridge, weight: 4, dashArray: "6 6", opacity: 0.95,
    }).bindTooltip(() => `${escape(f.properties.name || "")} · ${t("bridgesSlopes")}`))).addTo(this.map);
    this.networkSegments = lines.length;
  }

  setRoutes(routes) {
    this.dirty.clear();
    this.routeGroup.clearLayers();
    this.routeLayers.clear();
    this.routesByKey.clear();
    for (const route of routes) {
      if (!route.geometry) continue;
      const latlngs = route.geometry.coordinates.map((line) => line.map(([lon, lat]) => [lat, lon]));
      const layer = L.polyline(latlngs, {
        renderer: this.renderers.routes, color: routeColor(route.task), weight: weights[route.priorityClass] || 3, opacity: 0.95,
      });
      layer.route = route;
      layer.bindTooltip(() => this.describeRoute(layer.route), { sticky: true });
      this.routeGroup.addLayer(layer);
      this.routesByKey.set(`${route.snowEventId}/${route.routeId}`, { route, layer });
      if (route.task) this.routeLayers.set(route.task.taskId, layer);
    }
  }

  describeRoute(route) {
    const task = route.task;
    const state = task ? t(`states.${task.state}`) : t("notStarted");
    const done = task?.percentDone != null ? ` · ${t("percentDone", { p: Math.round(task.percentDone) })}` : "";
    const when = task?.completed ? ` · ${t("completedAt", { t: formatTime(task.completed) })}` : "";
    return `<b>${escape(route.name)}</b> (${route.priorityClass})<br>${t("vehicle")}: ${escape(route.vehicleId || t("none"))}<br>` +
      `${state}${done}${when}<br>${escape((route.streets || []).slice(0, 6).join(", "))}`;
  }

  /** Records a task's change; returns whether it belongs to a drawn route. Drawing waits for flush(). */
  applyTask(change) {
    const layer = this.routeLayers.get(change.taskId);
    if (change.crewId && change.lat != null && change.lon != null) this.moveTruck(change);
    if (!layer) return false;
    const task = layer.route.task;
    task.state = change.state;
    if (change.percentDone != null) task.percentDone = change.percentDone;
    if (change.crewId) task.crewId = change.crewId;
    task.completed = change.state === "Completed" ? change.changed : null;
    this.dirty.add(layer);
    return true;
  }

  /** Restyles what changed since the last frame. */
  flush() {
    const now = Date.now();
    for (const layer of this.dirty) {
      const color = routeColor(layer.route.task, now);
      if (layer.options.color !== color) layer.setStyle({ color });
    }
    this.dirty.clear();
  }

  /** Cleared routes age from fresh to older to due a repass: recolour them all now and then. */
  recolorAll() {
    for (const { layer } of this.routesByKey.values()) this.dirty.add(layer);
  }

  routeState(taskId) {
    const layer = this.routeLayers.get(taskId);
    if (!layer) return null;
    return { state: layer.route.task.state, color: layer.options.color, percentDone: layer.route.task.percentDone ?? null };
  }

  setTrucks(trucks) {
    for (const truck of trucks) this.moveTruck(truck);
  }

  moveTruck(truck) {
    const lat = truck.lat, lon = truck.lon;
    let marker = this.trucks.get(truck.crewId);
    if (!marker) {
      marker = L.circleMarker([lat, lon], { renderer: this.renderers.points, radius: 6, color: "#fff", weight: 2, fillColor: colors.truck, fillOpacity: 1 })
        .addTo(this.map);
      marker.truck = truck;
      marker.bindTooltip(() => `${t("truck")} ${escape(marker.truck.crewId)} · ${t(`states.${marker.truck.state}`)}`);
      this.trucks.set(truck.crewId, marker);
    } else {
      marker.truck = { ...marker.truck, ...truck };
      marker.setLatLng([lat, lon]);
    }
  }

  setCompounds(compounds, readings) {
    const byId = new Map(readings.map((r) => [r.compoundId, r]));
    for (const compound of compounds) {
      const at = pointOf(compound.wkt);
      if (!at) continue;
      const reading = byId.get(compound.compoundId) || null;
      const marker = L.circleMarker(at, { renderer: this.renderers.points, radius: 5, color: "#fff", weight: 1, fillColor: compoundColor(reading), fillOpacity: 0.95 })
        .addTo(this.map);
      const entry = { marker, info: compound, reading };
      marker.bindTooltip(() => `${t("compound")} ${escape(entry.info.name || entry.info.compoundId)}<br>` +
        (entry.reading ? t("reading", { c: entry.reading.averageCelsius.toFixed(1), t: formatTime(entry.reading.measured) }) : t("noReading")));
      this.compounds.set(compound.compoundId, entry);
    }
  }

  applyReading(reading) {
    const entry = this.compounds.get(reading.compoundId);
    if (!entry) return;
    entry.reading = reading;
    entry.marker.setStyle({ fillColor: compoundColor(reading) });
  }

  fit() {
    const c = this.config;
    if (c.center && c.zoom != null) return this.map.setView(c.center, c.zoom);
    const bounds = this.networkLayer?.getBounds();
    if (bounds?.isValid()) return this.map.fitBounds(bounds);
    const routes = this.routeGroup.getLayers().map((l) => l.getBounds()).reduce((a, b) => a.extend(b), L.latLngBounds([]));
    if (routes.isValid()) return this.map.fitBounds(routes);
    this.map.setView(c.center || [30, 0], c.zoom ?? 2);
  }

  routes() {
    return [...this.routesByKey.values()].map((r) => r.route);
  }
}

/** A LineString's or MultiLineString's lines as Leaflet lat/lng arrays. */
function latLngsOf(geometry) {
  const lines = geometry.type === "LineString" ? [geometry.coordinates] : geometry.coordinates;
  return lines.map((line) => line.map(([lon, lat]) => [lat, lon]));
}

/** A point for a compound from its WKT: the point itself, or the mean of a polygon's outer ring. */
export function pointOf(wkt) {
  if (!wkt) return null;
  const numbers = /\(+\s*([^()]+?)\s*\)/.exec(wkt);
  if (!numbers) return null;
  const pairs = numbers[1].split(",").map((p) => p.trim().split(/\s+/).map(Number)).filter((p) => p.length >= 2 && p.every(Number.isFinite));
  if (pairs.length === 0) return null;
  const ring = pairs.length > 1 && pairs[0][0] === pairs.at(-1)[0] && pairs[0][1] === pairs.at(-1)[1] ? pairs.slice(0, -1) : pairs;
  const lon = ring.reduce((s, p) => s + p[0], 0) / ring.length;
  const lat = ring.reduce((s, p) => s + p[1], 0) / ring.length;
  return [lat, lon];
}

export function escape(text) {
  return String(text ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}
