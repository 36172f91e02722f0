// SPDX-License-Identifier: GPL-3.0-or-later
// Feuilles: upload (drop zone, picker), progress, what each sheet brought, its problems.
import { post, projectPath, upload, waitJob } from "../api.js";
import { h, replace } from "../dom.js";
import { t } from "../i18n.js";
import { num } from "../format.js";
import { loadProject, state, toast } from "../state.js";
import { notice, section } from "../components.js";

const ACCEPTED = /\.(csv|xlsx|ods)$/i;

export async function render(root) {
  const p = state.project;
  const pid = p.id;
  const bar = h("div", { class: "bar-fill" });
  const barText = h("div", { class: "bar-text" });
  const progress = h(
    "div",
    { class: "progress", hidden: true },
    h("div", { class: "bar", role: "progressbar", testid: "progress-bar", "aria-valuemin": "0", "aria-valuemax": "100", "aria-valuenow": "0", "aria-label": t("sheets.progress") }, bar),
    barText,
  );
  const refusedBox = h("div", {});
  const resultBox = h("div", { class: "result-box" });
  let working = false;

  function setProgress(fraction, text) {
    const v = Math.max(0, Math.min(100, Math.round(fraction * 100)));
    progress.hidden = false;
    bar.style.width = `${v}%`;
    bar.parentElement.setAttribute("aria-valuenow", String(v));
    barText.textContent = text;
  }

  function jobProgress(base, span) {
    return (j) => {
      const files = j.files || 1;
      const done = j.state === "done" ? files : j.files_done || 0;
      const text =
        j.state === "done" ? t("sheets.done") : j.file ? t("sheets.reading", { file: j.file, rows: num(j.rows || 0), done: num(done), files: num(files) }) : t("sheets.waiting");
      setProgress(base + span * (done / files), text);
    };
  }

  async function runJob(job, base) {
    const j = await waitJob(job, jobProgress(base, 1 - base));
    showResult(j.result || {});
    await loadProject(pid).catch(() => null);
    drawImport();
  }

  async function send(files) {
    replace(refusedBox);
    const good = [];
    const bad = [];
    for (const f of files) (ACCEPTED.test(f.name) ? good : bad).push(f);
    if (bad.length) replace(refusedBox, notice(t("sheets.refusedtype", { files: bad.map((f) => f.name).join(", ") }), "error"));
    if (!good.length || working) return;
    working = true;
    replace(resultBox);
    const form = new FormData();
    for (const f of good) form.append("sheets", f, f.name);
    try {
      setProgress(0, t("sheets.sending"));
      const { job } = await upload(`${projectPath(pid)}/sheets`, form, (x) => setProgress(x * 0.4, t("sheets.sending")));
      await runJob(job, 0.4);
    } catch (e) {
      progress.hidden = true;
      replace(resultBox, notice(e.message, "error"));
    } finally {
      working = false;
    }
  }

  async function start(path, text) {
    if (working) return;
    working = true;
    replace(resultBox);
    try {
      setProgress(0, text);
      const { job } = await post(path, {});
      await runJob(job, 0);
    } catch (e) {
      progress.hidden = true;
      replace(resultBox, notice(e.message, "error"));
    } finally {
      working = false;
    }
  }

  function showResult(r) {
    const files = r.files || [];
    const problems = r.problems || [];
    const aside = r.set_aside || [];
    replace(
      resultBox,
      h(
        "div",
        { testid: "upload-result", class: "upload-result" },
        r.message
          ? notice(r.message, r.saved === false ? "error" : (r.files || []).some((f) => f.status === "refused") ? "warn" : "ok")
          : null,
        files.length
          ? h(
              "table",
              { class: "data" },
              h("thead", {}, h("tr", {}, [t("col.file"), t("col.status"), t("col.rows"), t("col.setaside")].map((x, i) => h("th", { scope: "col", class: i > 1 ? "num" : "" }, x)))),
              h(
                "tbody",
                {},
                files.map((f) =>
                  h(
                    "tr",
                    {},
                    h("td", { class: "file" }, f.file),
                    h("td", {}, h("span", { class: `badge status-${f.status}` }, t(`status.${f.status}`))),
                    h("td", { class: "num" }, num(f.rows)),
                    h("td", { class: "num" }, num(f.set_aside)),
                  ),
                ),
              ),
            )
          : null,
        problems.length
          ? h(
              "div",
              {},
              h("h3", {}, t("sheets.problems", { n: problems.length })),
              h(
                "ul",
                { class: "problems" },
                problems.map((pb) =>
                  h(
                    "li",
                    { testid: "problem", class: `problem ${pb.severity}` },
                    h("code", { class: "where" }, `${pb.file}:${pb.line}:${pb.column}`),
                    h("span", { class: `badge ${pb.severity === "error" ? "bad" : "warn"}` }, t(`severity.${pb.severity}`)),
                    h("span", { class: "message" }, pb.message),
                    pb.row ? h("pre", { class: "row-text" }, pb.row) : null,
                  ),
                ),
              ),
            )
          : null,
        aside.length
          ? h(
              "div",
              {},
              h("h3", {}, t("sheets.setaside", { n: aside.length })),
              h(
                "table",
                { class: "data" },
                h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("col.where")), h("th", { scope: "col" }, t("col.reason")))),
                h(
                  "tbody",
                  {},
                  aside.map((a) => h("tr", {}, h("td", {}, h("code", {}, `${a.file}:${a.line}`)), h("td", {}, a.reason))),
                ),
              ),
            )
          : null,
        r.can_take_good_rows
          ? h(
              "div",
              { class: "actions" },
              h("p", {}, t("sheets.takegoodexplain")),
              h("button", {
                type: "button",
                class: "primary",
                testid: "take-good-rows",
                text: t("sheets.takegood"),
                onclick: () => start(`${projectPath(pid)}/uploads/${encodeURIComponent(r.upload)}/accept-partial`, t("sheets.taking")),
              }),
            )
          : null,
      ),
    );
  }

  // the drop zone and the picker
  const input = h("input", {
    type: "file",
    multiple: true,
    accept: ".csv,.xlsx,.ods",
    testid: "file-input",
    id: "file-input",
    class: "visually-hidden",
    onchange: () => {
      send([...input.files]);
      input.value = "";
    },
  });
  const zone = h(
    "div",
    {
      class: "drop-zone",
      testid: "drop-zone",
      ondragover: (e) => {
        e.preventDefault();
        zone.classList.add("over");
      },
      ondragenter: (e) => {
        e.preventDefault();
        zone.classList.add("over");
      },
      ondragleave: () => zone.classList.remove("over"),
      ondrop: (e) => {
        e.preventDefault();
        zone.classList.remove("over");
        send([...((e.dataTransfer && e.dataTransfer.files) || [])]);
      },
    },
    h("div", { class: "drop-icon", "aria-hidden": "true" }, "⇪"),
    h("p", {}, t("sheets.drop")),
    h("label", { for: "file-input", class: "button secondary" }, t("sheets.pick")),
    input,
    h("p", { class: "muted small" }, t("sheets.formats")),
  );

  const importBox = h("div", {});
  function drawImport() {
    const proj = state.project;
    if (!proj || !(proj.imported === false || proj.folder_sheets > 0)) return replace(importBox);
    replace(
      importBox,
      section(
        t("sheets.folder"),
        h("p", {}, proj.folder_sheets > 0 ? t("sheets.folderhas", { n: num(proj.folder_sheets) }) : t("sheets.foldernot")),
        h("button", {
          type: "button",
          class: "primary",
          testid: "import-folder",
          text: t("sheets.importfolder"),
          onclick: () => start(`${projectPath(pid)}/import`, t("sheets.importing")),
        }),
      ),
    );
  }
  drawImport();

  replace(root, h("h1", {}, t("tab.sheets")), importBox, section(t("sheets.add"), zone, refusedBox, progress), resultBox);
}
