#!/usr/bin/python3
"""The workspace (`maillage serve`) as a coordinator uses it, in a real browser: Debian's
chromium, headless, WebGL in software (SwiftShader), driven through the DevTools protocol
(python3-websocket). One scenario, ten steps, on a fresh projects folder:

   1 project list -> open paca           6 click a node -> node card
   2 import the folder's sheets          7 map: indicator, ties, drawn, click a point -> card
   3 upload a hand-made sheet            8 next: tick two invitations -> CSV download
   4 who is who: answer, check, undo     9 share: funder report, GEXF export
   5 territory network vs `metrics`     10 English

FAILS on any console message of level error, any uncaught exception, any request to a host
other than the server's, any JavaScript dialog (an alert from an injected script), and on a
check of a step that does not hold. The only error allowed is the "Failed to load resource"
of the 415 that step 3 provokes on purpose, for that URL, in that step. Each step leaves a
screenshot NN-step.png in --out and prints its time. A missing chromium or websocket module
is a failure, not a skip.

usage: browser_test.py --binary PATH --source SRC_DIR --out DIR [--chromium PATH] [--provoke]
(--provoke: the last step also logs an error, opens an alert and fetches from another host,
which must fail the run: a check of the checks)
"""
import argparse
import base64
import csv
import io
import json
import os
import pathlib
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

import websocket  # python3-websocket: a missing module fails the test

HERE = pathlib.Path(__file__).resolve().parent
# An edge must stand out from what is under it (WCAG asks 3:1 of graphics; thin, many, light
# edges are a choice, but below this they are not seen at all).
EDGE_CONTRAST = 1.5
MAP_BACKGROUND = (0xee, 0xf2, 0xf5)
SHEET = HERE / "data" / "browser" / "var-2026-emargements.csv"
XSS = "<img src=x onerror=alert(1)>"
WIDTH, HEIGHT = 1400, 1000


def css(text):
    """A CSS string: JSON's quoting, but characters as themselves (CSS has no \\u escape)."""
    return json.dumps(text, ensure_ascii=False)


class StepFailed(Exception):
    pass


# ---- the DevTools connection -------------------------------------------------------------------

class DevTools:
    """One websocket to a target. Every event is kept with the step it came in; a JavaScript
    dialog is dismissed at once (and kept, to fail the step); workers are attached (flat
    sessions) so that their requests are seen too."""

    def __init__(self, url, name="page"):
        self.ws = websocket.create_connection(url, timeout=60, suppress_origin=True, enable_multithread=False)
        self.name = name
        self.next_id = 0
        self.events = []  # (step, message)
        self.step = "start"

    def send(self, method, session=None, **params):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params}
        if session:
            msg["sessionId"] = session
        self.ws.send(json.dumps(msg))
        return self.next_id

    def _event(self, msg):
        self.events.append((self.step, msg))
        m = msg["method"]
        if m == "Page.javascriptDialogOpening":
            self.send("Page.handleJavaScriptDialog", session=msg.get("sessionId"), accept=False)
        elif m == "Target.attachedToTarget":
            sid = msg["params"]["sessionId"]
            for dom in ("Network.enable", "Runtime.enable", "Log.enable"):
                self.send(dom, session=sid)
            self.send("Target.setAutoAttach", session=sid, autoAttach=True, waitForDebuggerOnStart=True, flatten=True)
            self.send("Runtime.runIfWaitingForDebugger", session=sid)

    def call(self, method, timeout=60, **params):
        my_id = self.send(method, **params)
        deadline = time.time() + timeout
        while True:
            self.ws.settimeout(max(0.1, deadline - time.time()))
            try:
                msg = json.loads(self.ws.recv())
            except websocket.WebSocketTimeoutException:
                raise TimeoutError(f"{method}: no answer in {timeout} s")
            finally:
                self.ws.settimeout(60)
            if msg.get("id") == my_id:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            if "method" in msg:
                self._event(msg)

    def drain(self, seconds):
        deadline = time.time() + seconds
        try:
            while True:
                left = deadline - time.time()
                if left <= 0:
                    break
                self.ws.settimeout(left)
                msg = json.loads(self.ws.recv())
                if "method" in msg:
                    self._event(msg)
        except websocket.WebSocketTimeoutException:
            pass
        finally:
            self.ws.settimeout(60)

    def wait_event(self, method, timeout=60, since=0):
        deadline = time.time() + timeout
        while True:
            for _, e in self.events[since:]:
                if e["method"] == method:
                    return e
            if time.time() > deadline:
                raise TimeoutError(method)
            self.drain(0.1)

    # -- page helpers
    def js(self, expression, timeout=60):
        """The value of an expression (awaited when it is a promise); a JS error raises."""
        r = self.call("Runtime.evaluate", timeout=timeout, expression=expression, returnByValue=True,
                      awaitPromise=True, userGesture=True)
        if "exceptionDetails" in r:
            d = r["exceptionDetails"]
            text = d.get("exception", {}).get("description") or d.get("text")
            raise StepFailed(f"script failed: {text}\n  in: {expression[:200]}")
        return r["result"].get("value")

    def wait_js(self, expression, timeout=30, what=None):
        deadline = time.time() + timeout
        last = None
        wrapped = f"(() => {{ const v = ({expression}); return v instanceof Node ? true : v; }})()"
        while time.time() < deadline:
            try:
                last = self.js(wrapped)
            except StepFailed as e:  # not there yet (a page being replaced)
                last = e
            if last and not isinstance(last, StepFailed):
                return last
            self.drain(0.1)
        why = f" (last: {last})" if isinstance(last, StepFailed) else ""
        raise StepFailed(f"timed out ({timeout} s) waiting for {what or expression}{why}")

    def idle(self, timeout=60, quiet=0.5):
        """body[data-busy] = "0" for `quiet` seconds running (debounced reloads start late)."""
        deadline = time.time() + timeout
        since = None
        while time.time() < deadline:
            busy = self.js("document.body.dataset.busy")
            now = time.time()
            if busy == "0":
                since = since or now
                if now - since >= quiet:
                    return
            else:
                since = None
            self.drain(0.1)
        raise StepFailed(f"the page stayed busy for {timeout} s")

    def frames(self, n=3):
        """n animation frames: what was changed is drawn (WebGL canvases included)."""
        self.js(f"new Promise(r => {{ let k = {n}; const f = () => --k ? requestAnimationFrame(f) : r(1); requestAnimationFrame(f); }})")

    def rect(self, selector, scroll=True, block="center"):
        """The element's box in viewport CSS pixels, scrolled into the view first (its middle)."""
        r = self.js(f"""(() => {{
            const el = document.querySelector({json.dumps(selector)});
            if (!el) return null;
            {f"el.scrollIntoView({{block: '{block}', inline: 'nearest'}});" if scroll else ""}
            const b = el.getBoundingClientRect();
            return {{x: b.left, y: b.top, w: b.width, h: b.height}};
        }})()""")
        if not r:
            raise StepFailed(f"no element {selector}")
        return r

    def mouse_click(self, x, y):
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            extra = {} if kind == "mouseMoved" else {"button": "left", "clickCount": 1}
            self.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, **extra)
            if kind == "mouseMoved":
                self.drain(0.05)

    def click(self, selector):
        """A real click in the middle of the element; fails when something covers it there."""
        r = self.rect(selector)
        if r["w"] <= 0 or r["h"] <= 0:
            raise StepFailed(f"{selector} is not visible (zero size)")
        x, y = r["x"] + r["w"] / 2, r["y"] + r["h"] / 2
        covered = self.js(f"""(() => {{
            const el = document.querySelector({json.dumps(selector)});
            const at = document.elementFromPoint({x}, {y});
            return at && (el === at || el.contains(at) || (el.labels && [...el.labels].some(l => l.contains(at)))) ? null : (at ? at.outerHTML.slice(0, 160) : 'nothing');
        }})()""")
        if covered:
            raise StepFailed(f"cannot click {selector}: covered by {covered}")
        self.mouse_click(x, y)

    def set_value(self, selector, value):
        """A form control set as a user would: value, then input and change events."""
        ok = self.js(f"""(() => {{
            const el = document.querySelector({json.dumps(selector)});
            if (!el) return false;
            el.value = {json.dumps(str(value))};
            el.dispatchEvent(new Event('input', {{bubbles: true}}));
            el.dispatchEvent(new Event('change', {{bubbles: true}}));
            return el.value;
        }})()""")
        if ok != str(value):
            raise StepFailed(f"{selector} did not take the value {value!r} (it has {ok!r})")

    def text(self, selector):
        return self.js(f"(() => {{ const e = document.querySelector({json.dumps(selector)}); return e ? e.textContent : null; }})()")

    def screenshot(self):
        return base64.b64decode(self.screenshot64())

    def screenshot64(self):
        return self.call("Page.captureScreenshot", format="png")["data"]

    def pixels(self, shot, rect, other=None, background=None, tolerance=24, margin=2):
        """What the browser reads in a screenshot's box (base64 PNG): its colours, its share unlike
        `background`; with `other`, how many pixels differ and their commonest colours in each."""
        frame = self.call("Page.getFrameTree")["frameTree"]["frame"]["id"]
        world = self.call("Page.createIsolatedWorld", frameId=frame, worldName="maillage-test-pixels")["executionContextId"]
        box = {"x": int(rect["x"]) + margin, "y": int(rect["y"]) + margin,
               "w": max(1, int(rect["w"]) - 2 * margin), "h": max(1, int(rect["h"]) - 2 * margin)}
        r = self.call("Runtime.callFunctionOn", functionDeclaration=PIXELS_JS, executionContextId=world,
                      arguments=[{"value": shot}, {"value": other}, {"value": box}, {"value": list(background) if background else None},
                                 {"value": tolerance}], awaitPromise=True, returnByValue=True)
        if "exceptionDetails" in r:
            raise StepFailed(f"reading the screenshot: {r['exceptionDetails'].get('exception', {}).get('description')}")
        return r["result"]["value"]


