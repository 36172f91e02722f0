// SPDX-License-Identifier: GPL-3.0-or-later
// Projets: the list, a new project, and a project's territories × editions.
import { get, post, projectPath } from "../api.js";
import { debounce, h, replace } from "../dom.js";
import { t } from "../i18n.js";
import { num } from "../format.js";
import { state, toast } from "../state.js";
import { notice, section } from "../components.js";

export async function render(root, ctx) {
  if (ctx.overview) return overview(root, ctx);
  const list = h("ul", { class: "project-list", testid: "project-list" });
  replace(root, h("div", { class: "grid-2" }, section(t("projects.title"), list), section(t("projects.new"), newProjectForm(ctx))));
  const { projects } = await get("projects");
  if (!projects.length) return replace(list, h("li", { class: "empty" }, t("projects.none")));
  replace(
    list,
    projects.map((p) =>
      h(
        "li",
        { class: "project-item", testid: "project-item", dataset: { id: p.id } },
        h(
          "a",
          { href: `#/p/${encodeURIComponent(p.id)}`, class: "project-link" },
          h("span", { class: "project-title" }, p.name),
          h("span", { class: "muted" }, t("projects.counts", { territories: num(p.territories), editions: num(p.editions) })),
        ),
        h("span", { class: `badge ${p.imported ? "ok" : "warn"}` }, p.imported ? t("projects.imported") : t("projects.notimported")),
      ),
    ),
  );
}

function overview(root, ctx) {
  const p = state.project;
  // territories × editions: one row per territory, one column per year of any edition
  const years = [...new Set(p.territories.flatMap((x) => x.editions.map((e) => Number(e.year))))].sort((a, b) => a - b);
  const rows = p.territories.map((terr) => {
    const byYear = new Map(terr.editions.map((e) => [Number(e.year), e]));
    return h(
      "tr",
      {},
      h("th", { scope: "row" }, terr.name, terr.code ? h("span", { class: "muted code" }, ` ${terr.code}`) : null),
      years.length
        ? years.map((y) => {
            const e = byYear.get(y);
            return e
              ? h(
                  "td",
                  { class: "num cell", dataset: { year: y } },
                  h("div", { class: "cell-people", title: t("col.people") }, num(e.people)),
                  h("div", { class: "cell-more muted", title: t("col.organisations") }, t("overview.cellorgs", { n: num(e.organisations) })),
                  h("div", { class: "cell-more muted", title: t("col.sessions") }, t("overview.cellsessions", { n: num(e.sessions) })),
                )
              : h("td", { class: "num cell none", "aria-label": t("overview.noedition") }, "·");
          })
        : h("td", { class: "muted" }, t("overview.noedition")),
    );
  });
  const tableEl = h(
    "div",
    { class: "table-wrap" },
    h(
      "table",
      { class: "data overview", testid: "territory-table" },
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("col.territory")), years.map((y) => h("th", { scope: "col", class: "num" }, String(y))))),
      h("tbody", {}, rows),
    ),
  );
  const id = encodeURIComponent(p.id);
  const facts = h(
    "ul",
    { class: "facts" },
    h("li", {}, h("strong", {}, num(p.questions)), " ", t("overview.questions"), p.questions > 0 ? [" — ", h("a", { href: `#/p/${id}/identity` }, t("overview.answer"))] : null),
    h("li", {}, h("strong", {}, num(p.decisions)), " ", t("overview.decisions")),
    p.folder_sheets > 0 || !p.imported
      ? h("li", {}, h("strong", {}, num(p.folder_sheets)), " ", t("overview.foldersheets"), " — ", h("a", { href: `#/p/${id}/sheets` }, t("overview.import")))
      : null,
  );
  replace(
    root,
    h("p", { class: "crumbs" }, h("a", { href: "#/projects" }, `← ${t("overview.all")}`)),
    h("h1", {}, p.name),
    p.imported ? null : notice(t("overview.notimported")),
    facts,
    section(
      t("overview.table"),
      h("p", { class: "muted small" }, t("overview.legend")),
      tableEl,
    ),
  );
}

