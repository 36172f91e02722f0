// SPDX-License-Identifier: GPL-3.0-or-later
// Line charts in SVG on a true year axis (a year without an edition keeps its place).
import { h, s } from "./dom.js";
import { num, pct } from "./format.js";
import { t } from "./i18n.js";

const W = 460;
const H = 230;
const M = { l: 50, r: 14, t: 14, b: 30 };

// A round step giving at most 5 intervals up to v: [max, step]
function niceScale(v) {
  if (!(v > 0)) return [1, 0.25];
  const raw = v / 5;
  const p = Math.pow(10, Math.floor(Math.log10(raw)));
  let step = 10 * p;
  for (const m of [1, 2, 2.5, 5, 10]) {
    if (m * p >= raw) {
      step = m * p;
      break;
    }
  }
  return [Math.ceil(v / step) * step, step];
}

// series: [{name, colour, points: [{year, value}]}]; percent: values are shares (0..1)
export function lineChart({ title, series, percent = false, description = "" }) {
  const all = series.flatMap((x) => x.points.filter((p) => p.value !== null && p.value !== undefined));
  const fmt = (v) => (percent ? pct(v) : num(v, v < 10 && v % 1 ? 1 : 0));
  const fig = h("figure", { class: "chart" }, h("figcaption", {}, title));
  if (!all.length) {
    fig.appendChild(h("p", { class: "muted" }, t("chart.nodata")));
    return fig;
  }
  const years = [...new Set(series.flatMap((x) => x.points.map((p) => Number(p.year))))].sort((a, b) => a - b);
  let y0 = years[0];
  let y1 = years[years.length - 1];
  if (y0 === y1) {
    y0 -= 1;
    y1 += 1;
  }
  const [max, step] = percent ? [Math.max(1, ...all.map((p) => p.value)), 0.25] : niceScale(Math.max(...all.map((p) => p.value)));
  const x = (yr) => M.l + ((yr - y0) / (y1 - y0)) * (W - M.l - M.r);
  const y = (v) => H - M.b - (v / max) * (H - M.t - M.b);

  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": title, class: "chart-svg" });
  if (description) svg.appendChild(s("desc", {}, description));
  // horizontal grid and y labels
  const steps = Math.round(max / step);
  for (let i = 0; i <= steps; i++) {
    const v = step * i;
    svg.appendChild(s("line", { x1: M.l, x2: W - M.r, y1: y(v), y2: y(v), class: i ? "grid" : "axis" }));
    svg.appendChild(s("text", { x: M.l - 6, y: y(v) + 4, "text-anchor": "end", class: "tick" }, fmt(v)));
  }
  // year ticks: every year of the span; editions in bold
  const span = y1 - y0;
  const every = span > 14 ? 2 : 1;
  for (let yr = Math.ceil(y0); yr <= y1; yr++) {
    const has = years.includes(yr);
    svg.appendChild(s("line", { x1: x(yr), x2: x(yr), y1: H - M.b, y2: H - M.b + (has ? 5 : 3), class: "axis" }));
    if (has || (yr - y0) % every === 0)
      if (has || span <= 14) svg.appendChild(s("text", { x: x(yr), y: H - M.b + 18, "text-anchor": "middle", class: has ? "tick year" : "tick gap" }, String(yr)));
  }
  // the lines: solid between consecutive years, dotted over years without an edition
  for (const sr of series) {
    const pts = sr.points.filter((p) => p.value !== null && p.value !== undefined).sort((a, b) => a.year - b.year);
    for (let i = 1; i < pts.length; i++) {
      const a = pts[i - 1];
      const b = pts[i];
      svg.appendChild(
        s("line", {
          x1: x(a.year),
          y1: y(a.value),
          x2: x(b.year),
          y2: y(b.value),
          stroke: sr.colour,
          class: b.year - a.year > 1 ? "line gapline" : "line",
        }),
      );
    }
    for (const p of pts) {
      svg.appendChild(s("circle", { cx: x(p.year), cy: y(p.value), r: 3.5, fill: sr.colour, class: "dot" }, s("title", {}, `${series.length > 1 ? sr.name + ", " : ""}${p.year} — ${fmt(p.value)}`)));
    }
  }
  fig.appendChild(svg);
  if (series.length > 1)
    fig.appendChild(
      h(
        "ul",
        { class: "legend inline" },
        series.map((sr) => h("li", {}, h("span", { class: "swatch line", style: { background: sr.colour } }), sr.name)),
      ),
    );
  return fig;
}