# ---- pixels ---------------------------------------------------------------------------------------
# Screenshots are read back by the browser itself (createImageBitmap on the PNG's bytes, no
# request), in a world of its own that the page cannot see: fast, and nothing of the page's.

PIXELS_JS = """async function (a, b, r, bg, tol) {
  async function load(b64) {
    const bin = atob(b64), u = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) u[i] = bin.charCodeAt(i);
    const bmp = await createImageBitmap(new Blob([u], {type: 'image/png'}));
    const c = new OffscreenCanvas(bmp.width, bmp.height), g = c.getContext('2d');
    g.drawImage(bmp, 0, 0);
    return g.getImageData(r.x, r.y, r.w, r.h).data;
  }
  const top = (m) => [...m.entries()].sort((x, y) => y[1] - x[1]).slice(0, 6).map(([k, n]) => [k >> 16 & 255, k >> 8 & 255, k & 255, n]);
  const key = (d, i) => (d[i] << 16) | (d[i + 1] << 8) | d[i + 2];
  const far = (d, i, e, j, t) => Math.max(Math.abs(d[i] - e[j]), Math.abs(d[i + 1] - e[j + 1]), Math.abs(d[i + 2] - e[j + 2])) > t;
  const A = await load(a), B = b ? await load(b) : null, area = A.length / 4;
  const out = {area, diff: 0, unlike: 0, colours: 0, top: [], under: []};
  const ma = new Map(), mb = new Map(), buckets = new Set(), bgc = bg ? new Uint8ClampedArray(bg) : null;
  for (let i = 0; i < A.length; i += 4) {
    buckets.add(((A[i] / 24) | 0) * 1e6 + ((A[i + 1] / 24) | 0) * 1e3 + ((A[i + 2] / 24) | 0));
    if (bgc && far(A, i, bgc, 0, 12)) out.unlike++;
    if (B ? far(A, i, B, i, tol) : true) {
      if (B) out.diff++;
      ma.set(key(A, i), (ma.get(key(A, i)) || 0) + 1);
      if (B) mb.set(key(B, i), (mb.get(key(B, i)) || 0) + 1);
    }
  }
  out.colours = buckets.size; out.top = top(ma); out.under = top(mb);
  return out;
}"""


def luminance(rgb):
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(x) for x in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


# ---- the scenario -----------------------------------------------------------------------------------

