// SPDX-License-Identifier: GPL-3.0-or-later
// The organisation network of one edition, drawn by sigma.js (WebGL) from the server's positions.
import Graph from "graphology";
import Sigma from "sigma";
import { get } from "./api.js";
import { debounce, h, replace } from "./dom.js";
import { t } from "./i18n.js";
import { num } from "./format.js";
import { notice } from "./components.js";
import { toast } from "./state.js";

const LEVELS = ["connaissance", "interconnaissance", "reconnaissance"];
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif";

function fold(x) {
  return String(x || "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

export function networkView(box, base, years) {
  let sigma = null;
  let graph = null;
  let highlight = null;
  let hovered = null;
  let seq = 0;
  let nodesById = new Map();
  let level = "interconnaissance";
  let idx = years.length - 1;

  if (!years.length) {
    replace(box, notice(t("network.noedition")));
    return { destroy() {} };
  }

  const yearText = h("output", { class: "edition-year", testid: "edition-year" }, String(years[idx]));
  // The slider runs over true years (a year without an edition keeps its place) and snaps to editions.
  const slider = h("input", {
    type: "range",
    min: String(years[0]),
    max: String(years[years.length - 1]),
    step: "1",
    value: String(years[idx]),
    testid: "edition-slider",
    "aria-label": t("network.edition"),
    dataset: { years: years.join(",") },
    list: "edition-marks",
  });
  const marks = h("datalist", { id: "edition-marks" }, years.map((y) => h("option", { value: String(y) })));
  slider.setAttribute("aria-valuetext", String(years[idx]));
  const ticks = h(
    "div",
    { class: "slider-ticks", "aria-hidden": "true" },
    h("span", {}, String(years[0])),
    years.length > 1 ? h("span", {}, String(years[years.length - 1])) : null,
  );
  const levelSel = h(
    "select",
    { testid: "level-switch", "aria-label": t("network.level") },
    LEVELS.map((l) => h("option", { value: l, selected: l === level }, t(`level.${l}`))),
  );
  const search = h("input", { type: "search", testid: "network-search", placeholder: t("network.search"), "aria-label": t("network.search"), list: "network-names", autocomplete: "off" });
  const names = h("datalist", { id: "network-names" });
  const count = h("p", { class: "network-count", testid: "network-count", "aria-live": "polite" });
  const container = h("div", { class: "network", testid: "network" });
  const cardBox = h("aside", { class: "node-card-box" }, h("p", { class: "muted" }, t("network.clickhint")));
  const legend = h("ul", { class: "legend" });
  const status = h("div", {});
  const title = h("p", { class: "muted small" });

  replace(
    box,
    h(
      "div",
      { class: "controls" },
      h("label", { class: "field inline slider" }, h("span", {}, t("network.edition")), h("span", { class: "slider-wrap" }, slider, marks, ticks), yearText),
      h("label", { class: "field inline" }, h("span", {}, t("network.level")), levelSel),
      h("label", { class: "field inline grow" }, h("span", {}, t("network.find")), search, names),
    ),
    h("p", { class: "muted small" }, t(`level.help.${level}`)),
    status,
    h("div", { class: "network-layout" }, h("div", { class: "network-main" }, container, h("div", { class: "network-foot" }, count, title)), cardBox),
    h("div", { class: "legend-box" }, h("span", { class: "legend-title" }, t("network.legend")), legend, h("p", { class: "muted small" }, t("network.legendsize"))),
  );
  const levelHelp = box.querySelector("p.muted.small");

  function nodeReducer(node, data) {
    const focus = hovered || highlight;
    if (!focus || !graph.hasNode(focus)) return data;
    if (node === focus) return { ...data, highlighted: true, zIndex: 2, forceLabel: true };
    if (graph.areNeighbors(node, focus)) return { ...data, zIndex: 1 };
    return { ...data, color: "#d9dde3", label: "", zIndex: 0 };
  }
  function edgeReducer(edge, data) {
    const focus = hovered || highlight;
    if (!focus || !graph.hasNode(focus)) return data;
    if (graph.hasExtremity(edge, focus)) return { ...data, color: "rgba(22,33,50,0.55)" }; // premultiplied by alpha, as sigma 3 blends
    return { ...data, hidden: true };
  }

  function showCard(id) {
    const n = nodesById.get(id);
    if (!n) return;
    const rows = [
      [t("node.type"), n.type_label || n.type],
      [t("node.family"), n.family_label || n.family],
      [t("node.commune"), n.commune_name || n.commune || "—"],
      [t("node.years"), (n.years || []).join(", ") || "—"],
      [t("node.degree"), t("node.degreeval", { n: num(n.degree) })],
      [t("node.betweenness"), num(n.betweenness, 3)],
    ];
    if (typeof n.people === "number") rows.push([t("node.people"), num(n.people)]);
    const cut = n.cut_vertex ?? n.articulation ?? n.single_point_of_failure;
    replace(
      cardBox,
      h(
        "div",
        { class: "node-card", testid: "node-card", dataset: { id } },
        h("h3", {}, h("span", { class: "swatch", style: { background: n.colour || "#888" } }), n.label || n.organisation),
        h("dl", {}, rows.map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)])),
        cut === true
          ? h("p", { class: "notice warn", testid: "node-cut" }, t("node.cut", { names: (n.cut_off || []).map((x) => `« ${x} »`).join(", ") }))
          : cut === false
            ? h("p", { class: "muted small", testid: "node-cut" }, t("node.nocut"))
            : null,
        h("p", { class: "muted small" }, t("node.betweennesshelp")),
      ),
    );
  }

  function focusNode(id, animate = true) {
    highlight = id;
    showCard(id);
    if (sigma) {
      sigma.refresh();
      const d = sigma.getNodeDisplayData(id);
      if (d) sigma.getCamera().animate({ x: d.x, y: d.y, ratio: 0.45 }, { duration: animate ? 500 : 0 });
    }
  }

  function findNode(text) {
    const q = fold(text.trim());
    if (!q) return null;
    let best = null;
    for (const [id, n] of nodesById) {
      const l = fold(n.label || n.organisation);
      if (l === q) return id;
      if (!best && l.includes(q)) best = id;
    }
    return best;
  }

  search.addEventListener(
    "input",
    debounce(() => {
      const id = findNode(search.value);
      if (id) focusNode(id);
      else {
        highlight = null;
        if (sigma) sigma.refresh();
      }
    }, 200),
  );
  search.addEventListener("keydown", (e) => {
    if (e.key === "Enter") {
      e.preventDefault();
      const id = findNode(search.value);
      if (id) focusNode(id);
      else toast(t("network.notfound"));
    }
  });

  async function load() {
    const my = ++seq;
    const year = years[idx];
    try {
      const net = await get(`${base}/network`, { edition: year, level });
      if (my !== seq || !box.isConnected) return;
      draw(net);
    } catch (e) {
      if (my === seq) replace(status, notice(e.message, "error"));
    }
  }

  function draw(net) {
    replace(status);
    const nodes = net.nodes || [];
    const edges = net.edges || [];
    nodesById = new Map(nodes.map((n) => [n.id, n]));
    const maxB = Math.max(0, ...nodes.map((n) => n.betweenness || 0));
    const maxW = Math.max(0, ...edges.map((e) => e.weight || 0));
    const g = new Graph({ type: "undirected", multi: false, allowSelfLoops: false });
    nodes.forEach((n, i) => {
      const p = n.position || { x: Math.cos(i), y: Math.sin(i) };
      g.addNode(n.id, {
        x: Number(p.x),
        y: -Number(p.y),
        label: n.label || n.organisation || n.id,
        color: n.colour || "#888888",
        size: maxB > 0 ? 4 + 12 * Math.sqrt((n.betweenness || 0) / maxB) : 7,
      });
    });
    for (const e of edges) {
      if (!g.hasNode(e.source) || !g.hasNode(e.target) || e.source === e.target || g.hasEdge(e.source, e.target)) continue;
      g.addEdge(e.source, e.target, { size: maxW > 0 ? 0.8 + 4 * ((e.weight || 0) / maxW) : 1.5, color: "rgba(28,34,44,0.4)", weight: e.weight }); // premultiplied (sigma 3 blending)
    }
    if (highlight && !g.hasNode(highlight)) highlight = null;
    if (!sigma) {
      graph = g;
      sigma = new Sigma(graph, container, {
        nodeReducer,
        edgeReducer,
        labelFont: FONT,
        labelSize: 12,
        labelWeight: "500",
        labelColor: { color: "#1d2733" },
        labelRenderedSizeThreshold: 9,
        zIndex: true,
        // thousands of ties: drawn again only once the camera stops (software WebGL pans at 1–8 frames/s otherwise)
        hideEdgesOnMove: graph.size > 3000,
        minCameraRatio: 0.05,
        maxCameraRatio: 4,
        allowInvalidContainer: true,
      });
      sigma.on("clickNode", ({ node }) => focusNode(node, false));
      sigma.on("clickStage", () => {
        highlight = null;
        sigma.refresh();
      });
      sigma.on("enterNode", ({ node }) => {
        hovered = node;
        container.style.cursor = "pointer";
        sigma.refresh();
      });
      sigma.on("leaveNode", () => {
        hovered = null;
        container.style.cursor = "";
        sigma.refresh();
      });
    } else {
      graph.clear();
      graph.import(g.export());
      sigma.setSetting("hideEdgesOnMove", graph.size > 3000);
    }
    window.maillageTest.sigma = sigma;
    window.maillageTest.graph = graph;
    sigma.refresh();
    count.textContent = t("network.count", { nodes: num(graph.order), edges: num(graph.size) });
    count.dataset.nodes = String(graph.order);
    count.dataset.edges = String(graph.size);
    title.textContent = net.title || "";
    replace(
      names,
      nodes
        .map((n) => n.label || n.organisation)
        .sort((a, b) => a.localeCompare(b))
        .map((l) => h("option", { value: l })),
    );
    const fams = new Map();
    for (const n of nodes) if (!fams.has(n.family)) fams.set(n.family, { label: n.family_label || n.family, colour: n.colour, n: 0 });
    for (const n of nodes) fams.get(n.family).n++;
    replace(
      legend,
      [...fams.values()]
        .sort((a, b) => b.n - a.n)
        .map((f) => h("li", {}, h("span", { class: "swatch", style: { background: f.colour } }), `${f.label} (${num(f.n)})`)),
    );
    if (highlight) showCard(highlight);
    else replace(cardBox, h("p", { class: "muted" }, nodes.length ? t("network.clickhint") : t("network.empty")));
  }

  const reload = debounce(load, 150);
  // nearest edition to the slider's year; moving past a gap goes to the next edition that way
  function snap(v) {
    const cur = years[idx];
    if (years.includes(v)) return years.indexOf(v);
    if (v > cur && v - cur <= 1) return Math.min(idx + 1, years.length - 1);
    if (v < cur && cur - v <= 1) return Math.max(idx - 1, 0);
    let best = 0;
    for (let i = 1; i < years.length; i++) if (Math.abs(years[i] - v) < Math.abs(years[best] - v)) best = i;
    return best;
  }
  function onSlide() {
    const next = snap(Number(slider.value));
    slider.value = String(years[next]);
    if (next === idx) return;
    idx = next;
    yearText.textContent = String(years[idx]);
    slider.setAttribute("aria-valuetext", String(years[idx]));
    reload();
  }
  slider.addEventListener("input", onSlide);
  slider.addEventListener("change", onSlide);
  levelSel.addEventListener("change", () => {
    level = levelSel.value;
    levelHelp.textContent = t(`level.help.${level}`);
    load();
  });

  load();
  return {
    destroy() {
      seq++;
      if (sigma) sigma.kill();
      sigma = null;
      window.maillageTest.sigma = null;
      window.maillageTest.graph = null;
    },
  };
}
