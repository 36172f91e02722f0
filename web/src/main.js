// SPDX-License-Identifier: GPL-3.0-or-later
// The page's shell: header (project, counters, language), tabs, hash routes.
import { h, replace } from "./dom.js";
import { lang, setLang, t } from "./i18n.js";
import { state, loadProject, onChange, toast } from "./state.js";
import { num } from "./format.js";
import { prefetch, territoryPath } from "./api.js";
import * as projects from "./pages/projects.js";
import * as sheets from "./pages/sheets.js";
import * as identity from "./pages/identity.js";
import * as territory from "./pages/territory.js";
import * as next from "./pages/next.js";
import * as share from "./pages/share.js";

const TABS = [
  { key: "projects", page: projects },
  { key: "sheets", page: sheets },
  { key: "identity", page: identity },
  { key: "territory", page: territory },
  { key: "next", page: next },
  { key: "share", page: share },
];

window.maillageTest = { sigma: null, graph: null, map: null };

let cleanup = null;
let renderSeq = 0;
const els = {};

function parseHash() {
  const parts = location.hash.replace(/^#\/?/, "").split("/").filter(Boolean).map(decodeURIComponent);
  if (parts[0] === "p" && parts[1]) return { projectId: parts[1], tab: parts[2] || "overview" };
  return { projectId: null, tab: "projects" };
}

export function go(projectId, tab) {
  location.hash = projectId ? `#/p/${encodeURIComponent(projectId)}${tab && tab !== "overview" ? "/" + tab : ""}` : "#/projects";
}

function shell() {
  const app = document.getElementById("app");
  els.title = h("a", { class: "project-name", href: "#/projects" });
  els.counters = h("div", { class: "counters" });
  els.lang = h("button", {
    type: "button",
    class: "lang-switch",
    testid: "lang-switch",
    onclick: () => {
      setLang(lang() === "fr" ? "en" : "fr");
      render();
    },
  });
  els.nav = h("nav", { class: "tabs", "aria-label": "sections" });
  els.main = h("main", { id: "main", class: "page" });
  replace(
    app,
    h("header", { class: "top" }, h("a", { class: "brand", href: "#/projects" }, h("span", { class: "logo", "aria-hidden": "true" }), "maillage"), els.title, els.counters, els.lang),
    els.nav,
    els.main,
  );
  onChange(header);
}

function counter(key, value) {
  return h(
    "span",
    { class: "counter" },
    h("span", { class: "counter-value", testid: `count-${key}` }, value === null || value === undefined ? "—" : String(value)),
    h("span", { class: "counter-label" }, t(`count.${key}`)),
  );
}

function header() {
  const p = state.project;
  els.title.textContent = p ? p.name : t("app.noproject");
  els.title.setAttribute("href", p ? `#/p/${encodeURIComponent(p.id)}` : "#/projects");
  if (p) {
    replace(els.counters, counter("organisations", state.counts.organisations), counter("people", state.counts.people), counter("questions", state.counts.questions));
  } else replace(els.counters);
  replace(els.lang, h("span", { class: lang() === "fr" ? "on" : "" }, "FR"), h("span", { class: "sep" }, "|"), h("span", { class: lang() === "en" ? "on" : "" }, "EN"));
  els.lang.dataset.lang = lang();
  els.lang.setAttribute("aria-label", t("lang.switch"));
  els.lang.setAttribute("title", t("lang.switch"));
}

function tabs(route) {
  const active = route.tab === "overview" ? "projects" : route.tab;
  replace(
    els.nav,
    TABS.map(({ key }) => {
      const needsProject = key !== "projects";
      const disabled = needsProject && !route.projectId;
      const href = key === "projects" ? (route.projectId ? `#/p/${encodeURIComponent(route.projectId)}` : "#/projects") : route.projectId ? `#/p/${encodeURIComponent(route.projectId)}/${key}` : "#/projects";
      return h(
        "a",
        {
          class: `tab${key === active ? " active" : ""}${disabled ? " disabled" : ""}`,
          href,
          testid: `tab-${key}`,
          "aria-current": key === active ? "page" : null,
          "aria-disabled": disabled ? "true" : null,
          title: disabled ? t("app.pickproject") : null,
          onclick: disabled
            ? (e) => {
                e.preventDefault();
                toast(t("app.pickproject"));
              }
            : null,
        },
        t(`tab.${key}`),
      );
    }),
  );
}

async function render() {
  const seq = ++renderSeq;
  document.documentElement.lang = lang();
  document.title = t("app.title");
  if (cleanup) {
    try {
      cleanup();
    } catch (_) {
      /* already gone */
    }
    cleanup = null;
  }
  let route = parseHash();
  if (!route.projectId && !location.hash) {
    let saved = null;
    try {
      saved = localStorage.getItem("maillage.project");
    } catch (_) {
      /* private mode */
    }
    if (saved) route = { projectId: saved, tab: "overview" };
  }
  tabs(route);
  header();
  replace(els.main, h("p", { class: "loading" }, t("app.loading")));
  if (route.projectId && route.tab === "territory" && state.projectId !== route.projectId) {
    // opened by its address: the territory's trend and map are asked with the overview
    let saved = null;
    try {
      saved = localStorage.getItem(`maillage.territory.${route.projectId}`);
    } catch (_) {
      /* private mode */
    }
    if (saved) {
      const base = territoryPath(route.projectId, saved);
      prefetch(`${base}/trend`);
      prefetch(`${base}/map`, { indicator: "mobilisation", by: "epci" });
    }
  }
  if (route.projectId) {
    try {
      if (state.projectId !== route.projectId || !state.project || route.tab === "overview") await loadProject(route.projectId);
    } catch (e) {
      if (seq !== renderSeq) return;
      state.project = null;
      state.projectId = null;
      try {
        localStorage.removeItem("maillage.project");
      } catch (_) {
        /* private mode */
      }
      header();
      replace(els.main, h("div", { class: "notice error", role: "alert" }, e.message), h("p", {}, h("a", { href: "#/projects" }, t("app.backprojects"))));
      return;
    }
  } else {
    state.project = null;
    state.projectId = null;
  }
  if (seq !== renderSeq) return;
  header();
  const entry = route.tab === "overview" ? { page: projects, overview: true } : TABS.find((x) => x.key === route.tab);
  if (!entry) return go(route.projectId, "overview");
  const root = h("div", { class: `page-${route.tab}` });
  replace(els.main, root);
  try {
    const done = await entry.page.render(root, { route, go, refresh: render, overview: !!entry.overview });
    if (typeof done === "function") {
      if (seq === renderSeq) cleanup = done;
      else done();
    }
  } catch (e) {
    if (seq !== renderSeq) return;
    replace(root, h("div", { class: "notice error", role: "alert" }, e.message || String(e)));
  }
}

window.addEventListener("hashchange", render);
document.addEventListener("DOMContentLoaded", () => {
  document.body.dataset.busy = "0";
  shell();
  render();
});