class Scenario:
    def __init__(self, args):
        self.args = args
        self.out = pathlib.Path(args.out).resolve()
        self.binary = pathlib.Path(args.binary).resolve()
        self.source = pathlib.Path(args.source).resolve()
        self.results = []  # (nn, name, ok, seconds, notes)
        self.findings = []  # what the run saw that is worth a report without failing a step
        self.procs = []
        self.profile = None
        self.dt = None
        self.browser = None

    # -- infrastructure
    def wait_binary(self):
        deadline = time.time() + 180
        while not (self.binary.is_file() and os.access(self.binary, os.X_OK)):
            if time.time() > deadline:
                sys.exit(f"FAIL: no binary at {self.binary}")
            time.sleep(2)  # being rebuilt

    def run_binary(self, *argv):
        for attempt in range(3):
            self.wait_binary()
            p = subprocess.run([str(self.binary), *argv], capture_output=True, text=True, timeout=300)
            if p.returncode in (0, 1) or attempt == 2:
                return p
            time.sleep(5)
        return p

    def setup_projects(self):
        marker = self.out / ".maillage-browser-test"
        if self.out.exists() and any(self.out.iterdir()) and not marker.exists():
            raise SystemExit(f"FAIL: {self.out} is not empty and not a previous run's: give another --out")
        if self.out.exists():
            shutil.rmtree(self.out)
        self.out.mkdir(parents=True)
        marker.write_text("made by tests/workspace/browser_test.py; emptied at each run\n")
        self.projects = self.out / "projects"
        self.projects.mkdir()
        shutil.copytree(self.source / "datasets" / "paca", self.projects / "paca")
        (self.projects / "france").symlink_to(self.source / "datasets" / "france")
        self.downloads = self.out / "downloads"
        self.downloads.mkdir()
        self.work = self.out / "files"
        self.work.mkdir()

    def start_server(self):
        self.wait_binary()
        log = open(self.out / "serve.err", "w")
        proc = subprocess.Popen([str(self.binary), "serve", str(self.projects), "--port", "0"],
                                stdout=subprocess.PIPE, stderr=log, start_new_session=True)
        self.procs.append(proc)
        ready, _, _ = select.select([proc.stdout], [], [], 60)
        line = proc.stdout.readline().decode("utf-8", "replace") if ready else ""
        m = re.search(r"https?://(127\.0\.0\.1):(\d+)/", line)
        if not m:
            raise SystemExit(f"FAIL: maillage serve said {line!r}, no address (see {self.out / 'serve.err'})")
        self.base = m.group(0)
        self.host = f"{m.group(1)}:{m.group(2)}"
        print(f"server: {self.base} (pid {proc.pid})")

    def start_chromium(self):
        chromium = self.args.chromium
        if not shutil.which(chromium) and not os.path.exists(chromium):
            raise SystemExit(f"FAIL: chromium not found ({chromium}); scripts/install-deps --tests installs it")
        self.profile = tempfile.mkdtemp(prefix="maillage-workspace-chromium-")
        proc = subprocess.Popen(
            [chromium, "--headless=new", "--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
             "--ignore-gpu-blocklist", f"--window-size={WIDTH},{HEIGHT}", "--no-first-run", "--no-default-browser-check",
             "--disable-extensions", "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--disable-default-apps", "--disable-features=Translate,MediaRouter,OptimizationHints",
             "--metrics-recording-only", "--remote-debugging-port=0", f"--user-data-dir={self.profile}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=open(self.out / "chromium.err", "w"), start_new_session=True)
        self.procs.append(proc)
        port_file = pathlib.Path(self.profile) / "DevToolsActivePort"
        deadline = time.time() + 60
        while not port_file.exists() or len(port_file.read_text().split()) < 2:
            if time.time() > deadline or proc.poll() is not None:
                raise SystemExit("FAIL: chromium did not start (no DevToolsActivePort)")
            time.sleep(0.1)
        port, browser_path = port_file.read_text().split()[:2]
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list"))
        page = next(t for t in targets if t.get("type") == "page")
        self.browser = DevTools(f"ws://127.0.0.1:{port}{browser_path}", "browser")
        self.browser.call("Browser.setDownloadBehavior", behavior="allow", downloadPath=str(self.downloads), eventsEnabled=True)
        dt = self.dt = DevTools(page["webSocketDebuggerUrl"])
        for domain in ("Page", "Network", "Runtime", "Log", "DOM"):
            dt.call(f"{domain}.enable")
        # the page's viewport is 1400x1000 exactly (--window-size counts the window's own bars)
        dt.call("Emulation.setDeviceMetricsOverride", width=WIDTH, height=HEIGHT, deviceScaleFactor=1, mobile=False)
        dt.call("Target.setAutoAttach", autoAttach=True, waitForDebuggerOnStart=True, flatten=True)
        print(f"chromium: {self.browser.call('Browser.getVersion').get('product')}")

    def stop(self):
        for c in (self.dt, self.browser):
            try:
                if c:
                    c.ws.close()
            except Exception:
                pass
        for p in reversed(self.procs):
            if p.poll() is None:
                try:
                    os.killpg(p.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
                try:
                    p.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    os.killpg(p.pid, signal.SIGKILL)
                    p.wait()
        if self.profile:
            shutil.rmtree(self.profile, ignore_errors=True)

    # -- the API, as a script sees it (the reference the page must agree with)
    def api(self, path, **params):
        params.setdefault("lang", "fr")
        url = f"{self.base}api/v1/{path}?{urllib.parse.urlencode(params)}"
        with urllib.request.urlopen(url, timeout=120) as r:
            return json.load(r)

    def project(self):
        return self.api("projects/paca")

    def network(self, territory, edition, level="interconnaissance"):
        return self.api(f"projects/paca/territories/{urllib.parse.quote(territory)}/network", edition=edition, level=level)

    def metrics(self, territory, edition, level=None):
        argv = ["metrics", str(self.projects / "paca" / "maillage.gpkg"), "--territory", territory, "--edition", str(edition),
                "--scope", "organisations", "--format", "json"]
        if level:
            argv += ["--level", level]
        p = self.run_binary(*argv)
        if p.returncode > 1:
            raise StepFailed(f"maillage {' '.join(argv)}: {p.stderr.strip()}")
        return json.loads(p.stdout)["figures"]

    # -- steps
    def step(self, nn, name, fn, allowed=()):
        """Runs one step: its checks, then the console/exception/request/dialog watch of its events,
        then its screenshot NN-name.png. `allowed`: (url, text-prefix) of log errors it provokes."""
        dt = self.dt
        dt.step = name
        self.notes = []
        self.failures = []
        t0 = time.time()
        try:
            fn()
        except StepFailed as e:
            self.failures.append(str(e))
        except Exception as e:  # a broken test is a failed step too, with where it broke
            self.failures.append(f"{type(e).__name__}: {e}\n{traceback.format_exc(limit=4)}")
        try:
            dt.drain(0.3)
            self.shot(f"{nn:02d}-{name}")
        except Exception as e:
            self.failures.append(f"screenshot: {e}")
        self.failures += self.watch(name, allowed)
        seconds = time.time() - t0
        ok = not self.failures
        self.results.append((nn, name, ok, seconds, list(self.notes), list(self.failures)))
        print(f"[{nn:02d}] {name}: {'ok' if ok else 'FAIL'} ({seconds:.1f} s)")
        for n in self.notes:
            print(f"      {n}")
        for f in self.failures:
            print(f"      FAIL: {f}")
        return ok

    def shot(self, stem):
        path = self.out / f"{stem}.png"
        path.write_bytes(self.dt.screenshot())
        return path

    def expect(self, cond, message):
        if not cond:
            self.failures.append(message)
        return cond

    def note(self, message):
        self.notes.append(message)

    def watch(self, step, allowed):
        """What no step may do: console errors, exceptions, requests elsewhere, dialogs."""
        bad = []
        own = (f"http://{self.host}/", f"blob:http://{self.host}/")
        for s, e in self.dt.events:
            if s != step:
                continue
            m, p = e["method"], e.get("params", {})
            if m == "Network.requestWillBeSent":
                url = p["request"]["url"]
                if not (url.startswith(own) or url.startswith("data:") or url == "about:blank"):
                    bad.append(f"request to another host: {url}")
            elif m == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
                args = " ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", []))
                bad.append(f"console error: {args}")
            elif m == "Runtime.exceptionThrown":
                d = p.get("exceptionDetails", {})
                bad.append(f"uncaught exception: {d.get('exception', {}).get('description') or d.get('text')}")
            elif m == "Log.entryAdded" and p["entry"].get("level") == "error":
                entry = p["entry"]
                if any(entry.get("url") == url and entry.get("text", "").startswith(prefix) for url, prefix in allowed):
                    self.note(f"allowed, provoked on purpose: {entry.get('text')} ({entry.get('url')})")
                    continue
                bad.append(f"console error: {entry.get('text')} ({entry.get('url', '')})")
            elif m == "Page.javascriptDialogOpening":
                bad.append(f"JavaScript dialog ({p.get('type')}): {p.get('message')!r}")
        return bad

    def wait_download(self, name_re, since, timeout=120):
        """A file whose name matches, finished (no .crdownload), that was not there before."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            for f in self.downloads.iterdir():
                if f.name in since or f.name.endswith(".crdownload") or not re.fullmatch(name_re, f.name):
                    continue
                size = f.stat().st_size
                self.dt.drain(0.3)
                if f.stat().st_size == size:
                    return f
            self.dt.drain(0.2)
        raise StepFailed(f"no download matching {name_re} in {timeout} s (there: {sorted(x.name for x in self.downloads.iterdir())})")

    def counter(self, key):
        text = self.dt.text(f'[data-testid="count-{key}"]') or ""
        digits = re.sub(r"\D", "", text)
        return int(digits) if digits else None

    def pick_territory(self, name):
        dt = self.dt
        dt.wait_js('document.querySelector("[data-testid=territory-select]")', what="territory-select")
        if dt.js('document.querySelector("[data-testid=territory-select]").value') != name:
            dt.set_value('[data-testid="territory-select"]', name)
        dt.wait_js(f'(() => {{ const h = document.querySelector(".page-head h1"); return h && h.textContent === {json.dumps(name)}; }})()',
                   what=f"the territory page of {name}")

    def network_ready(self, year=None, level=None):
        dt = self.dt
        cond = ['document.querySelector("[data-testid=network-count]")',
                'document.querySelector("[data-testid=network-count]").dataset.nodes !== undefined',
                'window.maillageTest.graph']
        if year:
            cond.append(f'document.querySelector("[data-testid=edition-year]").textContent === "{year}"')
        if level:
            cond.append(f'document.querySelector("[data-testid=level-switch]").value === "{level}"')
        dt.wait_js(" && ".join(cond), timeout=60, what=f"the network {year or ''} {level or ''}")
        dt.idle()
        dt.frames()
        return dt.js("""(() => { const c = document.querySelector('[data-testid=network-count]');
            const g = window.maillageTest.graph;
            return {text: c.textContent, nodes: Number(c.dataset.nodes), edges: Number(c.dataset.edges),
                    order: g.order, size: g.size,
                    year: document.querySelector('[data-testid=edition-year]').textContent,
                    level: document.querySelector('[data-testid=level-switch]').value}; })()""")

    # 1
    def s01_open(self):
        dt = self.dt
        dt.call("Page.navigate", url=self.base + "#/projects")
        dt.wait_js('document.querySelector("[data-testid=project-item][data-id=paca]")', what="paca in the project list")
        dt.idle()
        items = dt.js('[...document.querySelectorAll("[data-testid=project-item]")].map(e => e.dataset.id)')
        self.expect(items == ["paca"], f"the project list shows {items}, expected only paca (france is reference data)")
        size = dt.js("[innerWidth, innerHeight]")
        self.expect(size == [WIDTH, HEIGHT], f"window {size}, expected {WIDTH}x{HEIGHT}")
        self.shot("01-projects")
        dt.click('[data-testid="project-item"][data-id="paca"] a')
        dt.wait_js('location.hash === "#/p/paca" && document.querySelector(".page h1")', what="the paca overview")
        dt.idle()
        title = dt.text(".page h1")
        self.expect("Provence-Alpes-Côte d'Azur" in (title or ""), f"the overview's title is {title!r}")
        self.expect(dt.text(".project-name") == title, "the header does not name the open project")

    # 2
    def s02_import(self):
        dt = self.dt
        dt.click('[data-testid="tab-sheets"]')
        dt.wait_js('document.querySelector("[data-testid=import-folder]")', what="import-folder")
        dt.idle()
        self.expect("49" in (dt.text(".page-sheets .card") or ""), "the folder section does not say 49 sheets")
        # every value the bar takes, seen by the page itself, and sampled from here as well
        dt.js("""(() => { window.__bar = []; const bar = document.querySelector('[data-testid=progress-bar]');
            new MutationObserver(() => window.__bar.push(Number(bar.getAttribute('aria-valuenow'))))
              .observe(bar, {attributes: true, attributeFilter: ['aria-valuenow']}); return 1; })()""")
        dt.click('[data-testid="import-folder"]')
        sampled, t0, shot_taken = [], time.time(), False
        while time.time() - t0 < 180:
            v = dt.js("""(() => { const b = document.querySelector('[data-testid=progress-bar]');
                return [Number(b.getAttribute('aria-valuenow')), !!document.querySelector('[data-testid=upload-result]'), document.body.dataset.busy]; })()""")
            sampled.append(v[0])
            if 0 < v[0] < 100 and not shot_taken:
                self.shot("02-import-progress")
                shot_taken = True
            if v[1] and v[2] == "0":
                break
            dt.drain(0.05)
        observed = dt.js("window.__bar")
        self.note(f"progress sampled {sorted(set(sampled))}; observed by the page {observed}")
        moving = [x for x in sampled + observed if 0 < x < 100]
        self.expect(moving or (observed and observed[-1] == 100),
                    f"the progress bar never moved (sampled {sampled[:20]}, observed {observed})")
        self.expect(not observed or observed[-1] == 100, f"the bar ends at {observed[-1] if observed else None}, not 100")
        self.expect(observed == sorted(observed), f"the bar went backwards: {observed}")
        dt.idle()
        files = dt.js('[...document.querySelectorAll("[data-testid=upload-result] > table.data > tbody > tr")].map(r => [r.cells[0].textContent, r.cells[1].textContent])')
        self.note(f"result: {len(files)} files; {dt.text('[data-testid=upload-result] .notice')}")
        self.expect(len(files) == 49, f"the result lists {len(files)} files, expected 49")
        problems = dt.js('[...document.querySelectorAll("[data-testid=problem]")].map(p => [p.querySelector(".where").textContent, p.querySelector(".message").textContent, (p.querySelector(".row-text") || {}).textContent || ""])')
        where = re.compile(r"^editions/[^:]+\.(csv|xlsx|ods)(\[[^\]]+\])?:\d+:\d+$")
        self.expect(problems, "no problem shown")
        self.expect(all(where.match(p[0]) for p in problems),
                    f"problems without file:line:column: {[p[0] for p in problems if not where.match(p[0])]}")
        errors = [p for p in problems if p[2]]
        self.expect(errors, "no problem shows its row's text")
        self.note(f"{len(problems)} problems, first {problems[0][0] if problems else None}; {len(errors)} with the row's text")
        self.expect(dt.js("!document.querySelector('[data-testid=take-good-rows]')"),
                    "take-good-rows offered after the folder's import (its manifest takes partial sheets)")
        self.expect(dt.js("!document.querySelector('[data-testid=import-folder]')"), "import-folder still offered after the import")
        p = self.project()
        self.expect(p["imported"] and len(p["territories"]) == 6, f"the API says imported={p['imported']}, {len(p['territories'])} territories")
        c = self.counter("organisations")
        self.expect(c == p["organisations"], f"count-organisations {c}, the API {p['organisations']}")
        dt.rect('[data-testid="upload-result"]', block="start")

    # 3
    def s03_upload(self):
        dt = self.dt
        base_count = self.counter("organisations")
        # a photo saved under a .csv name: refused (415) and said so; the bar goes away
        bogus = self.work / "photo-feuille.csv"
        bogus.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
        self.set_files([bogus])
        dt.wait_js('document.querySelector(".page-sheets .result-box .notice.error")', what="the refusal of photo-feuille.csv")
        dt.idle()
        refusal = dt.text(".page-sheets .result-box .notice.error")
        self.note(f"refusal: {refusal}")
        self.expect("photo-feuille.csv" in (refusal or ""), f"the refusal does not name the file: {refusal!r}")
        self.expect(dt.js('document.querySelector("[data-testid=progress-bar]").closest(".progress").hidden'),
                    "the progress bar stays after the refusal")
        self.shot("03-upload-refused")

        # the hand-made sheet: one bad row (unknown role), an organisation named like an injection
        sheet = self.work / SHEET.name
        shutil.copy(SHEET, sheet)
        dt.js("""(() => { window.__bar = []; const bar = document.querySelector('[data-testid=progress-bar]');
            new MutationObserver(() => window.__bar.push(Number(bar.getAttribute('aria-valuenow'))))
              .observe(bar, {attributes: true, attributeFilter: ['aria-valuenow']}); return 1; })()""")
        self.set_files([sheet])
        dt.wait_js('document.querySelector("[data-testid=upload-result]") && document.body.dataset.busy === "0"', timeout=120,
                   what="the upload's result")
        dt.idle()
        observed = dt.js("window.__bar")
        self.note(f"upload progress observed {observed}")
        self.expect([x for x in observed if 0 < x < 100] or (observed and observed[-1] == 100),
                    f"the bar did not move: {observed}")
        files = dt.js('[...document.querySelectorAll("[data-testid=upload-result] > table.data > tbody > tr")].map(r => [r.cells[0].textContent, r.cells[1].querySelector(".badge").className, r.cells[2].textContent, r.cells[3].textContent])')
        self.note(f"upload result: {files}")
        self.expect(len(files) == 1 and files[0][0] == SHEET.name and "status-refused" in files[0][1],
                    f"expected {SHEET.name} refused whole, got {files}")
        problems = dt.js('[...document.querySelectorAll("[data-testid=problem]")].map(p => [p.querySelector(".where").textContent, p.querySelector(".message").textContent, (p.querySelector(".row-text") || {}).textContent || ""])')
        role = [p for p in problems if p[0] == f"{SHEET.name}:12:14"]
        self.expect(role, f"no problem at {SHEET.name}:12:14 (the unknown role); problems {problems}")
        if role:
            self.expect("animatrice" in role[0][1], f"the message does not quote the role: {role[0][1]!r}")
            self.expect(XSS in role[0][2] and "Rôle=animatrice" in role[0][2] and "Benali" in role[0][2],
                        f"the row's text is not shown as written: {role[0][2]!r}")
        self.no_injection()
        dt.rect('[data-testid="take-good-rows"]')
        self.shot("03-upload-problem")
        dt.click('[data-testid="take-good-rows"]')
        dt.wait_js('document.querySelector("[data-testid=upload-result] .badge.status-partial") && document.body.dataset.busy === "0"',
                   timeout=120, what="the sheet taken partially")
        dt.idle()
        files = dt.js('[...document.querySelectorAll("[data-testid=upload-result] > table.data > tbody > tr")].map(r => [r.cells[0].textContent, r.cells[1].textContent, r.cells[2].textContent, r.cells[3].textContent])')
        self.note(f"after take-good-rows: {files}")
        self.expect(len(files) == 1 and files[0][0] == SHEET.name and files[0][3] == "1",
                    f"expected {SHEET.name} partial with 1 row set aside, got {files}")
        aside = dt.js('[...document.querySelectorAll("[data-testid=upload-result] code")].map(c => c.textContent)')
        self.expect(f"{SHEET.name}:12" in aside, f"the set-aside row {SHEET.name}:12 is not listed ({aside})")
        p = self.project()
        var = next(t for t in p["territories"] if t["name"] == "Var")
        e2026 = [e for e in var["editions"] if e["year"] == 2026]
        self.expect(e2026 and e2026[0]["rows"] == 13, f"the API's Var 2026: {e2026} (expected 13 rows)")
        c = self.counter("organisations")
        self.expect(c == p["organisations"], f"count-organisations {c} after the upload, the API {p['organisations']}")
        self.note(f"organisations {base_count} -> {c}")
        self.no_injection()
        dt.rect('[data-testid="upload-result"]', block="start")

    def set_files(self, paths):
        obj = self.dt.call("Runtime.evaluate", expression='document.querySelector("[data-testid=file-input]")')["result"]
        if "objectId" not in obj:
            raise StepFailed("no file-input")
        self.dt.call("DOM.setFileInputFiles", files=[str(p) for p in paths], objectId=obj["objectId"])

    def no_injection(self, literal=True):
        found = self.dt.js(f"""(() => ({{
            imgs: [...document.querySelectorAll('img')].filter(i => i.getAttribute('src') === 'x').length,
            literal: document.body.innerText.includes({json.dumps(XSS)}) }}))()""")
        self.expect(found["imgs"] == 0, f"{found['imgs']} <img src=x> in the DOM: the organisation's name went in as HTML")
        if literal:
            self.expect(found["literal"], f"the name {XSS} is not shown as text")

    # 4
    def s04_identity(self):
        dt = self.dt
        dt.click('[data-testid="tab-identity"]')
        dt.wait_js('document.querySelector("[data-testid=question-card]") || document.querySelector(".page-identity .notice")',
                   what="the questions")
        dt.idle()
        before = self.counter("organisations")
        p0 = self.project()
        self.expect(before == p0["organisations"], f"count-organisations {before}, the API {p0['organisations']}")
        questions = self.api("projects/paca/questions")["questions"]
        shown = dt.js('[...document.querySelectorAll("[data-testid=question-card]")].map(c => [c.dataset.first, c.dataset.second])')
        self.expect(len(shown) == len(questions), f"{len(shown)} question cards, the API has {len(questions)}")
        self.expect(self.counter("questions") == len(questions), f"count-questions {self.counter('questions')}, the API {len(questions)}")
        # a question between two organisations both seen in the sheets: the same -> one fewer
        q = next((q for q in questions if q["about"] == "organisations" and all(c.get("seen") for c in q["cards"])
                  and [q["first"], q["second"]] in shown), None)
        if not q:
            raise StepFailed(f"no question between two organisations seen in the sheets among {shown}")
        territory = q["cards"][0]["seen"][0]["territory"]
        year = max(q["cards"][0]["seen"][0]["years"])
        self.chosen = q
        self.note(f"answering same: {q['first']!r} = {q['second']!r} ({territory}, {year})")
        net_before = self.network(territory, year)
        sel = f'[data-testid="question-card"][data-first={css(q["first"])}][data-second={css(q["second"])}]'
        dt.rect(sel)
        self.shot("04-identity-question")
        dt.click(f"{sel} [data-testid=answer-same]")
        dt.wait_js(f"!document.querySelector({json.dumps(sel)})", what="the card to go")
        item = f'[data-testid="decision-item"][data-first={css(q["first"])}][data-second={css(q["second"])}]'
        dt.wait_js(f"document.querySelector({json.dumps(item)})", what="the decision listed")
        dt.idle()
        after = self.counter("organisations")
        p1 = self.project()
        self.note(f"count-organisations {before} -> {after} (API {p1['organisations']})")
        self.expect(after == p1["organisations"], f"count-organisations {after}, the API {p1['organisations']}")
        self.expect(after == before - 1, f"two organisations said the same: count {before} -> {after}, expected {before - 1}")
        self.expect(self.counter("questions") == p1["questions"], f"count-questions {self.counter('questions')}, the API {p1['questions']}")
        self.shot("04-identity-answered")

        # the territory of the question: its network and the overview agree with the API
        net_after = self.network(territory, year)
        self.expect(len(net_after["nodes"]) == len(net_before["nodes"]) - 1,
                    f"{territory} {year}: the API's network has {len(net_before['nodes'])} -> {len(net_after['nodes'])} nodes, expected one fewer")
        dt.click('[data-testid="tab-territory"]')
        self.pick_territory(territory)
        last = max(e["year"] for t in p1["territories"] if t["name"] == territory for e in t["editions"])
        shown_net = self.network_ready(year=last)
        ref = self.network(territory, last)
        self.note(f"{territory} {last}: page {shown_net['nodes']} nodes/{shown_net['edges']} ties, API {len(ref['nodes'])}/{len(ref['edges'])}")
        self.expect((shown_net["nodes"], shown_net["edges"]) == (len(ref["nodes"]), len(ref["edges"])),
                    f"network-count {shown_net['text']!r} vs the API {len(ref['nodes'])} nodes, {len(ref['edges'])} ties")
        self.expect((shown_net["order"], shown_net["size"]) == (len(ref["nodes"]), len(ref["edges"])),
                    f"the drawn graph {shown_net['order']}/{shown_net['size']} vs the API")
        names = dt.js("window.maillageTest.graph.mapNodes((n, a) => a.label)")
        self.expect(q["second"] in names or q["first"] in names, "neither name of the question is a node of the network")
        self.expect(not (q["first"] in names and q["second"] in names), "both names are still two nodes of the network")
        dt.rect('[data-testid="network"]')
        self.shot("04-identity-territory")
        dt.click('[data-testid="tab-projects"]')
        dt.wait_js('document.querySelector("[data-testid=territory-table]")', what="the overview table")
        dt.idle()
        cells = dt.js(f"""(() => {{
            const row = [...document.querySelectorAll('[data-testid=territory-table] tbody tr')].find(r => r.querySelector('th').firstChild.textContent === {json.dumps(territory)});
            return row ? [...row.querySelectorAll('td[data-year]')].map(td => [Number(td.dataset.year), td.querySelector('.cell-people').textContent, td.querySelectorAll('.cell-more')[0].textContent]) : null; }})()""")
        api_eds = {e["year"]: e for t in p1["territories"] if t["name"] == territory for e in t["editions"]}
        self.expect(cells and len(cells) == len(api_eds), f"the overview's {territory} row: {cells}, the API {sorted(api_eds)}")
        for y, people, orgs in cells or []:
            e = api_eds.get(y)
            ok = e and re.sub(r"\D", "", people) == str(e["people"]) and re.sub(r"\D", "", orgs) == str(e["organisations"])
            self.expect(ok, f"overview {territory} {y}: {people} / {orgs}, the API {e and (e['people'], e['organisations'])}")
        self.shot("04-identity-overview")

        # undo: the count comes back
        dt.click('[data-testid="tab-identity"]')
        dt.wait_js(f"document.querySelector({json.dumps(item)})", what="the decision in the list")
        dt.idle()
        dt.click(f"{item} [data-testid=undo]")
        dt.wait_js(f"!document.querySelector({json.dumps(item)}) && document.querySelector({json.dumps(sel)})",
                   what="the decision gone and the question back")
        dt.idle()
        restored = self.counter("organisations")
        self.note(f"after undo: count-organisations {restored}")
        self.expect(restored == before, f"after undo count-organisations {restored}, expected {before}")
        self.expect(self.project()["organisations"] == before, "the API does not count the organisations as before")
        self.expect(len(self.network(territory, year)["nodes"]) == len(net_before["nodes"]), "the undo did not give the node back")
        dt.rect(sel)

    # 5
    def s05_network(self):
        dt = self.dt
        dt.click('[data-testid="tab-territory"]')
        self.pick_territory("Var")
        shown = self.network_ready()
        years = dt.js('document.querySelector("[data-testid=edition-slider]").dataset.years')
        self.note(f"Var editions on the slider: {years}; the last one, {shown['year']}: {shown['text']!r}")
        self.expect("2026" in years and shown["year"] == "2026", "the uploaded 2026 edition is not on the slider, or not the one shown first")
        # the organisation named like an injection is a node, an option of the search box, text
        self.expect(XSS in dt.js("window.maillageTest.graph.mapNodes((n, a) => a.label)"), f"{XSS} is not a node of Var 2026")
        self.expect(dt.js(f"[...document.querySelectorAll('#network-names option')].some(o => o.value === {json.dumps(XSS)})"),
                    f"{XSS} is not among the search box's names")
        self.no_injection(literal=False)
        dt.set_value('[data-testid="edition-slider"]', 2024)
        for level in ("interconnaissance", "reconnaissance"):
            if level != "interconnaissance":
                dt.set_value('[data-testid="level-switch"]', level)
            shown = self.network_ready(year="2024", level=level)
            ref = self.metrics("Var", 2024, None if level == "interconnaissance" else level)
            self.note(f"Var 2024 {level}: page {shown['text']!r}, graph {shown['order']}/{shown['size']}; metrics {ref['nodes']} nodes/{ref['ties']} ties")
            self.expect([int(x) for x in re.findall(r"\d+", shown["text"].replace("\u202f", "").replace("\xa0", ""))] == [ref["nodes"], ref["ties"]],
                        f"{level}: network-count says {shown['text']!r}, metrics {ref['nodes']} nodes, {ref['ties']} ties")
            self.expect((shown["nodes"], shown["edges"]) == (ref["nodes"], ref["ties"]),
                        f"{level}: network-count {shown['nodes']}/{shown['edges']}, metrics {ref['nodes']}/{ref['ties']}")
            self.expect((shown["order"], shown["size"]) == (ref["nodes"], ref["ties"]),
                        f"{level}: graph {shown['order']}/{shown['size']}, metrics {ref['nodes']}/{ref['ties']}")
            self.edges_drawn(level)
        dt.rect('[data-testid="network"]')

    def edges_drawn(self, level):
        """The ties are on screen: the network box with every edge hidden against it with them
        shown. And they can be seen: their commonest colour against the background under them."""
        dt = self.dt
        self.expect(dt.js("window.maillageTest.sigma.getGraph().size") > 0, "sigma's graph has no edge")
        r = dt.rect('[data-testid="network"]')
        dt.frames()
        shown = dt.screenshot64()
        (self.out / f"05-network-{level}-edges.png").write_bytes(base64.b64decode(shown))
        dt.js("(() => { const g = window.maillageTest.graph; g.forEachEdge(e => g.setEdgeAttribute(e, 'hidden', true)); return 1; })()")
        dt.frames()
        hidden = dt.screenshot64()
        (self.out / f"05-network-{level}-no-edges.png").write_bytes(base64.b64decode(hidden))
        dt.js("(() => { const g = window.maillageTest.graph; g.forEachEdge(e => g.removeEdgeAttribute(e, 'hidden')); return 1; })()")
        dt.frames()
        px = dt.pixels(shown, r, other=hidden)
        colour = dt.js("window.maillageTest.graph.getEdgeAttribute(window.maillageTest.graph.edges()[0], 'color')")
        self.note(f"{level}: {px['diff']} of {px['area']} pixels of the network box change when the edges are hidden")
        if not self.expect(px["diff"] > px["area"] * 0.005, f"{level}: the edges are not drawn ({px['diff']} pixels differ when they are hidden)"):
            return
        edge, under = px["top"][0], px["under"][0]
        ratio = contrast(edge, under)
        self.note(f"{level}: edges drawn as rgb{tuple(edge[:3])} over rgb{tuple(under[:3])} (contrast {ratio:.2f}:1); the page asks for {colour}")
        self.expect(ratio >= EDGE_CONTRAST,
                    f"{level}: the edges are drawn but hardly seen: rgb{tuple(edge[:3])} on rgb{tuple(under[:3])}, contrast {ratio:.2f}:1 "
                    f"(< {EDGE_CONTRAST}:1) for the colour {colour} (sigma blends as if colours were premultiplied by their alpha)")

    # 6
    def s06_node(self):
        dt = self.dt
        dt.set_value('[data-testid="level-switch"]', "interconnaissance")
        self.network_ready(year="2024", level="interconnaissance")
        r = dt.rect('[data-testid="network"]')
        # the biggest node (the highest betweenness) that no other node covers, where sigma draws it
        node = dt.js("""(() => { const s = window.maillageTest.sigma, g = window.maillageTest.graph, d = s.getDimensions();
            const pts = g.mapNodes((n, a) => { const v = s.graphToViewport({x: a.x, y: a.y});
                return {id: n, label: a.label, size: a.size, vx: v.x, vy: v.y, r: typeof s.scaleSize === 'function' ? s.scaleSize(a.size) : a.size}; });
            pts.sort((p, q) => q.size - p.size);
            const inside = (p) => p.vx > 20 && p.vy > 20 && p.vx < d.width - 20 && p.vy < d.height - 20;
            return pts.find(p => inside(p) && pts.every(o => o === p || Math.hypot(o.vx - p.vx, o.vy - p.vy) > p.r + o.r + 2)) || pts[0]; })()""")
        x, y = r["x"] + node["vx"], r["y"] + node["vy"]
        self.expect(r["x"] < x < r["x"] + r["w"] and r["y"] < y < r["y"] + r["h"], f"the node {node} is outside the network box {r}")
        self.note(f"clicking {node['label']!r} ({node['id']}) at {x:.0f},{y:.0f}")
        dt.mouse_click(x, y)
        dt.wait_js('document.querySelector("[data-testid=node-card]")', what="the node card")
        card = dt.js("""(() => { const c = document.querySelector('[data-testid=node-card]');
            return {id: c.dataset.id, name: c.querySelector('h3').textContent,
                    rows: [...c.querySelectorAll('dt')].map(d => [d.textContent, d.nextElementSibling.textContent])}; })()""")
        ref = {n["id"]: n for n in self.network("Var", 2024)["nodes"]}
        n = ref.get(card["id"])
        self.note(f"node card: {card['name']!r}, {card['rows'][:2]}")
        self.expect(card["id"] == node["id"], f"the card is of {card['id']}, the click was on {node['id']}")
        self.expect(n and card["name"] == (n.get("label") or n.get("organisation")), f"the card's name {card['name']!r}, the API {n and n.get('label')!r}")
        self.expect(n and ["Type", n.get("type_label")] in card["rows"], f"the card's type: {card['rows'][:1]}, the API {n and n.get('type_label')!r}")
        dt.rect('[data-testid="network"]')

    # 7
    def s07_map(self):
        dt = self.dt
        dt.rect('[data-testid="map"]')
        dt.wait_js("""(() => { const m = window.maillageTest.map; if (!m || !m.loaded() || !m.getSource('organisations')) return false;
            return m.querySourceFeatures('organisations').length > 0; })()""", timeout=60, what="the map and its organisations")
        dt.idle()
        dt.js("new Promise(r => { const m = window.maillageTest.map; if (m.loaded() && !m.isMoving()) r(1); else m.once('idle', () => r(1)); })")
        legend0 = dt.text(".map-legend .legend-title")
        r = dt.rect('[data-testid="map"]')
        dt.frames()
        before = dt.screenshot64()
        px = dt.pixels(before, r, background=MAP_BACKGROUND)
        drawn = px["unlike"] / px["area"]
        self.note(f"map (mobilisation): {px['colours']} colours, {drawn:.0%} of it unlike the background")
        self.expect(px["colours"] >= 6 and drawn > 0.2, f"the map looks blank: {px['colours']} colours, {drawn:.0%} drawn")
        dt.set_value('[data-testid="map-indicator"]', "participants")
        dt.wait_js(f'document.querySelector(".map-legend .legend-title").textContent !== {json.dumps(legend0)}', what="the legend of the new indicator")
        dt.idle()
        dt.js("new Promise(r => { const m = window.maillageTest.map; m.once('idle', () => r(1)); m.triggerRepaint(); })")
        legend1 = dt.text(".map-legend .legend-title")
        self.note(f"indicator: {legend0!r} -> {legend1!r}")
        r = dt.rect('[data-testid="map"]')
        dt.frames()
        after = dt.screenshot64()
        self.expect(dt.pixels(after, r, other=before)["diff"] > 500, "the map's colours did not change with the indicator")
        dt.click('[data-testid="map-ties"]')
        dt.wait_js("window.maillageTest.map.getLayoutProperty('ties', 'visibility') === 'visible'", what="the ties layer shown")
        dt.js("new Promise(r => { const m = window.maillageTest.map; m.once('idle', () => r(1)); m.triggerRepaint(); })")
        r = dt.rect('[data-testid="map"]')
        dt.frames()
        ties = dt.screenshot64()
        tie_px = dt.pixels(ties, r, other=after)
        n_ties = dt.js("window.maillageTest.map.querySourceFeatures('ties').length")
        self.note(f"ties: {n_ties} features; {tie_px['diff']} pixels change when they are shown, commonest rgb{tuple(tie_px['top'][0][:3]) if tie_px['top'] else None}")
        self.expect(tie_px["diff"] > 200, f"the ties are not drawn on the map ({tie_px['diff']} pixels change)")
        (self.out / "07-map-ties.png").write_bytes(base64.b64decode(ties))
        # an organisation's point, where the map puts it, away from the edges and the zoom buttons
        pt = dt.js("""(() => { const m = window.maillageTest.map, c = m.getContainer().getBoundingClientRect();
            const fs = m.queryRenderedFeatures({layers: ['organisations']});
            for (const f of fs) { const p = m.project(f.geometry.coordinates);
              if (p.x > 40 && p.y > 40 && p.x < c.width - 60 && p.y < c.height - 40) {
                const hits = m.queryRenderedFeatures([p.x, p.y], {layers: ['organisations', 'registry', 'areas-fill']});
                if (hits.length && hits[0].layer.id === 'organisations')
                  return {x: c.left + p.x, y: c.top + p.y, name: hits[0].properties.name, n: fs.length}; } }
            return null; })()""")
        if not pt:
            raise StepFailed("no organisation point to click on the map")
        self.note(f"clicking the point of {pt['name']!r} ({pt['n']} drawn)")
        dt.mouse_click(pt["x"], pt["y"])
        dt.wait_js('document.querySelector("[data-testid=map-card]")', what="the map card")
        name = dt.text("[data-testid=map-card] h3")
        self.expect(name == pt["name"], f"the map card names {name!r}, the point is {pt['name']!r}")
        self.expect("Type" in (dt.text("[data-testid=map-card] dl") or ""), "the map card has no type")

    # 8
    def s08_invites(self):
        dt = self.dt
        dt.click('[data-testid="tab-next"]')
        dt.wait_js('document.querySelectorAll("[data-testid=invite-row]").length > 0', timeout=60, what="invite rows")
        dt.idle()
        n = dt.js('document.querySelectorAll("[data-testid=invite-row]").length')
        self.note(f"{n} invitation rows")
        self.expect(dt.js('document.querySelector("[data-testid=download-invites]").disabled'), "download-invites enabled with nothing ticked")
        chosen = dt.js('[...document.querySelectorAll("[data-testid=invite-row]")].slice(0, 2).map(r => r.dataset.name)')
        for i in (1, 2):
            dt.click(f'[data-testid="invite-row"]:nth-child({i}) [data-testid="invite-check"]')
        self.expect(dt.js('[...document.querySelectorAll("[data-testid=invite-check]")].filter(c => c.checked).length') == 2,
                    "two boxes are not ticked")
        self.shot("08-invites-ticked")
        there = {f.name for f in self.downloads.iterdir()}
        dt.click('[data-testid="download-invites"]')
        f = self.wait_download(r"invitations.*\.csv", there)
        data = f.read_bytes()
        self.note(f"downloaded {f.name}, {len(data)} bytes, for {chosen}")
        self.expect(data.startswith(b"\xef\xbb\xbf"), "the CSV has no BOM")
        text = data.decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text), delimiter=";"))
        header = [h.lower() for h in rows[0]] if rows else []
        self.expect(len(header) > 2 and "organisation" in header, f"the CSV's header is not ';'-separated with an organisation column: {rows[:1]}")
        if "organisation" in header:
            k = header.index("organisation")
            names = [r[k] for r in rows[1:] if r]
            self.expect(sorted(names) == sorted(chosen), f"the CSV's organisations {names}, ticked {chosen}")
        (self.out / "08-invitations.csv").write_bytes(data)

    # 9
    def s09_share(self):
        dt = self.dt
        dt.click('[data-testid="tab-share"]')
        dt.wait_js('document.querySelector("[data-testid=report-territory]")', what="report-territory")
        dt.idle()
        terr = dt.js('document.querySelector("[data-testid=territory-select]").value')
        there = {f.name for f in self.downloads.iterdir()}
        dt.click('[data-testid="report-territory"]')
        dt.drain(0.3)
        self.shot("09-share-generating")
        f = self.wait_download(r"rapport-.*\.html", there, timeout=240)
        dt.idle()
        html = f.read_bytes()
        self.note(f"report {f.name}: {len(html) // 1024} kB")
        self.expect(len(html) > 100 * 1024, f"the report is {len(html)} bytes, not over 100 kB")
        self.expect(terr.encode() in html, f"the report does not name {terr}")
        self.expect(b"<html" in html[:2000].lower(), "the report is not HTML")
        status = dt.js('(() => { const n = document.querySelector(".report-status .notice"); return n ? [n.className, n.textContent] : null; })()')
        self.expect(status and "ok" in status[0].split(), f"the page says {status}")
        there = {f.name for f in self.downloads.iterdir()}
        dt.click('[data-testid="export-link"][data-format="gexf"]')
        g = self.wait_download(r".*\.gexf", there)
        root = ET.parse(g).getroot()
        self.note(f"export {g.name}: root {root.tag}, {len(g.read_bytes())} bytes")
        self.expect(root.tag.split("}")[-1] == "gexf", f"the export's root is {root.tag}")
        ns = root.tag[:-4]
        nodes = root.findall(f".//{ns}node")
        self.expect(len(nodes) > 0, "the GEXF has no node")

    # 10
    def s10_english(self):
        dt = self.dt
        fr = dt.text('[data-testid="tab-sheets"]')
        dt.click('[data-testid="lang-switch"]')
        dt.wait_js('document.documentElement.lang === "en"', what="the page in English")
        dt.idle()
        en = dt.text('[data-testid="tab-sheets"]')
        self.note(f"tab-sheets: {fr!r} -> {en!r}; h1 {dt.text('.page h1')!r}")
        self.expect(fr == "Feuilles" and en == "Sheets", f"tab-sheets {fr!r} -> {en!r}")
        self.expect(dt.text('[data-testid="tab-share"]') == "Share", f"tab-share says {dt.text('[data-testid=tab-share]')!r}")
        self.expect(dt.text(".page h1") == "Share", f"the page's title says {dt.text('.page h1')!r}")
        if self.args.provoke:
            dt.js("console.error('provoked'); setTimeout(() => alert('provoked'), 0); fetch('http://example.invalid/x').catch(() => 0); 1")
            dt.drain(1.0)
            dt.js("setTimeout(() => { location.href = 'http://example.invalid/'; }, 0), 1")  # a request CSP does not stop
            dt.drain(1.5)

    def run(self):
        t0 = time.time()
        self.setup_projects()
        try:
            self.start_server()
            self.start_chromium()
            sheets = f"{self.base}api/v1/projects/paca/sheets?lang=fr"
            steps = [
                (1, "projects", self.s01_open, ()),
                (2, "import-folder", self.s02_import, ()),
                (3, "upload-sheet", self.s03_upload, ((sheets, "Failed to load resource: the server responded with a status of 415"),)),
                (4, "identity", self.s04_identity, ()),
                (5, "network-var-2024", self.s05_network, ()),
                (6, "node-card", self.s06_node, ()),
                (7, "map", self.s07_map, ()),
                (8, "invitations", self.s08_invites, ()),
                (9, "share", self.s09_share, ()),
                (10, "english", self.s10_english, ()),
            ]
            for nn, name, fn, allowed in steps:
                self.step(nn, name, fn, allowed)
            self.dt.step = "end"
            self.dt.drain(0.5)
            late = self.watch("end", ())
            if late:
                self.results.append((11, "after the last step", False, 0.0, [], late))
        finally:
            self.stop()
        total = time.time() - t0
        workers = sum(1 for _, e in self.dt.events if e["method"] == "Target.attachedToTarget") if self.dt else 0
        print(f"\n({workers} worker(s) attached and watched as well)")
        print("step                      result  seconds")
        for nn, name, ok, seconds, _, _ in self.results:
            print(f"{nn:02d} {name:22s} {'ok' if ok else 'FAIL':6s} {seconds:7.1f}")
        print(f"total {total:.1f} s; screenshots in {self.out}")
        failed = [r for r in self.results if not r[2]]
        if failed:
            print(f"FAIL: {len(failed)} step(s): {', '.join(r[1] for r in failed)}")
            return 1
        if total > 300:
            print(f"FAIL: the scenario took {total:.0f} s (over 5 minutes)")
            return 1
        print("ok")
        return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--binary", required=True, help="the maillage binary")
    ap.add_argument("--source", required=True, help="the source tree (its datasets/paca and datasets/france)")
    ap.add_argument("--out", required=True, help="where the screenshots, downloads and the projects folder go (emptied first)")
    ap.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    ap.add_argument("--provoke", action="store_true", help="make the last step break the rules (the run must fail)")
    args = ap.parse_args()
    scenario = Scenario(args)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # ctest's timeout: the finally kills what we started
    sys.exit(scenario.run())


if __name__ == "__main__":
    main()
