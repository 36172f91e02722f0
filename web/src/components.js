// SPDX-License-Identifier: GPL-3.0-or-later
// Pieces several pages use.
import { h } from "./dom.js";
import { t } from "./i18n.js";
import { currentTerritory, setTerritory, territories } from "./state.js";

// The territory picker: a <select> of the project's territories.
export function territorySelect(onPick) {
  const current = currentTerritory();
  const sel = h(
    "select",
    {
      testid: "territory-select",
      id: "territory-select",
      onchange: () => {
        setTerritory(sel.value);
        onPick(sel.value);
      },
    },
    territories().map((x) => h("option", { value: x.name, selected: x.name === current }, x.name)),
  );
  return h("label", { class: "field inline" }, h("span", {}, t("territory.pick")), sel);
}

export function section(title, ...children) {
  return h("section", { class: "card" }, h("h2", {}, title), ...children);
}

export function notice(text, kind = "info") {
  return h("div", { class: `notice ${kind}`, role: kind === "error" ? "alert" : null }, text);
}

// A plain table: columns [{label, cell(row) -> node|string, class}]
export function table(columns, rows, props = {}) {
  return h(
    "table",
    { class: "data", ...props },
    h("thead", {}, h("tr", {}, columns.map((c) => h("th", { scope: "col", class: c.class }, c.label)))),
    h(
      "tbody",
      {},
      rows.map((r) => h("tr", {}, columns.map((c) => h("td", { class: c.class }, c.cell(r))))),
    ),
  );
}

export function noTerritory() {
  return notice(t("territory.none"));
}

// Turns a type code into words when no label came with it.
export function typeWords(code, labels) {
  if (!code) return "";
  if (labels && labels[code]) return labels[code];
  const w = String(code).replace(/_/g, " ");
  return w.charAt(0).toUpperCase() + w.slice(1);
}