// The new project: a name and territories (départements, EPCI, or a named list of communes).
function newProjectForm(ctx) {
  const chosen = []; // API territory objects, with a label for display
  const chosenList = h("ul", { class: "chips", "aria-live": "polite" });
  const name = h("input", { type: "text", name: "name", required: true, maxlength: "200", autocomplete: "off" });
  const message = h("div", { class: "form-message" });

  function drawChosen() {
    replace(
      chosenList,
      chosen.length
        ? chosen.map((c, i) =>
            h(
              "li",
              { class: "chip" },
              h("span", {}, c.label),
              h("button", {
                type: "button",
                class: "chip-x",
                "aria-label": t("new.remove"),
                title: t("new.remove"),
                text: "×",
                onclick: () => {
                  chosen.splice(i, 1);
                  drawChosen();
                },
              }),
            ),
          )
        : h("li", { class: "muted" }, t("new.nochosen")),
    );
  }
  function add(territory, label) {
    const key = JSON.stringify(territory);
    if (chosen.some((c) => JSON.stringify(c.territory) === key)) return;
    chosen.push({ territory, label });
    drawChosen();
  }

  // département
  const depSelect = h("select", { "aria-label": t("new.departement") }, h("option", { value: "" }, t("new.pickdep")));
  get("france/departements")
    .then((deps) => {
      for (const d of deps) depSelect.appendChild(h("option", { value: d.code }, `${d.code} — ${d.name}`));
    })
    .catch((e) => toast(e.message, "error"));
  const depPane = h(
    "div",
    { class: "pane" },
    depSelect,
    h("button", {
      type: "button",
      class: "secondary",
      text: t("new.add"),
      onclick: () => {
        const opt = depSelect.selectedOptions[0];
        if (!depSelect.value) return;
        add({ kind: "departement", code: depSelect.value }, opt.textContent);
      },
    }),
  );

  // EPCI
  const epciResults = h("ul", { class: "results" });
  const epciSearch = h("input", { type: "search", placeholder: t("new.searchepci"), "aria-label": t("new.searchepci"), autocomplete: "off" });
  epciSearch.addEventListener(
    "input",
    debounce(async () => {
      const q = epciSearch.value.trim();
      if (q.length < 2) return replace(epciResults);
      try {
        const list = await get("france/epci", { q });
        replace(
          epciResults,
          list.length
            ? list.map((e) =>
                h(
                  "li",
                  {},
                  h("button", { type: "button", class: "result", onclick: () => add({ kind: "epci", siren: e.siren }, e.name) }, e.name, h("span", { class: "muted" }, ` ${(e.departements || []).join(", ")}`)),
                ),
              )
            : h("li", { class: "muted" }, t("new.noresult")),
        );
      } catch (e) {
        toast(e.message, "error");
      }
    }, 250),
  );
  const epciPane = h("div", { class: "pane", hidden: true }, epciSearch, epciResults);

  // communes
  const communes = [];
  const communeList = h("ul", { class: "chips" });
  const communeResults = h("ul", { class: "results" });
  const communeSearch = h("input", { type: "search", placeholder: t("new.searchcommune"), "aria-label": t("new.searchcommune"), autocomplete: "off" });
  const areaName = h("input", { type: "text", placeholder: t("new.areaname"), "aria-label": t("new.areaname") });
  function drawCommunes() {
    replace(
      communeList,
      communes.map((c, i) =>
        h(
          "li",
          { class: "chip" },
          h("span", {}, `${c.name} (${c.code})`),
          h("button", {
            type: "button",
            class: "chip-x",
            text: "×",
            "aria-label": t("new.remove"),
            onclick: () => {
              communes.splice(i, 1);
              drawCommunes();
            },
          }),
        ),
      ),
    );
  }
  communeSearch.addEventListener(
    "input",
    debounce(async () => {
      const q = communeSearch.value.trim();
      if (q.length < 2) return replace(communeResults);
      try {
        const list = await get("france/communes", { q });
        replace(
          communeResults,
          list.length
            ? list.map((c) =>
                h(
                  "li",
                  {},
                  h(
                    "button",
                    {
                      type: "button",
                      class: "result",
                      onclick: () => {
                        if (!communes.some((x) => x.code === c.code)) communes.push(c);
                        drawCommunes();
                      },
                    },
                    c.name,
                    h("span", { class: "muted" }, ` ${c.code}`),
                  ),
                ),
              )
            : h("li", { class: "muted" }, t("new.noresult")),
        );
      } catch (e) {
        toast(e.message, "error");
      }
    }, 250),
  );
  const communePane = h(
    "div",
    { class: "pane", hidden: true },
    communeSearch,
    communeResults,
    communeList,
    h(
      "div",
      { class: "row" },
      areaName,
      h("button", {
        type: "button",
        class: "secondary",
        text: t("new.addarea"),
        onclick: () => {
          const n = areaName.value.trim();
          if (!n || !communes.length) return toast(t("new.areaneeds"), "error");
          add({ kind: "communes", name: n, communes: communes.map((c) => c.code) }, `${n} (${t("new.ncommunes", { n: communes.length })})`);
          communes.length = 0;
          areaName.value = "";
          drawCommunes();
        },
      }),
    ),
  );

  const panes = { departement: depPane, epci: epciPane, communes: communePane };
  const kinds = h(
    "div",
    { class: "segmented", role: "radiogroup", "aria-label": t("new.kind") },
    Object.keys(panes).map((k, i) =>
      h(
        "label",
        {},
        h("input", {
          type: "radio",
          name: "kind",
          value: k,
          checked: i === 0,
          onchange: () => {
            for (const [kk, pane] of Object.entries(panes)) pane.hidden = kk !== k;
          },
        }),
        h("span", {}, t(`new.kind.${k}`)),
      ),
    ),
  );

  const form = h(
    "form",
    {
      testid: "new-project-form",
      class: "form",
      onsubmit: async (e) => {
        e.preventDefault();
        replace(message);
        if (!name.value.trim()) return replace(message, notice(t("new.needname"), "error"));
        if (!chosen.length) return replace(message, notice(t("new.needterritory"), "error"));
        try {
          const { id } = await post("projects", { name: name.value.trim(), territories: chosen.map((c) => c.territory) });
          toast(t("new.created"));
          ctx.go(id, "overview");
        } catch (err) {
          replace(message, notice(err.message, "error"));
        }
      },
    },
    h("label", { class: "field" }, h("span", {}, t("new.name")), name),
    h("fieldset", {}, h("legend", {}, t("new.territories")), kinds, depPane, epciPane, communePane, h("p", { class: "label" }, t("new.chosen")), chosenList),
    message,
    h("button", { type: "submit", class: "primary", text: t("new.create") }),
  );
  drawChosen();
  return form;
}
