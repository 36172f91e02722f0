// SPDX-License-Identifier: GPL-3.0-or-later
// Qui est qui: the identity questions as cards, the answers, the decisions taken and their undo.
import { get, post, projectPath } from "../api.js";
import { h, replace } from "../dom.js";
import { t } from "../i18n.js";
import { num, pct } from "../format.js";
import { setCounts, state, toast } from "../state.js";
import { notice, section } from "../components.js";

export async function render(root) {
  const pid = state.project.id;
  const base = projectPath(pid);
  const cards = h("div", { class: "question-cards" });
  const decisions = h("ul", { class: "decisions" });
  replace(root, h("h1", {}, t("tab.identity")), h("p", { class: "lead" }, t("identity.lead")), cards, section(t("identity.decisions"), decisions));

  async function loadQuestions() {
    const { questions } = await get(`${base}/questions`);
    if (!root.isConnected) return;
    setCounts({ questions: questions.length });
    replace(cards, questions.length ? questions.map(card) : notice(t("identity.noquestion"), "ok"));
  }
  async function loadDecisions() {
    const { decisions: list } = await get(`${base}/decisions`);
    if (!root.isConnected) return;
    replace(
      decisions,
      list.length
        ? list
            .slice()
            .reverse()
            .map((d) =>
              h(
                "li",
                { testid: "decision-item", class: "decision", dataset: { first: d.first, second: d.second } },
                h(
                  "span",
                  { class: "decision-text" },
                  h("strong", {}, d.first),
                  h("span", { class: "verdict" }, ` ${t(`verdict.${d.verdict}`, { year: d.year || "" })} `),
                  h("strong", {}, d.second),
                  h("span", { class: "muted" }, ` — ${t(`about.${d.about || "organisations"}`)}`),
                ),
                h("button", {
                  type: "button",
                  class: "secondary small",
                  testid: "undo",
                  text: t("identity.undo"),
                  onclick: async (e) => {
                    e.currentTarget.disabled = true;
                    try {
                      const answer = await post(`${base}/decisions/undo`, { first: d.first, second: d.second, people: d.about === "people" });
                      setCounts(answer);
                      if (answer.message) toast(answer.message);
                      await Promise.all([loadQuestions(), loadDecisions()]);
                    } catch (err) {
                      toast(err.message, "error");
                      e.currentTarget.disabled = false;
                    }
                  },
                }),
              ),
            )
        : h("li", { class: "muted" }, t("identity.nodecision")),
    );
  }

  function side(name, seenText, c) {
    const rows = [];
    if (c) {
      // api.md names type/commune (text); the server may give types/communes (lists) and the
      // registry as {name, type, commune, siret}: show whichever came.
      const list = (one, many) => (one ? [one] : Array.isArray(many) ? many : []).filter(Boolean).join(" ; ");
      const type = list(c.type, c.types);
      const commune = list(c.commune, c.communes);
      if (type) rows.push([t("card.type"), type]);
      if (commune) rows.push([t("card.commune"), commune]);
      const r = c.registry;
      if (r && typeof r === "object") {
        const bits = [r.name, [r.type, r.commune].filter(Boolean).join(", "), r.siret ? `SIRET ${r.siret}` : ""].filter(Boolean);
        if (bits.length) rows.push([t("card.registry"), bits.map((b) => h("div", {}, b))]);
      } else if (r) rows.push([t("card.registry"), String(r)]);
      if (typeof c.people === "number" && c.people > 0) rows.push([t("card.people"), t("card.peopleval", { n: num(c.people) })]);
    }
    const seen = c && c.seen && c.seen.length ? c.seen.map((x) => t("card.seenline", { territory: x.territory, years: (x.years || []).join(", "), rows: num(x.rows) })) : seenText ? [seenText] : [t("card.notseen")];
    return h(
      "div",
      { class: "side" },
      h("div", { class: "name" }, name),
      h("dl", {}, rows.map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]), h("dt", {}, t("card.seen")), h("dd", {}, seen.map((x) => h("div", {}, x)))),
    );
  }

  function card(q) {
    const year = h("input", { type: "number", min: "1900", max: "2100", step: "1", placeholder: t("identity.year"), "aria-label": t("identity.year"), testid: "renamed-year", class: "year" });
    const msg = h("div", { class: "card-message" });
    const el = h(
      "article",
      { class: "question-card", testid: "question-card", dataset: { first: q.first, second: q.second, about: q.about } },
      h("header", {}, h("span", { class: "badge" }, t(`about.${q.about}`)), h("span", { class: "score", title: t("identity.score") }, pct(q.score))),
      h("div", { class: "sides" }, side(q.first, q.first_seen, q.cards && q.cards[0]), h("div", { class: "vs", "aria-hidden": "true" }, "?"), side(q.second, q.second_seen, q.cards && q.cards[1])),
      h("p", { class: "evidence" }, h("span", { class: "muted" }, `${t("identity.evidence")} `), q.evidence),
      h(
        "div",
        { class: "answers" },
        h("button", { type: "button", class: "primary", testid: "answer-same", text: t(q.about === "people" ? "identity.samePerson" : "identity.same"), onclick: () => answer("same") }),
        h("button", { type: "button", class: "secondary", testid: "answer-different", text: t("identity.different"), onclick: () => answer("different") }),
        q.about === "people"
          ? null
          : h("span", { class: "renamed" }, h("button", { type: "button", class: "secondary", testid: "answer-renamed", text: t("identity.renamed"), onclick: () => answer("renamed") }), year),
      ),
      msg,
    );
    async function answer(verdict) {
      const body = { first: q.first, second: q.second, verdict, people: q.about === "people" };
      if (verdict === "renamed") {
        const y = parseInt(year.value, 10);
        if (!y) {
          year.focus();
          return replace(msg, notice(t("identity.needyear"), "error"));
        }
        body.year = y;
      }
      for (const b of el.querySelectorAll("button")) b.disabled = true;
      try {
        const res = await post(`${base}/decisions`, body);
        setCounts(res);
        el.remove();
        if (res.message) toast(res.message);
        if (!cards.querySelector(".question-card")) replace(cards, notice(t("identity.noquestion"), "ok"));
        loadDecisions().catch((e) => toast(e.message, "error"));
      } catch (e) {
        for (const b of el.querySelectorAll("button")) b.disabled = false;
        replace(msg, notice(e.message, "error"));
      }
    }
    return el;
  }

  await Promise.all([loadQuestions(), loadDecisions()]);
}
