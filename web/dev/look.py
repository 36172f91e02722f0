#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Looks at the page as a user does: Debian's chromium headless, driven through the DevTools
protocol (python3-websocket). Visits each route, waits for body[data-busy="0"], runs the
route's script (JavaScript, optional), saves a screenshot, and reports console errors, uncaught
exceptions and any request to another host.

usage: look.py BASE_URL OUTDIR [ROUTE[=JS] ...]
  e.g. look.py http://127.0.0.1:8098/ /tmp/shots '#/projects' '#/p/paca/territory'
Exit status 1 when something went wrong (an error, a foreign request).
"""
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

import websocket


class DevTools:
    def __init__(self, url):
        self.ws = websocket.create_connection(url, timeout=60, suppress_origin=True)
        self.next_id = 0
        self.events = []

    def call(self, method, **params):
        self.next_id += 1
        my = self.next_id
        self.ws.send(json.dumps({"id": my, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == my:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            if "method" in msg:
                self.events.append(msg)

    def pump(self, seconds):
        self.ws.settimeout(seconds)
        try:
            while True:
                msg = json.loads(self.ws.recv())
                if "method" in msg:
                    self.events.append(msg)
        except websocket.WebSocketTimeoutException:
            pass
        finally:
            self.ws.settimeout(60)

    def eval(self, expr, await_promise=True):
        r = self.call("Runtime.evaluate", expression=expr, awaitPromise=await_promise, returnByValue=True)
        if "exceptionDetails" in r:
            raise RuntimeError(json.dumps(r["exceptionDetails"])[:600])
        return r.get("result", {}).get("value")

    def idle(self, timeout=20):
        deadline = time.time() + timeout
        time.sleep(0.2)
        while time.time() < deadline:
            if self.eval('document.getElementById("main") && document.body.dataset.busy === "0" && !document.querySelector("#main .loading")'):
                return True
            self.pump(0.1)
        return False


def main():
    base, outdir, *routes = sys.argv[1:]
    os.makedirs(outdir, exist_ok=True)
    host = urllib.parse.urlsplit(base).netloc
    profile = tempfile.mkdtemp(prefix="look-")
    port = 9333
    chrome = subprocess.Popen(
        [shutil.which("chromium") or "chromium", "--headless", "--no-sandbox", "--disable-gpu",
         "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--window-size=1400,1000",
         f"--remote-debugging-port={port}", f"--user-data-dir={profile}", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    failures = []
    try:
        for _ in range(100):
            try:
                tabs = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json"))
                page = next(t for t in tabs if t["type"] == "page")
                break
            except Exception:
                time.sleep(0.1)
        dt = DevTools(page["webSocketDebuggerUrl"])
        for domain in ["Page", "Runtime", "Network", "Log"]:
            dt.call(f"{domain}.enable")
        downloads = os.path.join(os.path.abspath(outdir), "downloads")
        os.makedirs(downloads, exist_ok=True)
        dt.call("Browser.setDownloadBehavior", behavior="allow", downloadPath=downloads)
        dt.call("Emulation.setDeviceMetricsOverride", width=1400, height=1000, deviceScaleFactor=1, mobile=False)
        dt.call("Page.navigate", url=base)
        dt.pump(2)
        dt.idle()
        for i, spec in enumerate(routes or ["#/projects"]):
            route, _, script = spec.partition("=")
            if route:
                dt.eval(f"location.hash = {json.dumps(route)}")
                dt.pump(0.5)
                dt.idle()
            if script:
                try:
                    print(f"  {route} script ->", json.dumps(dt.eval(script))[:400])
                except RuntimeError as e:
                    failures.append(f"script on {route}: {e}")
                dt.pump(0.3)
                dt.idle()
            dt.pump(1.5)
            if os.environ.get("LOOK_VIEWPORT"):  # what the screen shows (WebGL canvases as drawn)
                shot = dt.call("Page.captureScreenshot", format="png")
            else:
                full = dt.eval("document.documentElement.scrollHeight")
                shot = dt.call("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                               clip={"x": 0, "y": 0, "width": 1400, "height": min(int(full or 1000), 4000), "scale": 1})
            name = f"{i:02d}-" + "".join(c if c.isalnum() else "_" for c in (route or "step"))[:40] + ".png"
            with open(os.path.join(outdir, name), "wb") as f:
                f.write(base64.b64decode(shot["data"]))
            print("saved", os.path.join(outdir, name))
        imgs = dt.eval("document.querySelectorAll('img').length")
        if imgs:
            failures.append(f"{imgs} <img> element(s) in the page (data put in as HTML?)")
        dt.pump(0.5)
        for e in dt.events:
            m, p = e["method"], e["params"]
            if m == "Runtime.consoleAPICalled" and p["type"] in ("error", "assert", "warning"):
                text = " ".join(str(a.get("value", a.get("description", ""))) for a in p["args"])
                (failures.append if p["type"] != "warning" else print)(f"console.{p['type']}: {text[:300]}")
            elif m == "Runtime.exceptionThrown":
                failures.append("exception: " + json.dumps(p["exceptionDetails"])[:400])
            elif m == "Log.entryAdded" and p["entry"]["level"] == "error":
                failures.append(f"log: {p['entry'].get('text', '')[:300]} {p['entry'].get('url', '')}")
            elif m == "Page.javascriptDialogOpening":
                failures.append(f"dialog opened: {p.get('message', '')}")
            elif m == "Network.requestWillBeSent":
                u = p["request"]["url"]
                sp = urllib.parse.urlsplit(u)
                if sp.scheme in ("http", "https", "ws", "wss") and sp.netloc != host:
                    failures.append(f"foreign request: {u}")
    finally:
        chrome.terminate()
        chrome.wait()
        shutil.rmtree(profile, ignore_errors=True)
    for f in failures:
        print("FAIL", f)
    print("ok" if not failures else f"{len(failures)} problem(s)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
