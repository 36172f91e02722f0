#!/usr/bin/python3
"""The workspace (maillage serve) as a coordinator's browser sees it: Debian's chromium, headless,
driven through the DevTools protocol (python3-websocket, as tests/report/browser_test.py).

For each project (bench/README.md, "The workspace (maillage serve)"):
  1. a projects folder is made in a temporary folder and its sheets imported through the API
     (POST /api/v1/projects/ID/import with the page's token, the job polled) by a first server,
     whose peak resident memory (VmHWM) is the import's;
  2. a second server is started on the imported folder (`maillage serve --port 0`): its VmHWM
     after the runs is what serving the page costs;
  3. page-open time of the territory tab (#/p/ID/territory, the territory chosen through the
     page's localStorage): a fresh load each run (HTTP cache disabled, from about:blank), from
     navigation start until body[data-busy] is back to "0", the sigma graph has its nodes, the
     trend charts are drawn and the map has loaded (map.loaded(), then its 'idle' event after a
     repaint): performance.now() inside the page, and wall clock from the DevTools side. The
     page's API requests are timed by the Resource Timing API (start, first byte, end);
  4. frames per second while panning: the sigma camera animated by camera.animate (four legs of
     a quarter of --pan-seconds each: right, down, left, up, linear), frames counted by sigma's
     "afterRender" event and by requestAnimationFrame; the JavaScript time of each render
     (beforeRender -> afterRender) is kept too. Once per browser, the same pan with labels off,
     with sigma's hideEdgesOnMove, and with both: what the rendering's time goes to;
  5. the API routes the page uses, timed one after the other with urllib (median of --runs):
     project, trend, network, map, invitations, unmobilised.
Each browser configuration runs apart: `swiftshader` (--use-angle=swiftshader
--enable-unsafe-swiftshader, software WebGL) and `default` (no GPU flag at all): the WebGL
renderer string (WEBGL_debug_renderer_info) of each is printed.

Projects: `example`: a copy of datasets/paca (+ a `france` link to datasets/france, which its
manifest names as ../france). `region`: two projects from ../shared/bench/gen_participation.py:
  * `region`: the bench's region file as it is (--scale region --seed 1: 32 territories,
    97,873 rows), one of its territories opened (the one whose last edition has the most
    organisations);
  * `nord64`: one territory with an organisation network of more than 2,000 nodes and 20,000
    ties at one edition. The generator cannot make that: its territories have at most about 80
    organisations each (the LOCAL_TYPES ranges; the number of participants does not change
    it). So its output for 64 territories (--territories 64 --editions 3
    --participants-per-edition 400 --workshop-rounds 2 --seed 1) is written as one territory,
    the département Nord: the territory column says "Nord", and each of the generator's
    (fictitious) commune codes becomes a real commune of Nord, so that the map places every
    organisation. Its 2025 edition at the interconnaissance level: 2,120 organisations, 30,302
    ties.

usage: workspace_bench.py --binary PATH [--runs 5] [--scale example|region|both]
       [--browsers swiftshader,default] [--pan-seconds 3] [--json OUT] [--keep]
The binary and its page files (build/dev/web beside it) are copied aside first, so that a
rebuild during the run changes nothing. Python 3 standard library + python3-websocket.
"""
import argparse
import csv
import json
import os
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

import websocket  # python3-websocket (Debian): run with /usr/bin/python3

REPO = pathlib.Path(__file__).resolve().parent.parent
BROWSERS = {
    "swiftshader": ["--use-angle=swiftshader", "--enable-unsafe-swiftshader"],
    "default": [],
}
BROWSER_ENCODING = "gzip, deflate, br"  # what chromium asks for
NORD64 = ["--territories", "64", "--editions", "3", "--participants-per-edition", "400", "--workshop-rounds", "2",
          "--seed", "1"]


# ---- DevTools ---------------------------------------------------------------------------------

