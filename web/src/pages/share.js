// SPDX-License-Identifier: GPL-3.0-or-later
// Partager: the funder report (one territory or all) and the network's exports.
import { apiUrl, postDownload, territoryPath } from "../api.js";
import { h, replace } from "../dom.js";
import { t } from "../i18n.js";
import { currentTerritory, editionsOf, state } from "../state.js";
import { noTerritory, notice, section, territorySelect } from "../components.js";

const FORMATS = ["gexf", "graphml", "gpkg", "csv", "json"];
const LEVELS = ["connaissance", "interconnaissance", "reconnaissance"];

export async function render(root, ctx) {
  const terr = currentTerritory();
  if (!terr) return void replace(root, h("h1", {}, t("tab.share")), noTerritory());
  const pid = state.project.id;
  const status = h("div", { class: "report-status", "aria-live": "polite" });

  async function report(which, button) {
    const buttons = root.querySelectorAll("button.report");
    for (const b of buttons) b.disabled = true;
    const label = button.textContent;
    button.textContent = t("share.generating");
    button.classList.add("working");
    replace(status, h("p", { class: "muted" }, h("span", { class: "spinner", "aria-hidden": "true" }), t("share.wait")));
    try {
      await postDownload(`${territoryPath(pid, which)}/report`, {}, which === "*" ? "rapport.html" : `rapport-${which}.html`);
      replace(status, notice(t("share.ready"), "ok"));
    } catch (e) {
      replace(status, notice(e.message, "error"));
    } finally {
      button.textContent = label;
      button.classList.remove("working");
      for (const b of buttons) b.disabled = false;
    }
  }

  const years = editionsOf(terr);
  const edSel = h("select", { "aria-label": t("share.edition"), testid: "export-edition" }, years.map((y, i) => h("option", { value: String(y), selected: i === years.length - 1 }, String(y))));
  const lvSel = h("select", { "aria-label": t("network.level"), testid: "export-level" }, LEVELS.map((l) => h("option", { value: l, selected: l === "interconnaissance" }, t(`level.${l}`))));
  const links = h("ul", { class: "exports" });
  function drawLinks() {
    replace(
      links,
      FORMATS.map((f) =>
        h(
          "li",
          {},
          h(
            "a",
            {
              href: apiUrl(`${territoryPath(pid, terr)}/export`, { format: f, edition: edSel.value, level: lvSel.value }),
              download: "",
              class: "button secondary",
              testid: "export-link",
              dataset: { format: f },
            },
            f.toUpperCase(),
          ),
          h("span", { class: "muted small" }, t(`export.${f}`)),
        ),
      ),
    );
  }
  edSel.addEventListener("change", drawLinks);
  lvSel.addEventListener("change", drawLinks);
  drawLinks();

  replace(
    root,
    h("div", { class: "page-head" }, h("h1", {}, t("tab.share")), territorySelect(() => render(root, ctx))),
    section(
      t("share.report"),
      h("p", {}, t("share.reportlead")),
      h(
        "div",
        { class: "actions" },
        h("button", { type: "button", class: "primary report", testid: "report-territory", text: t("share.reportone", { territory: terr }), onclick: (e) => report(terr, e.currentTarget) }),
        h("button", { type: "button", class: "secondary report", testid: "report-all", text: t("share.reportall"), onclick: (e) => report("*", e.currentTarget) }),
      ),
      status,
    ),
    section(
      t("share.exports"),
      h("p", {}, t("share.exportslead", { territory: terr })),
      years.length
        ? [h("div", { class: "controls" }, h("label", { class: "field inline" }, h("span", {}, t("share.edition")), edSel), h("label", { class: "field inline" }, h("span", {}, t("network.level")), lvSel)), links]
        : notice(t("network.noedition")),
    ),
  );
}
