// SPDX-License-Identifier: GPL-3.0-or-later
// À faire ensuite: whom to invite (sortable, filterable, ticked rows to CSV) and who never came.
import { get, postDownload, territoryPath } from "../api.js";
import { h, replace } from "../dom.js";
import { t } from "../i18n.js";
import { num, pct } from "../format.js";
import { currentTerritory, state, toast } from "../state.js";
import { noTerritory, notice, section, table, territorySelect, typeWords } from "../components.js";

function fold(x) {
  return String(x ?? "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

export async function render(root, ctx) {
  const terr = currentTerritory();
  if (!terr) return void replace(root, h("h1", {}, t("tab.next")), noTerritory());
  const base = territoryPath(state.project.id, terr);
  const figures = h("div", { class: "figures" });
  const inviteBox = h("div", {}, h("p", { class: "loading" }, t("app.loading")));
  const unmobBox = h("div", {});
  replace(
    root,
    h("div", { class: "page-head" }, h("h1", {}, t("next.title", { territory: terr })), territorySelect(() => render(root, ctx))),
    figures,
    section(t("next.invite"), h("p", { class: "muted small" }, t("next.invitelead")), inviteBox),
    unmobBox,
  );
  const [inv, unm] = await Promise.allSettled([get(`${base}/invitations`), get(`${base}/unmobilised`)]);
  if (!root.isConnected) return;
  const u = unm.status === "fulfilled" ? (unm.value.territories || [])[0] : null;
  const communeNames = {};
  if (u) for (const r of [...(u.never_seen || [])]) if (r.commune && r.commune_name) communeNames[r.commune] = r.commune_name;
  if (inv.status === "fulfilled") drawInvites(inviteBox, (inv.value.territories || [])[0], base, terr, communeNames);
  else replace(inviteBox, notice(inv.reason.message, "error"));
  if (u) drawUnmobilised(figures, unmobBox, u);
  else if (unm.status === "rejected") replace(unmobBox, notice(unm.reason.message, "error"));
}

function drawInvites(box, data, base, terr, communeNames) {
  const list = (data && data.organisations) || [];
  if (!list.length) return replace(box, notice(t("next.noinvite")));
  const cols = [
    { key: "rank", label: t("col.rank"), num: true, value: (r) => r.rank },
    { key: "organisation", label: t("col.organisation"), value: (r) => r.organisation },
    { key: "type", label: t("col.type"), value: (r) => r.type_label || typeWords(r.type) },
    { key: "commune", label: t("col.commune"), value: (r) => r.commune_name || communeNames[r.commune] || r.commune },
    { key: "epci", label: t("col.epci"), value: (r) => r.epci_name || "" },
    { key: "score", label: t("col.score"), num: true, value: (r) => r.score, show: (r) => num(r.score, 2, true) },
    { key: "reason", label: t("col.reason"), value: (r) => r.reason || "" },
  ];
  const ticked = new Set();
  let sortKey = "rank";
  let sortDir = 1;
  const filter = h("input", { type: "search", placeholder: t("next.filter"), "aria-label": t("next.filter"), testid: "invite-filter" });
  const types = [...new Set(list.map((r) => cols[2].value(r)))].sort((a, b) => a.localeCompare(b));
  const typeSel = h("select", { "aria-label": t("col.type"), testid: "invite-type" }, h("option", { value: "" }, t("next.alltypes")), types.map((x) => h("option", { value: x }, x)));
  const all = h("input", { type: "checkbox", "aria-label": t("next.tickall"), testid: "invite-check-all" });
  const tbody = h("tbody", {});
  const headRow = h("tr", {});
  const counter = h("span", { class: "muted" });
  const download = h("button", { type: "button", class: "primary", testid: "download-invites", text: t("next.download") });

  function visible() {
    const q = fold(filter.value.trim());
    const ty = typeSel.value;
    const rows = list.filter((r) => (!ty || cols[2].value(r) === ty) && (!q || cols.some((c) => fold(c.value(r)).includes(q))));
    const col = cols.find((c) => c.key === sortKey);
    rows.sort((a, b) => {
      const va = col.value(a);
      const vb = col.value(b);
      const d = col.num ? Number(va) - Number(vb) : String(va).localeCompare(String(vb), undefined, { sensitivity: "base" });
      return d * sortDir || a.rank - b.rank;
    });
    return rows;
  }
  function drawHead() {
    replace(
      headRow,
      h("th", { scope: "col", class: "check" }, all),
      cols.map((c) =>
        h(
          "th",
          { scope: "col", class: c.num ? "num" : "", "aria-sort": c.key === sortKey ? (sortDir > 0 ? "ascending" : "descending") : "none" },
          h(
            "button",
            {
              type: "button",
              class: "sort",
              dataset: { key: c.key },
              onclick: () => {
                if (sortKey === c.key) sortDir = -sortDir;
                else {
                  sortKey = c.key;
                  sortDir = 1;
                }
                draw();
              },
            },
            c.label,
            h("span", { class: "arrow", "aria-hidden": "true" }, c.key === sortKey ? (sortDir > 0 ? " ▲" : " ▼") : " ↕"),
          ),
        ),
      ),
    );
  }
  function draw() {
    drawHead();
    const rows = visible();
    replace(
      tbody,
      rows.map((r) => {
        const cb = h("input", {
          type: "checkbox",
          testid: "invite-check",
          checked: ticked.has(r.organisation),
          "aria-label": t("next.tick", { name: r.organisation }),
          onchange: () => {
            if (cb.checked) ticked.add(r.organisation);
            else ticked.delete(r.organisation);
            drawCount();
          },
        });
        return h(
          "tr",
          { testid: "invite-row", dataset: { name: r.organisation, rank: r.rank } },
          h("td", { class: "check" }, cb),
          cols.map((c) => h("td", { class: `${c.num ? "num" : ""} col-${c.key}` }, c.show ? c.show(r) : String(c.value(r) ?? ""))),
        );
      }),
    );
    all.checked = rows.length > 0 && rows.every((r) => ticked.has(r.organisation));
    drawCount();
  }
  function drawCount() {
    counter.textContent = t("next.ticked", { n: num(ticked.size), total: num(list.length) });
    download.disabled = ticked.size === 0;
  }
  all.addEventListener("change", () => {
    for (const r of visible()) all.checked ? ticked.add(r.organisation) : ticked.delete(r.organisation);
    draw();
  });
  filter.addEventListener("input", draw);
  typeSel.addEventListener("change", draw);
  download.addEventListener("click", async () => {
    if (!ticked.size) return;
    download.disabled = true;
    try {
      const names = list.filter((r) => ticked.has(r.organisation)).map((r) => r.organisation);
      await postDownload(`${base}/invitations.csv`, { organisations: names }, `invitations-${terr}.csv`);
    } catch (e) {
      toast(e.message, "error");
    } finally {
      download.disabled = ticked.size === 0;
    }
  });
  draw();
  replace(
    box,
    h("div", { class: "controls" }, filter, typeSel, h("span", { class: "grow" }), counter, download),
    h("div", { class: "table-wrap" }, h("table", { class: "data invites", testid: "invite-table" }, h("thead", {}, headRow), tbody)),
  );
}

function drawUnmobilised(figures, box, u) {
  const f = u.figures || {};
  const fig = (value, label) => h("div", { class: "figure" }, h("div", { class: "figure-value" }, value), h("div", { class: "figure-label" }, label));
  replace(
    figures,
    fig(pct(f.mobilisation_rate), t("next.rate")),
    fig(num(f.never_seen), t("next.neverseen")),
    fig(num(f.types_never_mobilised), t("next.typesnever")),
    fig(num(f.lapsed_organisations), t("next.lapsed")),
  );
  if (typeof f.population === "number")
    figures.appendChild(h("p", { class: "muted small figures-note" }, t("next.ratehelp", { covered: num(f.population_covered), population: num(f.population) })));
  const never = u.never_seen || [];
  const types = u.types_never_mobilised || [];
  const lapsed = u.lapsed_organisations || [];
  replace(
    box,
    h(
      "details",
      { class: "card" },
      h("summary", {}, t("next.neverseentitle", { n: num(never.length) })),
      never.length
        ? h(
            "div",
            { class: "table-wrap" },
            table(
              [
                { label: t("col.organisation"), cell: (r) => r.organisation },
                { label: t("col.type"), cell: (r) => r.type_label || typeWords(r.type) },
                { label: t("col.commune"), cell: (r) => r.commune_name || r.commune || "" },
                { label: t("col.epci"), cell: (r) => r.epci_name || "" },
                { label: t("col.elsewhere"), cell: (r) => (r.came_elsewhere ? t("yes") : t("no")) },
              ],
              never,
              { testid: "never-seen-table" },
            ),
          )
        : notice(t("next.none")),
    ),
    section(
      t("next.typesnevertitle", { n: num(types.length) }),
      types.length
        ? table(
            [
              { label: t("col.type"), cell: (r) => r.type_label || typeWords(r.type) },
              { label: t("col.knownhere"), class: "num", cell: (r) => num(r.known_here) },
              { label: t("col.territorieselsewhere"), class: "num", cell: (r) => num(r.territories_elsewhere) },
              { label: t("col.orgselsewhere"), class: "num", cell: (r) => num(r.organisations_elsewhere) },
              { label: t("col.peopleelsewhere"), class: "num", cell: (r) => num(r.people_elsewhere) },
            ],
            types,
            { testid: "types-table" },
          )
        : notice(t("next.none")),
    ),
    section(
      t("next.lapsedtitle", { n: num(lapsed.length) }),
      lapsed.length
        ? table(
            [
              { label: t("col.organisation"), cell: (r) => r.organisation },
              { label: t("col.type"), cell: (r) => r.type_label || typeWords(r.type) },
              { label: t("col.first"), class: "num", cell: (r) => String(r.first_year ?? "") },
              { label: t("col.last"), class: "num", cell: (r) => String(r.last_year ?? "") },
              { label: t("col.editions"), class: "num", cell: (r) => num(r.editions) },
              { label: t("col.people"), class: "num", cell: (r) => num(r.people) },
              { label: t("col.broker"), cell: (r) => (r.broker ? t("next.broker") : "") },
            ],
            lapsed,
            { testid: "lapsed-table" },
          )
        : notice(t("next.none")),
    ),
  );
}
