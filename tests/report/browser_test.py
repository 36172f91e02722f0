#!/usr/bin/python3
"""The report as a reader sees it: Debian's chromium, headless, driven through the DevTools
protocol (python3-websocket). Opens a report file and FAILS on
  * any network request other than the report file itself (it must be self-contained),
  * any console message of level error, any uncaught exception, any CSP violation,
  * a figure missing: fewer <figure><svg> than expected, or an SVG that is not laid out (zero size),
  * a printed (A4 PDF) page that is nearly empty: its text and fills span less than a quarter
    of its height (a figure pushed to the next page, leaving its lead sentence alone), or a
    print of more pages than --max-pages; the last page, which holds the end of the text, only
    fails when blank (under 5 %).
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
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
import zlib

import websocket  # python3-websocket: a missing module fails the test


def pdf_pages(pdf_bytes):
    """Each page's content (decompressed) and its height, in page order."""
    # an object runs from "N 0 obj" to the next object (compressed data may hold "endobj")
    starts = [(m.start(), int(m.group(1))) for m in re.finditer(rb'(?:^|[\r\n])(\d+) 0 obj\b', pdf_bytes)]
    objs = {}
    for i, (at, n) in enumerate(starts):
        objs[n] = pdf_bytes[at:starts[i + 1][0] if i + 1 < len(starts) else len(pdf_bytes)]
    def stream(body):
        begin = re.search(rb'stream\r?\n', body)
        end = body.rfind(b'endstream')
        if not begin or end < begin.end():
            return b''
        data = body[begin.end():end]
        if b'/FlateDecode' in body[:begin.start()]:
            data = zlib.decompressobj().decompress(data)
        return data
    pages = []
    def walk(n):
        body = objs.get(n, b'')
        if re.search(rb'/Type\s*/Pages\b', body):
            for k in re.findall(rb'(\d+) 0 R', re.search(rb'/Kids\s*\[(.*?)\]', body, re.S).group(1)):
                walk(int(k))
        elif re.search(rb'/Type\s*/Page\b', body):
            box = [float(x) for x in re.search(rb'/MediaBox\s*\[([^\]]*)\]', body).group(1).split()]
            refs = re.search(rb'/Contents\s*(\[[^\]]*\]|\d+ 0 R)', body)
            ids = [int(x) for x in re.findall(rb'(\d+) 0 R', refs.group(1))] if refs else []
            pages.append((b'\n'.join(stream(objs.get(i, b'')) for i in ids), box[3] - box[1]))
    for n, body in objs.items():
        if re.search(rb'/Type\s*/Pages\b', body) and not re.search(rb'/Parent', body):
            walk(n)
    return pages

def mul(a, b):
    return [a[0]*b[0] + a[1]*b[2], a[0]*b[1] + a[1]*b[3], a[2]*b[0] + a[3]*b[2], a[2]*b[1] + a[3]*b[3],
            a[4]*b[0] + a[5]*b[2] + b[4], a[4]*b[1] + a[5]*b[3] + b[5]]

def inked_span(content):
    """The lowest and highest y (PDF points, from the bottom) where the page draws text or a
    non-white fill: a small interpreter of q/Q/cm/rg/re/f/Tm, enough for Chromium's (Skia's) PDF."""
    ctm, stack, operands, fill, rects, ys = [1, 0, 0, 1, 0, 0], [], [], (0, 0, 0), [], []
    for tok in re.findall(rb'<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\)|\[|\]|/[^\s/\[\]<>()]+|[^\s\[\]<>()/]+', content):
        try:
            operands.append(float(tok))
            continue
        except ValueError:
            pass
        op = tok
        if op == b'q':
            stack.append((ctm, fill))
        elif op == b'Q' and stack:
            ctm, fill = stack.pop()
        elif op == b'cm' and len(operands) >= 6:
            ctm = mul(operands[-6:], ctm)
        elif op == b'rg' and len(operands) >= 3:
            fill = tuple(operands[-3:])
        elif op == b're' and len(operands) >= 4:
            x, y, w, h = operands[-4:]
            rects.append([ctm[1]*x + ctm[3]*y + ctm[5], ctm[1]*x + ctm[3]*(y + h) + ctm[5]])
        elif op in (b'f', b'f*', b'B', b'B*'):
            if fill != (1.0, 1.0, 1.0):
                for r in rects:
                    ys.extend(r)
            rects = []
        elif op == b'n' or op == b'S':
            rects = []
        elif op == b'Tm' and len(operands) >= 6:
            m = mul(operands[-6:], ctm)
            ys.append(m[5])
        if not isinstance(op, float) and not op.startswith(b'/') and op not in (b'[', b']') and not op.startswith(b'<') and not op.startswith(b'('):
            operands = []
    return (min(ys), max(ys)) if ys else None


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
    ap.add_argument("--max-pages", type=int, default=0, help="fail when printed on more A4 pages (0: no bound)")
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
        printed = pdf_pages(pdf_bytes)
        pages = len(printed)
        print(f"printed: {pages} A4 pages -> {stem}.pdf; screenshots {stem}.png, {stem}-page.png")
        if args.max_pages and pages > args.max_pages:
            failures.append(f"printed on {pages} pages, more than {args.max_pages}")
        for number, (content, height) in enumerate(printed, 1):
            span = inked_span(content)
            filled = (span[1] - span[0]) / height if span else 0
            print(f"page {number}: {filled:.0%} of its height used")
            # a page inside the document under a quarter full means a break left a hole; the last
            # page holds the end of the text, however short it runs, but never nothing
            if filled < (0.05 if number == pages else 0.25):
                failures.append(f"page {number} is nearly empty ({filled:.0%} of its height used)")
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
