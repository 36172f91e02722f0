// SPDX-License-Identifier: GPL-3.0-or-later
// The territory's map (MapLibre GL), GeoJSON only: no tiles, no glyphs, nothing from elsewhere.
import maplibregl from "maplibre-gl";
import { get } from "./api.js";
import { h, replace } from "./dom.js";
import { t } from "./i18n.js";
import { num, pct } from "./format.js";
import { notice } from "./components.js";

const INDICATORS = ["mobilisation", "participants", "organisations", "density", "retention"];
const RATES = new Set(["mobilisation", "density", "retention"]);
// a sequential ramp (ColorBrewer YlGnBu, 5 classes)
const RAMP = ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"];
const EMPTY = { type: "FeatureCollection", features: [] };

export function mapView(box, base) {
  let map = null;
  let popup = null;
  let indicator = "mobilisation";
  let seq = 0;
  let ready = false;
  let pending = null;
  let fitted = false;

  const select = h(
    "select",
    { testid: "map-indicator", "aria-label": t("map.indicator") },
    INDICATORS.map((k) => h("option", { value: k, selected: k === indicator }, t(`indicator.${k}`))),
  );
  let unit = "epci";
  const unitSelect = h(
    "select",
    { testid: "map-unit", "aria-label": t("map.unit") },
    ["epci", "commune"].map((k) => h("option", { value: k, selected: k === unit }, t(`map.unit.${k}`))),
  );
  const ties = h("input", { type: "checkbox", testid: "map-ties" });
  const container = h("div", { class: "map", testid: "map" });
  const legend = h("div", { class: "map-legend" });
  const status = h("div", {});
  replace(
    box,
    h(
      "div",
      { class: "controls" },
      h("label", { class: "field inline" }, h("span", {}, t("map.indicator")), select),
      h("label", { class: "field inline" }, h("span", {}, t("map.unit")), unitSelect),
      h("label", { class: "check" }, ties, h("span", {}, t("map.ties"))),
    ),
    status,
    h("div", { class: "map-layout" }, container, legend),
    h("p", { class: "muted small credit" }, t("map.credit")),
  );

  try {
    map = new maplibregl.Map({
      container,
      style: {
        version: 8,
        sources: {},
        layers: [{ id: "background", type: "background", paint: { "background-color": "#eef2f5" } }],
      },
      center: [2.5, 46.5],
      zoom: 4,
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      maxZoom: 14,
      fadeDuration: 0,
    });
  } catch (e) {
    replace(status, notice(t("map.nowebgl"), "error"));
    return { destroy() {} };
  }
  map.touchZoomRotate.disableRotation();
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), "top-right");
  map.on("error", (e) => replace(status, notice(t("map.error", { message: (e && e.error && e.error.message) || "" }), "error")));
  window.maillageTest.map = map;

  map.on("load", () => {
    map.addSource("areas", { type: "geojson", data: EMPTY });
    map.addSource("ties", { type: "geojson", data: EMPTY });
    map.addSource("registry", { type: "geojson", data: EMPTY });
    map.addSource("organisations", { type: "geojson", data: EMPTY });
    map.addLayer({ id: "areas-fill", type: "fill", source: "areas", paint: { "fill-color": "#e4e7eb", "fill-opacity": 0.85 } });
    map.addLayer({ id: "areas-line", type: "line", source: "areas", paint: { "line-color": "#ffffff", "line-width": 1.2 } });
    map.addLayer({
      id: "ties",
      type: "line",
      source: "ties",
      layout: { visibility: "none", "line-cap": "round" },
      paint: { "line-color": "rgba(45,55,72,0.45)", "line-width": ["get", "_width"] },
    });
    map.addLayer({
      id: "registry",
      type: "circle",
      source: "registry",
      paint: { "circle-radius": 4.5, "circle-color": "rgba(0,0,0,0)", "circle-stroke-color": "#4a5568", "circle-stroke-width": 1.4 },
    });
    map.addLayer({
      id: "organisations",
      type: "circle",
      source: "organisations",
      paint: {
        "circle-radius": ["get", "_radius"],
        "circle-color": ["coalesce", ["get", "colour"], "#888888"],
        "circle-stroke-color": "#ffffff",
        "circle-stroke-width": 1,
      },
    });
    for (const id of ["organisations", "registry", "areas-fill"]) {
      map.on("mouseenter", id, () => (map.getCanvas().style.cursor = "pointer"));
      map.on("mouseleave", id, () => (map.getCanvas().style.cursor = ""));
    }
    map.on("click", (e) => {
      const hits = map.queryRenderedFeatures(e.point, { layers: ["organisations", "registry", "areas-fill"] });
      if (!hits.length) return;
      openCard(hits[0], e.lngLat);
    });
    ready = true;
    if (pending) apply(pending);
  });

  function rows(dl, pairs) {
    for (const [k, v] of pairs) if (v !== undefined && v !== null && v !== "") dl.append(h("dt", {}, k), h("dd", {}, String(v)));
    return dl;
  }

  function openCard(f, lngLat) {
    const p = f.properties || {};
    let card;
    if (f.layer.id === "organisations") {
      card = h(
        "div",
        { class: "map-card", testid: "map-card" },
        h("h3", {}, h("span", { class: "swatch", style: { background: p.colour || "#888" } }), p.name),
        rows(h("dl", {}), [
          [t("node.type"), p.type_label],
          [t("node.commune"), p.commune_name],
          [t("map.editions"), p._editions],
        ]),
      );
    } else if (f.layer.id === "registry") {
      card = h(
        "div",
        { class: "map-card", testid: "map-card" },
        h("h3", {}, h("span", { class: "swatch hollow" }), p.name),
        rows(h("dl", {}), [
          [t("node.type"), p.type_label],
          [t("node.commune"), p.commune_name],
        ]),
        h("p", { class: "muted small" }, t("map.nevermobilised")),
      );
    } else {
      const v = p.value === undefined || p.value === null || p.value === "null" ? null : Number(p.value);
      card = h(
        "div",
        { class: "map-card", testid: "map-card" },
        h("h3", {}, p.name),
        rows(h("dl", {}), [
          [t("map.code"), p.code],
          [t(`indicator.${indicator}`), typeof p.shown === "string" && p.shown ? p.shown : v === null ? "—" : RATES.has(indicator) ? pct(v) : num(v, 1)],
        ]),
      );
    }
    if (popup) popup.remove();
    popup = new maplibregl.Popup({ closeButton: true, maxWidth: "320px" }).setLngLat(lngLat).setDOMContent(card).addTo(map);
  }

  // Sizes and texts computed here, so that the style reads plain numbers and strings.
  function prepare(data) {
    const orgs = (data.organisations && data.organisations.features) || [];
    const size = (p) => Number(p.ties ?? p.degree ?? (Array.isArray(p.editions) ? p.editions.length : p.editions)) || 0;
    const maxS = Math.max(1, ...orgs.map((f) => size(f.properties || {})));
    for (const f of orgs) {
      const p = (f.properties = f.properties || {});
      p._radius = 4 + 5 * Math.sqrt(size(p) / maxS);
      p._editions = Array.isArray(p.editions) ? p.editions.join(", ") : p.editions ?? "";
    }
    const ties = (data.ties && data.ties.features) || [];
    const maxW = Math.max(1e-9, ...ties.map((f) => Number((f.properties || {}).weight) || 0));
    for (const f of ties) {
      const p = (f.properties = f.properties || {});
      p._width = 0.5 + 3.5 * ((Number(p.weight) || 0) / maxW);
    }
    return data;
  }

  function apply(data) {
    pending = data;
    if (!ready) return;
    const areas = data.areas || EMPTY;
    const values = areas.features.map((f) => f.properties && f.properties.value).filter((v) => typeof v === "number" && Number.isFinite(v));
    const lo = values.length ? Math.min(...values) : 0;
    const hi = values.length ? Math.max(...values) : 1;
    let colour;
    if (!values.length) colour = "#e4e7eb";
    else if (hi === lo) colour = ["case", ["==", ["typeof", ["get", "value"]], "number"], RAMP[3], "#e4e7eb"];
    else {
      const stops = RAMP.flatMap((c, i) => [lo + ((hi - lo) * i) / (RAMP.length - 1), c]);
      colour = ["case", ["all", ["==", ["typeof", ["get", "value"]], "number"], ["!=", ["get", "shown"], false]], ["interpolate", ["linear"], ["get", "value"], ...stops], "#e4e7eb"];
    }
    map.setPaintProperty("areas-fill", "fill-color", colour);
    map.getSource("areas").setData(areas);
    map.getSource("organisations").setData(data.organisations || EMPTY);
    map.getSource("registry").setData(data.registry || EMPTY);
    map.getSource("ties").setData(data.ties || EMPTY);
    if (!fitted && Array.isArray(data.bounds) && data.bounds.length === 4 && data.bounds.every(Number.isFinite)) {
      const [w, s, e, n] = data.bounds;
      map.fitBounds([[w, s], [e, n]], { padding: 24, duration: 0 });
      fitted = true;
    }
    drawLegend(data, lo, hi, values.length);
  }

  function drawLegend(data, lo, hi, n) {
    const fmt = (v) => (RATES.has(indicator) ? pct(v) : num(v, 1));
    const label = (data.indicator && data.indicator.label) || t(`indicator.${indicator}`);
    const orgs = (data.organisations && data.organisations.features.length) || 0;
    const reg = (data.registry && data.registry.features.length) || 0;
    replace(
      legend,
      h("div", { class: "legend-title" }, label),
      n
        ? h(
            "div",
            { class: "ramp" },
            h("div", { class: "ramp-bar", style: { background: `linear-gradient(to right, ${RAMP.join(", ")})` } }),
            h("div", { class: "ramp-labels" }, h("span", {}, fmt(lo)), h("span", {}, fmt(hi))),
          )
        : h("p", { class: "muted small" }, t("map.novalue")),
      h(
        "ul",
        { class: "legend" },
        h("li", {}, h("span", { class: "swatch area-none" }), t("map.nodata")),
        h("li", {}, h("span", { class: "mdot filled" }), t("map.orgs", { n: num(orgs) })),
        h("li", {}, h("span", { class: "mdot hollow" }), t("map.registry", { n: num(reg) })),
        h("li", {}, h("span", { class: "tie" }), t("map.tiesrule")),
      ),
    );
  }

  async function load() {
    const my = ++seq;
    try {
      const data = await get(`${base}/map`, { indicator, by: unit });
      if (my !== seq || !map) return;
      replace(status);
      apply(prepare(data));
    } catch (e) {
      if (my === seq) replace(status, notice(e.message, "error"));
    }
  }

  select.addEventListener("change", () => {
    indicator = select.value;
    if (popup) popup.remove();
    load();
  });
  unitSelect.addEventListener("change", () => {
    unit = unitSelect.value;
    if (popup) popup.remove();
    load();
  });
  ties.addEventListener("change", () => {
    if (ready) map.setLayoutProperty("ties", "visibility", ties.checked ? "visible" : "none");
  });
  map.on("load", () => map.setLayoutProperty("ties", "visibility", ties.checked ? "visible" : "none"));
  load();

  return {
    destroy() {
      seq++;
      if (map) map.remove();
      map = null;
      window.maillageTest.map = null;
    },
  };
}
