#!/usr/bin/python3
"""The report as a reader sees it: Debian's chromium, headless, driven through the DevTools
protocol (python3-websocket). Opens a report file and FAILS on
  * any network request other than the report file itself (it must be self-contained),
  * any console message of level error, any uncaught exception, any CSP violation,
  * a figure missing: fewer <figure><svg> than expected, or an SVG that is not laid out (zero size),
  * a print (A4 PDF) with fewer pages than sections (each section starts a page).
Saves a screenshot (PNG) of the first screen and of the whole page, and the printed PDF, beside
the report. A missing chromium or websocket module is a failure, not a skip.

usage: browser_test.py REPORT.html --figures N --sections S [--out STEM] [--chromium PATH]
(STEM: where the screenshots and PDF go, STEM.png, STEM-page.png, STEM.pdf; default: beside REPORT)
"""
import argparse
import base64
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

import websocket  # python3-websocket: a missing module fails the test


class DevTools:
    def __init__(self, url):
        self.ws = websocket.create_connection(url, timeout=60, suppress_origin=True)
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
            if "method" in msg:
                self.events.append(msg)

    def wait_for(self, method, timeout=60):
        deadline = time.time() + timeout
        for e in self.events:
            if e["method"] == method:
                return e
        while time.time() < deadline:
            msg = json.loads(self.ws.recv())
            if "method" in msg:
                self.events.append(msg)
                if msg["method"] == method:
                    return msg
        raise TimeoutError(method)

    def drain(self, seconds):
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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("report")
    ap.add_argument("--figures", type=int, required=True)
    ap.add_argument("--sections", type=int, required=True)
    ap.add_argument("--out", help="stem of the screenshots and PDF (default: the report's path without .html)")
    ap.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    args = ap.parse_args()

    report = pathlib.Path(args.report).resolve()
    if not report.is_file():
        sys.exit(f"FAIL: no report at {report}")
    if not shutil.which(args.chromium) and not os.path.exists(args.chromium):
        sys.exit(f"FAIL: chromium not found ({args.chromium}); scripts/install-deps --tests installs it")
    stem = pathlib.Path(args.out) if args.out else report.with_suffix("")
    failures = []

    profile = tempfile.mkdtemp(prefix="maillage-chromium-")
    proc = subprocess.Popen(
        [args.chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--remote-debugging-port=0",
         f"--user-data-dir={profile}", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        port_file = pathlib.Path(profile) / "DevToolsActivePort"
        deadline = time.time() + 60
        while not port_file.exists() or not port_file.read_text().strip():
            if time.time() > deadline or proc.poll() is not None:
                sys.exit("FAIL: chromium did not start (no DevToolsActivePort)")
            time.sleep(0.1)
        port = int(port_file.read_text().split()[0])
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list"))
        page = next(t for t in targets if t.get("type") == "page")
        dt = DevTools(page["webSocketDebuggerUrl"])
        for domain in ("Page", "Network", "Runtime", "Log"):
            dt.call(f"{domain}.enable")
        dt.call("Emulation.setDeviceMetricsOverride", width=1100, height=1400, deviceScaleFactor=1, mobile=False)
        url = report.as_uri()
        dt.call("Page.navigate", url=url)
        dt.wait_for("Page.loadEventFired")
        dt.drain(1.0)

        result = dt.call("Runtime.evaluate", returnByValue=True, expression="""(() => {
            const figs = [...document.querySelectorAll('figure')];
            const laid = figs.filter(f => { const s = f.querySelector('svg');
                if (!s) return false; const r = s.getBoundingClientRect(); return r.width > 50 && r.height > 20; });
            return {figures: figs.length, laid_out: laid.length,
                    sections: document.querySelectorAll('main > section').length,
                    texts: document.querySelectorAll('figure svg text').length,
                    lang: document.documentElement.lang,
                    height: document.documentElement.scrollHeight};
        })()""")["result"]["value"]
        print(f"page: {result}")
        if result["figures"] != args.figures:
            failures.append(f"{result['figures']} figures, expected {args.figures}")
        if result["laid_out"] != result["figures"]:
            failures.append(f"only {result['laid_out']} of {result['figures']} figures have a laid-out <svg>")
        if result["sections"] != args.sections:
            failures.append(f"{result['sections']} sections, expected {args.sections}")

        shot = dt.call("Page.captureScreenshot", format="png")
        pathlib.Path(f"{stem}.png").write_bytes(base64.b64decode(shot["data"]))
        full = dt.call("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                       clip={"x": 0, "y": 0, "width": 1100, "height": min(result["height"], 30000), "scale": 1})
        pathlib.Path(f"{stem}-page.png").write_bytes(base64.b64decode(full["data"]))
        pdf = dt.call("Page.printToPDF", paperWidth=8.27, paperHeight=11.69, preferCSSPageSize=True, printBackground=True)
        pdf_bytes = base64.b64decode(pdf["data"])
        pathlib.Path(f"{stem}.pdf").write_bytes(pdf_bytes)
        pages = pdf_bytes.count(b"/Type /Page") - pdf_bytes.count(b"/Type /Pages")
        print(f"printed: {pages} A4 pages -> {stem}.pdf; screenshots {stem}.png, {stem}-page.png")
        if pages < args.sections:
            failures.append(f"printed on {pages} pages, fewer than the {args.sections} sections")
        dt.drain(0.5)

        for e in dt.events:
            m, p = e["method"], e.get("params", {})
            if m == "Network.requestWillBeSent":
                req = p["request"]["url"]
                if req != url:
                    failures.append(f"network request: {req}")
            elif m == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
                failures.append(f"console error: {p.get('args')}")
            elif m == "Runtime.exceptionThrown":
                failures.append(f"exception: {p.get('exceptionDetails', {}).get('text')}")
            elif m == "Log.entryAdded" and p["entry"].get("level") == "error":
                failures.append(f"console error: {p['entry'].get('text')} ({p['entry'].get('url', '')})")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)

    if failures:
        for f in failures:
            print("FAIL:", f)
        sys.exit(1)
    print("ok")


if __name__ == "__main__":
    main()
