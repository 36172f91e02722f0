// SPDX-License-Identifier: GPL-3.0-or-later
// Numbers in the page's language.
import { lang } from "./i18n.js";

const cache = new Map();
function nf(opts) {
  const key = lang() + JSON.stringify(opts);
  if (!cache.has(key)) cache.set(key, new Intl.NumberFormat(lang() === "en" ? "en-GB" : "fr-FR", opts));
  return cache.get(key);
}

export function num(v, digits = 0, fixed = false) {
  if (v === null || v === undefined || Number.isNaN(Number(v))) return "—";
  return nf({ maximumFractionDigits: digits, minimumFractionDigits: fixed ? digits : 0 }).format(Number(v));
}

// 0.402 -> "40 %" (fr) / "40%" (en)
export function pct(v, digits = 0) {
  if (v === null || v === undefined || Number.isNaN(Number(v))) return "—";
  return nf({ style: "percent", maximumFractionDigits: digits }).format(Number(v));
}

export function years(list) {
  return (list || []).join(", ");
}