class DevTools:
    def __init__(self, url):
        self.ws = websocket.create_connection(url, timeout=300, suppress_origin=True)
        self.next_id = 0
        self.events = []

    def call(self, method, **params):
        self.next_id += 1
        my_id = self.next_id
        self.ws.send(json.dumps({"id": my_id, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == my_id:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            if "method" in msg and len(self.events) < 10000:
                self.events.append(msg)

    def evaluate(self, expression, await_promise=False):
        r = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=await_promise)
        if "exceptionDetails" in r:
            d = r["exceptionDetails"]
            raise RuntimeError((d.get("exception") or {}).get("description") or d.get("text"))
        return r["result"].get("value")


class Chromium:
    def __init__(self, name, flags):
        self.name = name
        self.profile = tempfile.mkdtemp(prefix="maillage-wbench-chromium-")
        self.proc = subprocess.Popen(
            ["chromium", "--headless=new", "--no-sandbox", "--no-first-run", "--no-default-browser-check",
             "--disable-extensions", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--window-size=1400,1000", "--remote-debugging-port=0",
             f"--user-data-dir={self.profile}", *flags, "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = pathlib.Path(self.profile) / "DevToolsActivePort"
        deadline = time.time() + 60
        while not port_file.exists() or not port_file.read_text().strip():
            if time.time() > deadline or self.proc.poll() is not None:
                raise RuntimeError("chromium did not start (no DevToolsActivePort)")
            time.sleep(0.1)
        port = int(port_file.read_text().split()[0])
        self.version = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/version")).get("Browser", "?")
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list"))
        page = next(t for t in targets if t.get("type") == "page")
        self.dt = DevTools(page["webSocketDebuggerUrl"])
        for domain in ("Page", "Network", "Runtime"):
            self.dt.call(f"{domain}.enable")
        self.dt.call("Network.setCacheDisabled", cacheDisabled=True)
        self.dt.call("Emulation.setDeviceMetricsOverride", width=1400, height=1000, deviceScaleFactor=1, mobile=False)
        self.dt.call("Page.addScriptToEvaluateOnNewDocument", source=WATCHER)

    def features(self):
        """chrome://gpu's feature status: what is composited, rasterised and drawn how."""
        port = int((pathlib.Path(self.profile) / "DevToolsActivePort").read_text().split()[0])
        v = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/version"))
        bw = DevTools(v["webSocketDebuggerUrl"])
        try:
            status = bw.call("SystemInfo.getInfo")["gpu"].get("featureStatus", {})
        finally:
            bw.ws.close()
        return {k: status.get(k) for k in ("gpu_compositing", "rasterization", "2d_canvas", "webgl")}

    def idle_fps(self, seconds=2.0):
        """Frames the page gets with nothing moving (requestAnimationFrame)."""
        return self.dt.evaluate("""(async (ms) => { let n = 0; const t0 = performance.now();
            await new Promise((r) => { const f = () => { n++; if (performance.now() - t0 < ms) requestAnimationFrame(f); else r(); };
                                         requestAnimationFrame(f); });
            return n / ((performance.now() - t0) / 1000); })(%d)""" % int(seconds * 1000), await_promise=True)

    def renderer(self):
        return self.dt.evaluate("""(() => {
            const gl = document.createElement('canvas').getContext('webgl');
            if (!gl) return 'no WebGL';
            const ext = gl.getExtension('WEBGL_debug_renderer_info');
            return ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
        })()""")

    def blank(self):
        self.dt.call("Page.navigate", url="about:blank")
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                if self.dt.evaluate("location.href") == "about:blank":
                    return
            except RuntimeError:
                pass
            time.sleep(0.02)

    def close(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


# Injected before the page's own scripts on every load: watches for "the territory tab is open".
WATCHER = r"""
(() => {
  if (location.protocol !== 'http:') return;
  const B = window.__bench = {ready: null, t: {}, longtask_ms: 0, longtasks: 0, api: [], nav: null};
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) { B.longtask_ms += e.duration; B.longtasks++; } })
      .observe({type: 'longtask', buffered: true});
  } catch (_) {}
  let sawBusy = false, waiting = false;
  const now = () => performance.now();
  const first = (k, c) => { if (B.t[k] === undefined && c) B.t[k] = now(); };
  function finish() {
    if (B.ready !== null) return;
    B.ready = now();
    const nav = performance.getEntriesByType('navigation')[0];
    if (nav) B.nav = {response_end: nav.responseEnd, dom_content_loaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd};
    B.resources = performance.getEntriesByType('resource').map((e) => ({
      url: e.name, start: e.startTime, first_byte: e.responseStart, end: e.responseEnd, bytes: e.encodedBodySize}));
  }
  function check() {
    if (B.ready !== null || waiting) return;
    const T = window.maillageTest || {};
    const busy = document.body ? document.body.dataset.busy : undefined;
    if (busy === '1') { sawBusy = true; first('busy', true); }
    const g = T.graph, m = T.map, charts = !!document.querySelector('.charts svg');
    first('network', g && g.order > 0);
    first('trend', charts);
    first('idle_api', sawBusy && busy === '0');
    if (sawBusy && busy === '0' && g && g.order > 0 && charts && m) {
      // every answer is in and applied: the map's next 'idle' (after a repaint) is "loaded"
      waiting = true;
      m.once('idle', () => { B.t.map = now(); finish(); });
      m.triggerRepaint();
      return;
    }
    requestAnimationFrame(check);
  }
  requestAnimationFrame(check);
  setInterval(() => { if (!waiting && B.ready === null) check(); }, 50);
})();
"""

# The pan: camera.animate, four legs; frames counted by sigma's afterRender and by rAF.
PAN = r"""
(async (seconds, settings) => {
  const s = window.maillageTest.sigma, g = window.maillageTest.graph;
  if (!s) throw new Error('no sigma');
  const box = document.querySelector('[data-testid="network"]');
  if (box) box.scrollIntoView({block: 'center'});
  const saved = {};
  for (const [k, v] of Object.entries(settings)) { saved[k] = s.getSetting(k); s.setSetting(k, v); }
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  await frame(); await frame(); await frame();
  const cam = s.getCamera();
  const home = cam.getState();
  let before = 0, running = true, rafs = 0;
  const renders = [], stamps = [];
  const onB = () => { before = performance.now(); };
  const onA = () => { const t = performance.now(); renders.push(t - before); stamps.push(t); };
  s.on('beforeRender', onB); s.on('afterRender', onA);
  const rafLoop = () => { if (!running) return; rafs++; requestAnimationFrame(rafLoop); };
  requestAnimationFrame(rafLoop);
  const t0 = performance.now();
  const d = 0.25 * home.ratio, leg = seconds * 1000 / 4;
  for (const [dx, dy] of [[d, 0], [0, d], [-d, 0], [0, -d]]) {
    const c = cam.getState();
    await cam.animate({x: c.x + dx, y: c.y + dy}, {duration: leg, easing: 'linear'});
  }
  const t1 = performance.now();
  running = false;
  s.off('beforeRender', onB); s.off('afterRender', onA);
  for (const [k, v] of Object.entries(saved)) s.setSetting(k, v);
  cam.setState(home);
  const gaps = stamps.slice(1).map((t, i) => t - stamps[i]).sort((a, b) => a - b);
  const sorted = renders.slice().sort((a, b) => a - b);
  const q = (a, p) => a.length ? a[Math.min(a.length - 1, Math.floor(p * a.length))] : null;
  return {seconds: (t1 - t0) / 1000, renders: renders.length, fps: renders.length / ((t1 - t0) / 1000),
          raf_fps: rafs / ((t1 - t0) / 1000), render_ms_median: q(sorted, 0.5), render_ms_p95: q(sorted, 0.95),
          gap_ms_p95: q(gaps, 0.95), gap_ms_max: gaps.length ? gaps[gaps.length - 1] : null,
          nodes: g.order, edges: g.size};
})
"""


# ---- the server -------------------------------------------------------------------------------

class Server:
    def __init__(self, binary, folder, log):
        self.log = open(log, "ab")
        self.proc = subprocess.Popen([binary, "serve", "--port", "0", str(folder)], stdout=subprocess.PIPE,
                                     stderr=self.log)
        line = self.proc.stdout.readline().decode("utf-8", "replace")
        m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if not m:
            self.stop()
            raise RuntimeError(f"maillage serve did not start: {line!r} (log: {log})")
        self.base = f"http://127.0.0.1:{m.group(1)}/"
        html = urllib.request.urlopen(self.base).read().decode("utf-8")
        self.token = re.search(r'name="maillage-token" content="([^"]+)"', html).group(1)

    def memory(self):
        out = {}
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith(("VmHWM:", "VmRSS:")):
                    out[line.split(":")[0]] = int(line.split()[1]) / 1024.0  # MiB
        return out

    def get(self, path, encoding=None):
        """(seconds, body): without Accept-Encoding (urllib's), or with the browser's."""
        req = urllib.request.Request(self.base + path, headers={"Accept-Encoding": encoding} if encoding else {})
        t0 = time.perf_counter()
        with urllib.request.urlopen(req, timeout=600) as r:
            body = r.read()
        return time.perf_counter() - t0, body

    def import_project(self, pid):
        req = urllib.request.Request(self.base + f"api/v1/projects/{pid}/import?lang=en", data=b"{}", method="POST",
                                     headers={"X-Maillage-Token": self.token, "Content-Type": "application/json"})
        t0 = time.perf_counter()
        job = json.load(urllib.request.urlopen(req))["job"]
        while True:
            j = json.loads(self.get(f"api/v1/jobs/{job}?lang=en")[1])
            if j["state"] != "running":
                break
            time.sleep(0.2)
        if j["state"] != "done":
            raise RuntimeError(f"import of {pid} failed: {j.get('error')}")
        return time.perf_counter() - t0, j["result"].get("message", "")

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()


# ---- projects ---------------------------------------------------------------------------------

def make_example(root, source):
    shutil.copytree(source / "datasets" / "paca", root / "paca")
    os.symlink(source / "datasets" / "france", root / "france")
    return "paca"


def make_region(root, shared):
    folder = root / "region"
    folder.mkdir()
    subprocess.run([sys.executable, str(shared / "bench" / "gen_participation.py"), "--scale", "region", "--seed", "1",
                    "-o", str(folder / "region.csv")], check=True, stderr=subprocess.DEVNULL)
    (folder / "maillage.toml").write_text(
        'directory = false\n\n[project]\nname = "Bench region file (gen_participation --scale region --seed 1)"\n\n'
        '[[sheets]]\npaths = ["region.csv"]\n', encoding="utf-8")
    return "region"


def make_nord64(root, shared, source):
    folder = root / "nord64"
    folder.mkdir()
    raw = root / "nord64-generated.csv"
    subprocess.run([sys.executable, str(shared / "bench" / "gen_participation.py"), *NORD64, "-o", str(raw)],
                   check=True, stderr=subprocess.DEVNULL)
    with open(source / "datasets" / "france" / "france_communes.csv", encoding="utf-8") as f:
        communes = sorted(r["code_insee"] for r in csv.DictReader(f) if r["code_departement"] == "59")
    with open(raw, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    head = rows[0]
    ti, ci = head.index("territory"), head.index("commune_insee")
    codes = sorted({r[ci] for r in rows[1:]})
    place = {c: communes[(i * 7919) % len(communes)] for i, c in enumerate(codes)}
    with open(folder / "nord.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(head)
        for r in rows[1:]:
            r[ti] = "Nord"
            r[ci] = place[r[ci]]
            w.writerow(r)
    raw.unlink()
    (folder / "maillage.toml").write_text(
        'directory = false\n\n[project]\nname = "Bench: 64 generated territories as one (Nord)"\n\n'
        '[[sheets]]\npaths = ["nord.csv"]\n', encoding="utf-8")
    return "nord64"


# ---- measuring --------------------------------------------------------------------------------

def median(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def route_of(url):
    path = urllib.parse.urlparse(url).path
    if not path.startswith("/api/v1/"):
        return path.lstrip("/") or "index.html"
    if "/territories/" in path:
        return path.rsplit("/", 1)[1]
    return "project" if re.fullmatch(r"/api/v1/projects/[^/]+", path) else path[len("/api/v1/"):]


def open_page(browser, url, timeout=300):
    browser.blank()
    t0 = time.perf_counter()
    browser.dt.call("Page.navigate", url=url)
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            b = browser.dt.evaluate("window.__bench && window.__bench.ready !== null ? window.__bench : null")
        except RuntimeError:
            b = None
        if b:
            b["wall"] = time.perf_counter() - t0
            return b
        time.sleep(0.01)
    raise TimeoutError(f"the territory tab did not open in {timeout} s ({url})")


def pan(browser, seconds, settings=None):
    return browser.dt.evaluate(f"({PAN})({seconds}, {json.dumps(settings or {})})", await_promise=True)


def measure_project(args, binary, root, pid, label, browsers, log):
    out = {"project": pid, "label": label}
    srv = Server(binary, root, log)
    try:
        out["import_s"], out["import_message"] = srv.import_project(pid)
        out["import_hwm_mib"] = srv.memory()["VmHWM"]
    finally:
        srv.stop()
    srv = Server(binary, root, log)
    try:
        out["serve_start_mib"] = srv.memory()["VmRSS"]
        project = json.loads(srv.get(f"api/v1/projects/{urllib.parse.quote(pid)}?lang=en")[1])
        out["counts"] = {k: project.get(k) for k in ("organisations", "people")}
        terrs = [t for t in project["territories"] if t["editions"]]
        terr = max(terrs, key=lambda t: (t["editions"][-1]["organisations"], t["name"]))
        last = max(e["year"] for e in terr["editions"])
        out["territory"], out["edition"] = terr["name"], last
        out["territory_rows"] = sum(e["rows"] for e in terr["editions"])
        out["territory_editions"] = len(terr["editions"])
        url = f"{srv.base}#/p/{urllib.parse.quote(pid)}/territory"
        out["browsers"] = {}
        for bname in browsers:
            b = Chromium(bname, BROWSERS[bname])
            try:
                res = {"renderer": b.renderer(), "features": b.features(), "version": b.version, "opens": [], "pans": []}
                b.dt.call("Page.navigate", url=srv.base + "#/projects")
                time.sleep(0.5)
                b.dt.evaluate(f"localStorage.setItem({json.dumps('maillage.territory.' + pid)}, {json.dumps(terr['name'])}), 1")
                for i in range(args.runs):
                    try:
                        o = open_page(b, url)
                    except (TimeoutError, RuntimeError) as e:
                        res["error"] = str(e)
                        break
                    o.pop("resources_raw", None)
                    o["routes"] = {}
                    for r in o.pop("resources", []):
                        o["routes"].setdefault(route_of(r["url"]), r)
                    res["opens"].append(o)
                    if i == 0:
                        time.sleep(1.0)
                        res["idle_fps"] = b.idle_fps()
                    p = pan(b, args.pan_seconds)
                    res["pans"].append(p)
                    print(f"  {label} [{bname}] run {i + 1}: open {o['ready']:.0f} ms (wall {o['wall'] * 1000:.0f} ms), "
                          f"pan {p['fps']:.1f} frames/s ({p['nodes']} nodes, {p['edges']} ties)", flush=True)
                if res["opens"]:
                    res["diagnostics"] = {}
                    for name, settings in [("labels off", {"renderLabels": False}),
                                           ("hideEdgesOnMove", {"hideEdgesOnMove": True}),
                                           ("both", {"renderLabels": False, "hideEdgesOnMove": True})]:
                        res["diagnostics"][name] = pan(b, args.pan_seconds, settings)
            finally:
                b.close()
            out["browsers"][bname] = res
        out["serve_hwm_pages_mib"] = srv.memory()["VmHWM"]
        # the routes one after the other, warm (the runs above went before)
        base = f"api/v1/projects/{urllib.parse.quote(pid)}"
        tb = f"{base}/territories/{urllib.parse.quote(terr['name'])}"
        routes = [("project", f"{base}?lang=fr"), ("trend", f"{tb}/trend?lang=fr"),
                  ("network", f"{tb}/network?edition={last}&level=interconnaissance&lang=fr"),
                  ("map", f"{tb}/map?indicator=mobilisation&lang=fr"), ("invitations", f"{tb}/invitations?lang=fr"),
                  ("unmobilised", f"{tb}/unmobilised?lang=fr")]
        routes += [("app.js", "app.js"), ("app.css", "app.css")]
        out["api"] = {}
        for name, path in routes:
            times = []
            for _ in range(args.api_runs):
                t, body = srv.get(path)
                times.append(t)
            t_br, body_br = srv.get(path, BROWSER_ENCODING)
            out["api"][name] = {"median_s": median(times), "min_s": min(times), "bytes": len(body),
                                "br_s": t_br, "br_bytes": len(body_br)}
        out["serve_hwm_mib"] = srv.memory()["VmHWM"]
    finally:
        srv.stop()
    return out


# ---- printing ---------------------------------------------------------------------------------

def fmt(x, nd=0, unit=""):
    return "—" if x is None else f"{x:,.{nd}f}{unit}"


def summary(results, args):
    lines = []
    lines.append("")
    lines.append("| project (territory, edition) | browser | page open ms (in page; median) | wall ms | "
                 "API answers in ms | frames/s panning (median) | render ms (median / p95) | drawn nodes / ties |")
    lines.append("|---|---|---:|---:|---:|---:|---:|---:|")
    for r in results:
        for bname, b in r["browsers"].items():
            opens, pans = b["opens"], b["pans"]
            if not opens:
                lines.append(f"| {r['label']} | {bname} | failed: {b.get('error', '?')} | | | | | |")
                continue
            api_end = median([max((x["end"] for k, x in o["routes"].items() if k not in ("index.html", "app.js", "app.css")),
                                  default=None) for o in opens])
            lines.append(f"| {r['label']} ({r['territory']}, {r['edition']}) | {bname} | {fmt(median([o['ready'] for o in opens]))} "
                         f"(min {fmt(min(o['ready'] for o in opens))}) | {fmt(median([o['wall'] * 1000 for o in opens]))} | "
                         f"{fmt(api_end)} | {fmt(median([p['fps'] for p in pans]), 1)} | "
                         f"{fmt(median([p['render_ms_median'] for p in pans]), 1)} / {fmt(median([p['render_ms_p95'] for p in pans]), 1)} | "
                         f"{pans[-1]['nodes']:,} / {pans[-1]['edges']:,} |")
    lines.append("")
    lines.append("Server memory (VmHWM, MiB) and import:")
    lines.append("")
    lines.append("| project | rows of the territory | import s | peak MiB, import | RSS MiB, server started | "
                 "peak MiB, after the page runs | peak MiB, after the API routes (invitations too) |")
    lines.append("|---|---:|---:|---:|---:|---:|---:|")
    for r in results:
        lines.append(f"| {r['label']} | {r['territory_rows']:,} ({r['territory_editions']} editions) | {fmt(r['import_s'], 2)} | "
                     f"{fmt(r['import_hwm_mib'])} | {fmt(r['serve_start_mib'])} | {fmt(r['serve_hwm_pages_mib'])} | {fmt(r['serve_hwm_mib'])} |")
    lines.append("")
    lines.append("The page's timeline (median ms from navigation start; first byte → end of each request):")
    lines.append("")
    for r in results:
        for bname, b in r["browsers"].items():
            opens = b["opens"]
            if not opens:
                continue
            keys = ["index.html", "app.js", "app.css", "project", "trend", "network", "map"]
            parts = []
            for k in keys:
                st = median([o["routes"][k]["start"] for o in opens if k in o["routes"]])
                fb = median([o["routes"][k]["first_byte"] for o in opens if k in o["routes"]])
                en = median([o["routes"][k]["end"] for o in opens if k in o["routes"]])
                if en is not None:
                    parts.append(f"{k} {fmt(st)}→{fmt(fb)}→{fmt(en)}")
            t = {k: median([o["t"].get(k) for o in opens]) for k in ("busy", "trend", "network", "idle_api", "map")}
            lines.append(f"- {r['label']} [{bname}]: " + "; ".join(parts) +
                         f"; trend drawn {fmt(t['trend'])}, network drawn {fmt(t['network'])}, all answers in {fmt(t['idle_api'])}, "
                         f"map idle {fmt(t['map'])}; main-thread long tasks {fmt(median([o['longtask_ms'] for o in opens]))} ms "
                         f"({fmt(median([o['longtasks'] for o in opens]))} tasks); DOMContentLoaded {fmt(median([o['nav']['dom_content_loaded'] for o in opens if o.get('nav')]))}")
    lines.append("")
    lines.append(f"API routes and page files one after the other (urllib, warm, median of {args.api_runs}): seconds without "
                 f"Accept-Encoding / once with the browser's ({BROWSER_ENCODING}), and the size sent (KiB):")
    lines.append("")
    names = ["project", "trend", "network", "map", "invitations", "unmobilised", "app.js", "app.css"]
    lines.append("| project | " + " | ".join(names) + " |")
    lines.append("|---|" + "---:|" * len(names))
    for r in results:
        lines.append(f"| {r['label']} | " + " | ".join(
            f"{r['api'][n]['median_s']:.3f} / {r['api'][n]['br_s']:.3f} ({r['api'][n]['bytes'] / 1024:,.0f} → "
            f"{r['api'][n]['br_bytes'] / 1024:,.0f} KiB)" for n in names) + " |")
    lines.append("")
    lines.append(f"Panning, what the frame's time goes to (one pan of {args.pan_seconds} s each; frames/s, render ms median):")
    lines.append("")
    for r in results:
        for bname, b in r["browsers"].items():
            d = b.get("diagnostics")
            if not d:
                continue
            base = f"nothing moving {fmt(b.get('idle_fps'), 1)}; as shipped {fmt(median([p['fps'] for p in b['pans']]), 1)}"
            lines.append(f"- {r['label']} [{bname}]: {base}; " + "; ".join(
                f"{k} {v['fps']:.1f} ({v['render_ms_median']:.1f} ms)" for k, v in d.items()))
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--binary", required=True, help="maillage built (its page files: web/ beside it)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--scale", choices=["example", "region", "both"], default="both")
    ap.add_argument("--browsers", default="swiftshader,default", help="of: " + ", ".join(BROWSERS))
    ap.add_argument("--pan-seconds", type=float, default=3.0)
    ap.add_argument("--api-runs", type=int, default=3, help="times each API route is asked, one after the other")
    ap.add_argument("--shared", default=str(REPO.parent / "shared"), help="the shared folder (bench/gen_participation.py)")
    ap.add_argument("--json", help="write every measure there")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder (projects, server log)")
    args = ap.parse_args()
    browsers = [b for b in args.browsers.split(",") if b]
    for b in browsers:
        if b not in BROWSERS:
            sys.exit(f"unknown browser configuration {b}")
    if not shutil.which("chromium"):
        sys.exit("chromium not found (scripts/install-deps --tests installs it)")

    work = pathlib.Path(tempfile.mkdtemp(prefix="maillage-wbench-"))
    # the binary and its page files aside: a rebuild during the run changes nothing
    src = pathlib.Path(args.binary).resolve()
    for attempt in range(30):
        try:
            (work / "bin").mkdir(exist_ok=True)
            shutil.copy2(src, work / "bin" / "maillage")
            if (src.parent / "web" / "index.html").exists():
                shutil.copytree(src.parent / "web", work / "bin" / "web", dirs_exist_ok=True)
            break
        except (FileNotFoundError, PermissionError):
            time.sleep(10)  # being rebuilt
    else:
        sys.exit(f"no binary at {src}")
    binary = str(work / "bin" / "maillage")
    commit = subprocess.run(["git", "-C", str(src.parent), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip() or "?"
    version = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip()
    chromium = subprocess.run(["chromium", "--version"], capture_output=True, text=True).stdout.strip()
    load_before = os.getloadavg()
    started = time.strftime("%Y-%m-%d %H:%M", time.gmtime())
    print(f"maillage {version} at commit {commit} ({src}); {chromium}; {os.cpu_count()} cores; "
          f"load average {load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f} (before); {started} UTC", flush=True)

    source = REPO
    shared = pathlib.Path(args.shared)
    results = []
    log = work / "serve.log"
    try:
        plans = []
        if args.scale in ("example", "both"):
            root = work / "example"
            root.mkdir()
            plans.append((root, make_example(root, source), "example (paca)"))
        if args.scale in ("region", "both"):
            root = work / "region"
            root.mkdir()
            plans.append((root, make_region(root, shared), "region file"))
            root = work / "nord64"
            root.mkdir()
            plans.append((root, make_nord64(root, shared, source), "nord64 (2,000+ nodes)"))
        for root, pid, label in plans:
            print(f"{label}: importing through the API, then {args.runs} runs per browser", flush=True)
            r = measure_project(args, binary, root, pid, label, browsers, log)
            results.append(r)
            for bname, b in r["browsers"].items():
                print(f"  [{bname}] WebGL renderer: {b['renderer']}", flush=True)
    finally:
        if args.keep:
            print(f"kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    load_after = os.getloadavg()
    print(summary(results, args))
    print("")
    for r in results:
        for bname, b in r["browsers"].items():
            print(f"[{bname}] WebGL renderer: {b['renderer']}; {', '.join(f'{k} {v}' for k, v in b['features'].items())}")
        break
    print(f"load average {load_after[0]:.2f} {load_after[1]:.2f} {load_after[2]:.2f} (after); "
          f"{time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC")
    if args.json:
        pathlib.Path(args.json).write_text(json.dumps({"commit": commit, "version": version, "chromium": chromium,
                                                       "load_before": load_before, "load_after": load_after,
                                                       "results": results}, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
