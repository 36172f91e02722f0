// SPDX-License-Identifier: GPL-3.0-or-later
// The JSON API (docs/api.md): ?lang on every call, the token on every POST, body[data-busy].
import { lang, t } from "./i18n.js";

let inFlight = 0;
function busy(delta) {
  inFlight += delta;
  document.body.dataset.busy = inFlight > 0 ? "1" : "0";
}

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export function token() {
  const m = document.querySelector('meta[name="maillage-token"]');
  return m ? m.getAttribute("content") : "";
}

const enc = encodeURIComponent;
export const projectPath = (id) => `projects/${enc(id)}`;
export const territoryPath = (id, terr) => `projects/${enc(id)}/territories/${terr === "*" ? "*" : enc(terr)}`;

export function apiUrl(path, params = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") q.set(k, v);
  q.set("lang", lang());
  return `/api/v1/${path}?${q}`;
}

async function errorOf(res) {
  let msg = "";
  try {
    const body = await res.json();
    msg = body && body.error;
  } catch (_) {
    /* not JSON */
  }
  return new ApiError(res.status, msg || t("error.http", { status: res.status }));
}

async function call(method, path, params, body) {
  busy(1);
  try {
    const opts = { method, headers: { Accept: "application/json" }, credentials: "same-origin" };
    if (method !== "GET") {
      opts.headers["X-Maillage-Token"] = token();
      opts.headers["Content-Type"] = "application/json";
      opts.body = JSON.stringify(body || {});
    }
    let res;
    try {
      res = await fetch(apiUrl(path, params), opts);
    } catch (e) {
      throw new ApiError(0, t("error.network"));
    }
    if (!res.ok) throw await errorOf(res);
    return res;
  } finally {
    busy(-1);
  }
}

// Answers asked for ahead of the page that needs them (a tab opened by its address: its routes
// start with the project's overview instead of after it). Each is taken once, or dropped.
const early = new Map();
export function prefetch(path, params) {
  const url = apiUrl(path, params);
  if (early.has(url)) return;
  busy(1);
  const answer = fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" }).finally(() => busy(-1));
  answer.catch(() => {});
  early.set(url, answer);
  setTimeout(() => early.delete(url), 10000);
}

export async function get(path, params) {
  const url = apiUrl(path, params);
  const ahead = early.get(url);
  if (ahead) {
    early.delete(url);
    try {
      const res = await ahead;
      if (res.ok) {
        busy(1);
        try {
          return await res.json();
        } finally {
          busy(-1);
        }
      }
    } catch (_) {
      /* asked again below, with the usual errors */
    }
  }
  const res = await call("GET", path, params);
  busy(1);
  try {
    return await res.json();
  } finally {
    busy(-1);
  }
}

export async function post(path, body, params) {
  const res = await call("POST", path, params, body);
  busy(1);
  try {
    return await res.json();
  } finally {
    busy(-1);
  }
}

function filenameOf(res, fallback) {
  const cd = res.headers.get("Content-Disposition") || "";
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(cd);
  return plain ? plain[1] : fallback;
}

// POST, then hand the answer to the browser as a download.
export async function postDownload(path, body, fallbackName) {
  const res = await call("POST", path, {}, body);
  busy(1);
  try {
    const blob = await res.blob();
    saveBlob(blob, filenameOf(res, fallbackName));
  } finally {
    busy(-1);
  }
}

export function saveBlob(blob, name) {
  const href = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = href;
  a.download = name;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  setTimeout(() => {
    URL.revokeObjectURL(href);
    a.remove();
  }, 1000);
}

// Multipart upload with upload progress (fetch has none): resolves to the JSON answer.
export function upload(path, form, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", apiUrl(path));
    xhr.setRequestHeader("X-Maillage-Token", token());
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      busy(-1);
      let body = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch (_) {
        /* not JSON */
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else reject(new ApiError(xhr.status, (body && body.error) || t("error.http", { status: xhr.status })));
    };
    xhr.onerror = () => {
      busy(-1);
      reject(new ApiError(0, t("error.network")));
    };
    busy(1);
    xhr.send(form);
  });
}

// Polls a job every 300 ms until it is done or failed.
// The page counts as busy until the job ends (tests wait on body[data-busy="0"]).
export async function waitJob(job, onProgress) {
  busy(1);
  try {
    for (;;) {
      const j = await get(`jobs/${enc(job)}`);
      onProgress(j);
      if (j.state === "done") return j;
      if (j.state === "failed") throw new ApiError(500, j.error || t("error.job"));
      await new Promise((r) => setTimeout(r, 300));
    }
  } finally {
    busy(-1);
  }
}
