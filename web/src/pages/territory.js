// SPDX-License-Identifier: GPL-3.0-or-later
// Territoire: trend charts, the network (sigma.js) and the map (MapLibre) of one territory.
import { get, territoryPath } from "../api.js";
import { debounce, h, replace } from "../dom.js";
import { t } from "../i18n.js";
import { num, pct } from "../format.js";
import { currentTerritory, editionsOf, state, toast } from "../state.js";
import { noTerritory, notice, section, territorySelect } from "../components.js";
import { lineChart } from "../charts.js";
import { networkView } from "../network.js";
import { mapView } from "../map.js";

export const LEVELS = ["connaissance", "interconnaissance", "reconnaissance"];
const LEVEL_COLOURS = { connaissance: "#0072B2", interconnaissance: "#D55E00", reconnaissance: "#009E73" };

export async function render(root) {
  const terr = currentTerritory();
  if (!terr) return replace(root, h("h1", {}, t("tab.territory")), noTerritory());
  const kills = [];
  const trendBox = h("div", { class: "charts" }, h("p", { class: "loading" }, t("app.loading")));
  const netBox = h("div", {});
  const mapBox = h("div", {});
  replace(
    root,
    h("div", { class: "page-head" }, h("h1", {}, terr), territorySelect(() => rerender())),
    section(t("trend.title"), h("p", { class: "muted small" }, t("trend.lead")), trendBox),
    section(t("network.title"), netBox),
    section(t("map.title"), mapBox),
  );
  function rerender() {
    for (const k of kills) k();
    kills.length = 0;
    render(root).then((k) => {
      if (k) kills.push(k);
    });
  }

  const base = territoryPath(state.project.id, terr);
  const net = networkView(netBox, base, editionsOf(terr));
  kills.push(net.destroy);
  const map = mapView(mapBox, base);
  kills.push(map.destroy);

  try {
    const trend = await get(`${base}/trend`);
    if (root.isConnected) drawTrend(trendBox, trend);
  } catch (e) {
    replace(trendBox, notice(e.message, "error"));
  }
  return () => {
    for (const k of kills) k();
    kills.length = 0;
  };
}

function drawTrend(box, trend) {
  const levels = trend.levels || {};
  const main = levels.interconnaissance || levels[Object.keys(levels)[0]];
  if (!main) return replace(box, notice(t("chart.nodata")));
  const eds = main.editions || [];
  const one = (key) => [{ name: t(`trend.${key}`), colour: "#1f4e79", points: eds.map((e) => ({ year: Number(e.year), value: e[key] })) }];
  replace(
    box,
    lineChart({ title: t("trend.people"), series: one("people") }),
    lineChart({ title: t("trend.organisations"), series: one("organisations") }),
    lineChart({
      title: t("trend.density"),
      percent: true,
      series: LEVELS.filter((l) => levels[l]).map((l) => ({
        name: t(`level.${l}`),
        colour: LEVEL_COLOURS[l],
        points: (levels[l].editions || []).map((e) => ({ year: Number(e.year), value: e.density })),
      })),
    }),
    lineChart({ title: t("trend.retention"), percent: true, series: one("retention") }),
    lineChart({ title: t("trend.newcomers"), series: one("newcomers") }),
  );
}
