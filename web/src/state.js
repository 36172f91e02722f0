// SPDX-License-Identifier: GPL-3.0-or-later
// What the pages share: the open project, its counts, the chosen territory, messages.
import { get, projectPath } from "./api.js";
import { h } from "./dom.js";

export const state = {
  projectId: null,
  project: null,
  counts: { organisations: null, people: null, questions: null },
  listeners: new Set(),
};

export function onChange(fn) {
  state.listeners.add(fn);
  return () => state.listeners.delete(fn);
}

function emit() {
  for (const fn of state.listeners) fn(state);
}

export async function loadProject(id) {
  const p = await get(projectPath(id));
  state.projectId = id;
  state.project = p;
  // organisations/people: project totals when the server gives them (not in api.md v1 yet)
  state.counts = {
    organisations: p.organisations ?? state.counts.organisations ?? null,
    people: p.people ?? state.counts.people ?? null,
    questions: p.questions ?? null,
  };
  try {
    localStorage.setItem("maillage.project", id);
  } catch (_) {
    /* private mode */
  }
  emit();
  return p;
}

export function setCounts(answer) {
  for (const k of ["organisations", "people", "questions"]) if (typeof answer[k] === "number") state.counts[k] = answer[k];
  if (state.project && typeof answer.questions === "number") state.project.questions = answer.questions;
  emit();
}

export function territories() {
  return (state.project && state.project.territories) || [];
}

export function currentTerritory() {
  const list = territories();
  let name = null;
  try {
    name = localStorage.getItem(`maillage.territory.${state.projectId}`);
  } catch (_) {
    /* private mode */
  }
  const found = list.find((x) => x.name === name);
  return found ? found.name : list.length ? list[0].name : null;
}

export function setTerritory(name) {
  try {
    localStorage.setItem(`maillage.territory.${state.projectId}`, name);
  } catch (_) {
    /* private mode */
  }
}

export function editionsOf(name) {
  const terr = territories().find((x) => x.name === name);
  return terr ? terr.editions.map((e) => Number(e.year)).sort((a, b) => a - b) : [];
}

// Messages at the top right: text only.
export function toast(message, kind = "info") {
  let box = document.getElementById("toasts");
  if (!box) {
    box = h("div", { id: "toasts", class: "toasts", "aria-live": "polite" });
    document.body.appendChild(box);
  }
  const el = h("div", { class: `toast toast-${kind}`, role: kind === "error" ? "alert" : "status" }, message);
  box.appendChild(el);
  setTimeout(() => el.remove(), kind === "error" ? 8000 : 4000);
}
