#!/usr/bin/env python3
"""Server-side tests of `maillage serve` (docs/api.md): the token guard, the Host check, the
upload checks, the ingest jobs, the decisions, project creation, listening beyond the loopback,
HTTPS and stopping on SIGTERM.

usage: api_test.py --binary PATH --source SRC_DIR [--work DIR] [--keep-going] [--keep]

Runs the server on a fresh copy of the example project (SRC_DIR/datasets/paca) in a new
folder (under --work DIR when given, else in the temporary folder), removed on success unless
--keep. Each check prints one line "ok: ..."; the first failure prints "FAIL: ..." with the
request, what was expected and what came, and the script exits 1 (with --keep-going it goes on
with the next group of checks and exits 1 at the end). Standard library only.
"""

import argparse
import http.client
import json
import os
import re
import select
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")
BAD_SHEET = "var-2020-emargements-role-inconnu.csv"  # line 5 has the role « animateur de table »
KNOWN_SHEET = os.path.join("editions", "05-hautes-alpes", "2016-emargements.csv")  # one of the example's
EXAMPLE_FILES = 49
JOB_TIMEOUT = 180
START_TIMEOUT = 30
REQUEST_TIMEOUT = 120
LIMIT = 50 << 20  # the server's default upload limit (ServeOptions::max_upload)


class Failure(Exception):
    pass


def ok(text):
    print("ok: " + text, flush=True)


def check(condition, what, detail=""):
    """One check: prints "ok: what" or raises Failure with what was expected and what came."""
    if not condition:
        raise Failure(what + (("\n      " + detail) if detail else ""))
    ok(what)


def short(data, n=600):
    if isinstance(data, (bytes, bytearray)):
        data = data.decode("utf-8", "replace")
    if not isinstance(data, str):
        data = json.dumps(data, ensure_ascii=False)
    return data if len(data) <= n else data[:n] + "…"


# ---- HTTP --------------------------------------------------------------------------------

class Response:
    def __init__(self, method, path, status, headers, body):
        self.method, self.path, self.status, self.headers, self.body = method, path, status, headers, body

    def header(self, name):
        for k, v in self.headers:
            if k.lower() == name.lower():
                return v
        return None

    def all_headers(self, name):
        return [v for k, v in self.headers if k.lower() == name.lower()]

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    def json(self):
        try:
            return json.loads(self.body.decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as e:
            raise Failure(f"{self.method} {self.path}: answer is not JSON ({e}): {short(self.body)}")

    def __str__(self):
        return f"{self.method} {self.path} -> {self.status} {short(self.body, 300)}"


class Server:
    """One `maillage serve` process: its address, its token, its output."""

    def __init__(self, binary, projects, web, logdir, name, extra=(), env_extra=None):
        self.name = name
        self.projects = projects
        self.out_path = os.path.join(logdir, name + ".stdout")
        self.err_path = os.path.join(logdir, name + ".stderr")
        env = dict(os.environ)
        env["MAILLAGE_WEB"] = web
        env.pop("MAILLAGE_LANG", None)
        if env_extra:
            env.update(env_extra)
        self.args = [binary, "serve", projects, "--port", "0", *extra]
        self.out = open(self.out_path, "wb")
        self.err = open(self.err_path, "wb")
        self.proc = subprocess.Popen(self.args, stdout=self.out, stderr=self.err, stdin=subprocess.DEVNULL, env=env)
        self.responses = []
        self.lock = threading.Lock()
        self.token = None
        self.first_line = self.wait_first_line()
        m = re.search(r"(https?)://([^/\s]+)/(\S*)", self.first_line)
        if not m:
            raise Failure(f"{name}: no address in the first line of stdout: {self.first_line!r}")
        self.scheme, self.hostport, self.rest = m.group(1), m.group(2), m.group(3)
        self.port = int(self.hostport.rsplit(":", 1)[1])
        self.host = self.hostport.rsplit(":", 1)[0]
        self.connect_host = "127.0.0.1" if self.host in ("0.0.0.0", "127.0.0.1", "localhost") else self.host.strip("[]")
        if self.host == "[::]":
            self.connect_host = "::1"
        self.host_header = self.hostport

    def wait_first_line(self):
        deadline = time.time() + START_TIMEOUT
        while time.time() < deadline:
            with open(self.out_path, "rb") as f:
                data = f.read()
            if b"\n" in data:
                return data.split(b"\n", 1)[0].decode("utf-8", "replace")
            if self.proc.poll() is not None:
                raise Failure(f"{self.name}: `{' '.join(self.args)}` ended (exit {self.proc.returncode}) before "
                              f"printing its address; stderr: {short(self.stderr())}")
            time.sleep(0.05)
        raise Failure(f"{self.name}: no address printed within {START_TIMEOUT} s; stdout so far: {short(data)}")

    def stdout(self):
        with open(self.out_path, "rb") as f:
            return f.read().decode("utf-8", "replace")

    def stderr(self):
        with open(self.err_path, "rb") as f:
            return f.read().decode("utf-8", "replace")

    def connection(self, timeout=REQUEST_TIMEOUT):
        if self.scheme == "https":
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE
            return http.client.HTTPSConnection(self.connect_host, self.port, timeout=timeout, context=ctx)
        return http.client.HTTPConnection(self.connect_host, self.port, timeout=timeout)

    def request(self, method, path, body=None, headers=None, token=False, host=None, json_body=None,
                connect_host=None):
        """One request on a new connection; never follows a redirect. token=True adds
        X-Maillage-Token; headers may override Host."""
        h = {"Host": host or self.host_header, "Connection": "close"}
        if token:
            h["X-Maillage-Token"] = self.token
        if json_body is not None:
            body = json.dumps(json_body, ensure_ascii=False).encode("utf-8")
            h["Content-Type"] = "application/json"
        if method == "POST" and body is None:
            body = b""
        h.update(headers or {})
        if connect_host:
            conn = http.client.HTTPConnection(connect_host, self.port, timeout=REQUEST_TIMEOUT)
        else:
            conn = self.connection()
        try:
            conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
            for k, v in h.items():
                conn.putheader(k, v)
            if body is not None:
                conn.putheader("Content-Length", str(len(body)))
            conn.endheaders(body)
            r = conn.getresponse()
            res = Response(method, path, r.status, r.getheaders(), r.read())
        except (OSError, http.client.HTTPException) as e:
            raise Failure(f"{method} {path} on {self.name}: no answer ({type(e).__name__}: {e})")
        finally:
            conn.close()
        with self.lock:
            self.responses.append(res)
        return res

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, **kw):
        return self.request("POST", path, **kw)

    def expect(self, res, status, what):
        statuses = status if isinstance(status, (tuple, list, set)) else (status,)
        check(res.status in statuses, what, f"expected {'/'.join(map(str, statuses))}, got {res}")
        return res

    def stop(self, sig=signal.SIGTERM, wait=10):
        """Sends `sig` and waits; returns the exit code, or None when it did not stop in time."""
        if self.proc.poll() is None:
            try:
                self.proc.send_signal(sig)
            except ProcessLookupError:
                pass
            try:
                self.proc.wait(wait)
            except subprocess.TimeoutExpired:
                return None
        return self.proc.returncode

    def kill(self):
        if self.proc.poll() is None:
            try:
                self.proc.kill()
                self.proc.wait(10)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                pass
        self.out.close()
        self.err.close()


def multipart(parts):
    """parts: [(field, filename or None, bytes)] → (content type, body)."""
    boundary = "----maillage-test-" + uuid.uuid4().hex
    chunks = []
    for field, filename, content in parts:
        disposition = f'form-data; name="{field}"'
        if filename is not None:
            disposition += f'; filename="{filename}"'
        chunks.append(f"--{boundary}\r\nContent-Disposition: {disposition}\r\n".encode("utf-8"))
        if filename is not None:
            chunks.append(b"Content-Type: application/octet-stream\r\n")
        chunks.append(b"\r\n" + content + b"\r\n")
    chunks.append(f"--{boundary}--\r\n".encode())
    return "multipart/form-data; boundary=" + boundary, b"".join(chunks)


def upload(server, project, parts, **kw):
    ctype, body = multipart(parts)
    return server.post(f"/api/v1/projects/{project}/sheets", body=body, headers={"Content-Type": ctype}, token=True, **kw)


def wait_job(server, job, what):
    deadline = time.time() + JOB_TIMEOUT
    last = None
    while time.time() < deadline:
        r = server.get(f"/api/v1/jobs/{job}")
        if r.status != 200:
            raise Failure(f"{what}: GET /api/v1/jobs/{job}: expected 200, got {r}")
        last = r.json()
        if last.get("state") != "running":
            break
        time.sleep(0.25)
    else:
        raise Failure(f"{what}: job {job} still running after {JOB_TIMEOUT} s: {short(last)}")
    check(last.get("state") == "done", f"{what}: job {job} done",
          f"expected state done, got {last.get('state')!r}, error {last.get('error')!r}")
    return last


def started_job(res, what):
    body = res.json()
    check(res.status == 202 and isinstance(body.get("job"), str) and body["job"],
          f"{what} → 202 with a job", f"expected 202 and {{\"job\"}}, got {res}")
    return body


def overview(server, project="paca"):
    r = server.get(f"/api/v1/projects/{project}")
    if r.status != 200:
        raise Failure(f"GET /api/v1/projects/{project}: expected 200, got {r}")
    return r.json()


def editions_of(ov, territory):
    for t in ov.get("territories", []):
        if t.get("name") == territory or t.get("code") == territory:
            return {e.get("year"): e for e in t.get("editions", [])}
    return {}


def raw_exchange(host, port, data, wait=5.0):
    """Sends raw bytes, returns what came back (b"" when the server closed without a word)."""
    s = socket.create_connection((host, port), timeout=wait)
    try:
        s.sendall(data)
        s.settimeout(wait)
        got = b""
        try:
            while len(got) < 65536:
                chunk = s.recv(4096)
                if not chunk:
                    break
                got += chunk
        except (socket.timeout, ConnectionResetError):
            pass
        return got
    finally:
        s.close()


def oversized_post(server, path, size):
    """POSTs a multipart body of `size` bytes on a raw socket; reads the answer as soon as the
    server gives one (a server that refuses on the declared length answers before the body)."""
    boundary = "----maillage-big"
    head = (f'--{boundary}\r\nContent-Disposition: form-data; name="sheets"; filename="big.csv"\r\n'
            f"Content-Type: text/csv\r\n\r\n").encode()
    tail = f"\r\n--{boundary}--\r\n".encode()
    filler = size - len(head) - len(tail)
    headers = (f"POST {path} HTTP/1.1\r\nHost: {server.host_header}\r\nX-Maillage-Token: {server.token}\r\n"
               f"Content-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {size}\r\n"
               f"Connection: close\r\n\r\n").encode()
    s = socket.create_connection((server.connect_host, server.port), timeout=REQUEST_TIMEOUT)
    answer = b""
    try:
        s.sendall(headers)

        def readable(t):
            return bool(select.select([s], [], [], t)[0])

        if not readable(1.0):
            try:
                s.sendall(head)
                line = (b"Nom;Pr\xc3\xa9nom;Organisme;R\xc3\xb4le\r\n" * 4096)
                left = filler
                while left > 0:
                    if readable(0):
                        break
                    piece = line[:left]
                    s.sendall(piece)
                    left -= len(piece)
                else:
                    s.sendall(tail)
            except (BrokenPipeError, ConnectionResetError):
                pass
        s.settimeout(REQUEST_TIMEOUT)
        try:
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                answer += chunk
        except (ConnectionResetError, socket.timeout):
            pass
    finally:
        s.close()
    head_part, _, body = answer.partition(b"\r\n\r\n")
    m = re.match(rb"HTTP/1\.[01] (\d{3})", head_part)
    return (int(m.group(1)) if m else None), head_part.decode("latin-1"), body


def files_under(root):
    out = set()
    for d, _, names in os.walk(root, followlinks=False):
        for n in names:
            out.add(os.path.relpath(os.path.join(d, n), root))
    return out


def machine_address():
    """An address of this machine other than the loopback, as another machine would reach it."""
    for target in ("192.0.2.255", "10.255.255.255", "8.8.8.8"):
        try:
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            s.connect((target, 1))
            addr = s.getsockname()[0]
            s.close()
            if not addr.startswith("127.") and addr != "0.0.0.0":
                return addr
        except OSError:
            continue
    return None


# ---- the checks ----------------------------------------------------------------------------

class Run:
    def __init__(self, args):
        self.binary = os.path.abspath(args.binary)
        self.source = os.path.abspath(args.source)
        if args.work:
            os.makedirs(args.work, exist_ok=True)
            self.root = tempfile.mkdtemp(prefix="api-test-", dir=os.path.abspath(args.work))
        else:
            self.root = tempfile.mkdtemp(prefix="maillage-api-test-")
        self.remove_root = not args.keep
        self.projects = os.path.join(self.root, "projects")
        self.web = os.path.join(self.root, "web")
        self.logs = os.path.join(self.root, "logs")
        self.servers = []
        self.main = None
        self.imported = False

    def prepare(self):
        for p in (self.binary,):
            if not os.access(p, os.X_OK):
                raise Failure(f"not an executable: {p}")
        paca = os.path.join(self.source, "datasets", "paca")
        france = os.path.join(self.source, "datasets", "france")
        if not os.path.isfile(os.path.join(paca, "maillage.toml")) or not os.path.isdir(france):
            raise Failure(f"{self.source} has no datasets/paca/maillage.toml or datasets/france")
        os.makedirs(self.projects)
        os.makedirs(self.logs)
        os.makedirs(self.web)
        shutil.copytree(paca, os.path.join(self.projects, "paca"), symlinks=False,
                        ignore=shutil.ignore_patterns("*.gpkg", "*.gpkg-*", "envois", "maillage.quarantaine.csv"))
        os.symlink(france, os.path.join(self.projects, "france"))
        with open(os.path.join(self.web, "index.html"), "w", encoding="utf-8") as f:
            f.write('<!doctype html>\n<html lang="fr"><head><meta charset="utf-8">\n'
                    '<meta name="maillage-token" content="{{MAILLAGE_TOKEN}}">\n'
                    "<title>maillage test page</title></head><body>page</body></html>\n")

    def start(self, name, projects=None, extra=()):
        s = Server(self.binary, projects or self.projects, self.web, self.logs, name, extra)
        self.servers.append(s)
        return s

    def cleanup(self):
        for s in self.servers:
            s.kill()

    def leak_free(self, responses, what):
        """No answer names a folder of the server (the projects folder, the work folder)."""
        paths = {self.projects, os.path.realpath(self.projects), self.root, os.path.realpath(self.root)}
        for r in responses:
            blob = r.body.decode("utf-8", "replace") + "\n" + "\n".join(f"{k}: {v}" for k, v in r.headers)
            for p in paths:
                # JSON may escape "/" as "\/"
                if p in blob or p.replace("/", "\\/") in blob:
                    raise Failure(f"{what}: the answer to {r.method} {r.path} names the server's folder {p}: "
                                  f"{short(blob[max(0, blob.find(p) - 200):blob.find(p) + 200])}")
        ok(f"{what}: none of {len(responses)} answers names the server's folder ({self.projects})")

    # 1 ------------------------------------------------------------------------------------
    def page(self):
        s = self.main = self.start("main")
        check(s.scheme == "http" and s.host == "127.0.0.1" and "token=" not in s.first_line,
              f"the server prints its loopback address without a token: {s.first_line}")
        r = s.expect(s.get("/"), 200, "GET / → 200")
        m = re.search(r'<meta name="maillage-token" content="([^"]*)"', r.text)
        check(m is not None and "{{MAILLAGE_TOKEN}}" not in r.text and re.fullmatch(r"[0-9a-f]{32,}", m.group(1) or ""),
              "GET /: the page carries the token in its meta tag (placeholder filled in)", short(r.text))
        s.token = m.group(1)
        csp = r.header("Content-Security-Policy") or ""
        check("default-src" in csp and "frame-ancestors 'none'" in csp and "object-src 'none'" in csp,
              "GET /: Content-Security-Policy header (default-src, object-src 'none', frame-ancestors 'none')",
              f"got {csp!r}")
        check((r.header("X-Frame-Options") or "").upper() == "DENY", "GET /: X-Frame-Options DENY",
              f"got {r.header('X-Frame-Options')!r}")
        check((r.header("X-Content-Type-Options") or "").lower() == "nosniff", "GET /: X-Content-Type-Options nosniff",
              f"got {r.header('X-Content-Type-Options')!r}")
        r = s.get("/api/v1/session")
        body = r.json()
        check(r.status == 200 and body.get("folder") == "projects" and body.get("read_only") is False,
              "GET /api/v1/session: the projects folder by its name only", str(r))

    # 2 ------------------------------------------------------------------------------------
    def token_and_import(self):
        s = self.main
        path = "/api/v1/projects/paca/import"
        r = s.post(path)
        check(r.status == 403 and "error" in r.json(), "POST import without X-Maillage-Token → 403 with an error",
              f"expected 403, got {r}")
        wrong = "0" * len(s.token) if s.token[0] != "0" else "1" * len(s.token)
        r = s.post(path, headers={"X-Maillage-Token": wrong})
        check(r.status == 403, "POST import with a wrong token → 403", f"expected 403, got {r}")
        r = s.post(path, headers={"Cookie": "maillage_token=" + s.token})
        check(r.status == 403, "POST import with the token as a cookie only (no header) → 403", f"expected 403, got {r}")
        r = s.post(path, token=True)
        job = started_job(r, "POST import with the token")["job"]
        j = wait_job(s, job, "import of the example")
        res = j.get("result") or {}
        files = res.get("files") or []
        check(len(files) == EXAMPLE_FILES, f"import: result.files has {EXAMPLE_FILES} entries",
              f"got {len(files)}: {short(files)}")
        check(all(f.get("status") in ("taken", "partial") for f in files),
              "import: every sheet taken (some partially)", short([f for f in files if f.get('status') not in ('taken', 'partial')]))
        check(isinstance(res.get("set_aside"), list) and len(res["set_aside"]) > 0,
              f"import: result.set_aside non-empty ({len(res.get('set_aside') or [])} rows set aside)", short(res.get("set_aside")))
        check(all(not os.path.isabs(f.get("file", "/")) for f in files), "import: sheets named within the project",
              short([f.get("file") for f in files][:5]))
        ov = overview(s)
        check(ov.get("imported") is True and ov.get("organisations", 0) > 0 and ov.get("people", 0) > 0,
              f"GET /api/v1/projects/paca: imported, organisations {ov.get('organisations')} > 0, people {ov.get('people')} > 0",
              short({k: v for k, v in ov.items() if k != 'territories'}))
        # what is named but does not exist is 404 with the command's sentence (NotFoundError),
        # a refusal of another kind stays 400
        r = s.get("/api/v1/projects/paca/territories/Atlantide/network")
        err = r.json().get("error", "") if r.status == 404 else ""
        check(r.status == 404 and "Atlantide" in err and "Var" in err,
              f"GET …/territories/Atlantide/network → 404 naming the territories present: {err!r}", f"got {r}")
        r = s.get("/api/v1/projects/paca/territories/Var/network?edition=1900")
        check(r.status == 404, "GET …/territories/Var/network?edition=1900 → 404 (no such edition)", f"got {r}")
        self.imported = True

    # 3 ------------------------------------------------------------------------------------
    def host_check(self):
        s = self.main
        r = s.get("/api/v1/projects", host=f"evil.example:{s.port}")
        check(r.status == 403, f"GET /api/v1/projects with Host: evil.example:{s.port} → 403", f"got {r}")
        r = s.get("/", host=f"evil.example:{s.port}")
        check(r.status == 403 and s.token not in r.text, "GET / with a foreign Host → 403, and no token in the answer", f"got {r}")
        r = s.post("/api/v1/projects/paca/import", host=f"evil.example:{s.port}", token=True)
        check(r.status == 403, "POST import with the right token but a foreign Host → 403", f"got {r}")
        r = s.get("/api/v1/projects", host=f"127.0.0.1:{s.port + 1 if s.port < 65535 else s.port - 1}")
        check(r.status == 403, "GET with Host: 127.0.0.1 on another port → 403", f"got {r}")
        r = s.get("/api/v1/projects", host=f"localhost:{s.port}")
        check(r.status == 200, f"GET with Host: localhost:{s.port} → 200 (the loopback's own names work)", f"got {r}")

    # 4 ------------------------------------------------------------------------------------
    def upload_checks(self):
        s = self.main
        known = open(os.path.join(self.projects, "paca", KNOWN_SHEET), "rb").read()
        envois = os.path.join(self.projects, "paca", "envois")
        before = files_under(self.root)
        # the control: a real sheet (one the project already has) is accepted
        r = upload(s, "paca", [("sheets", "controle.csv", known)])
        started = started_job(r, "upload of a real CSV sheet (the control for the refusals below)")
        j = wait_job(s, started["job"], "upload of a sheet the project has")
        st = [f.get("status") for f in (j.get("result") or {}).get("files", [])]
        check(st == ["known"], "a sheet the project already has comes back as \"known\"", f"got {short(j.get('result'))}")

        r = upload(s, "paca", [("sheets", "outil.exe", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 100)])
        check(r.status == 415 and "error" in r.json(), "upload of outil.exe → 415 with an error", f"got {r}")
        r = upload(s, "paca", [("sheets", "x.xlsx", "Nom;Prénom;Organisme\nMartin;Hélène;ML Toulon\n".encode())])
        check(r.status == 415 and "error" in r.json(), "upload of x.xlsx holding plain text → 415", f"got {r}")
        r = upload(s, "paca", [("sheets", "nuls.csv", b"Nom;Pr\xc3\xa9nom\r\nMartin;H\x00l\x00ne\r\n")])
        check(r.status == 415 and "error" in r.json(), "upload of a .csv holding NUL bytes → 415", f"got {r}")
        zipped = open(os.path.join(self.projects, "paca", "editions", "83-var", "2021-emargements.xlsx"), "rb").read()
        r = upload(s, "paca", [("sheets", "classeur.csv", zipped)])
        check(r.status == 415, "upload of a workbook (zip) named .csv → 415", f"got {r}")
        r = upload(s, "paca", [("sheets", "bon.csv", known), ("sheets", "outil.exe", b"MZ")])
        check(r.status == 415, "upload of a good sheet with an .exe beside it → 415 (the whole upload)", f"got {r}")
        after = files_under(self.root)
        new = sorted(p for p in after - before if not p.startswith("logs/"))
        leftovers = [p for p in new if p.endswith(("outil.exe", "x.xlsx", "nuls.csv", "classeur.csv", "bon.csv"))]
        check(not leftovers, "refused uploads leave no file behind", f"found {leftovers}")
        r = upload(s, "nope", [("sheets", "controle.csv", known)])
        check(r.status == 404, "upload to an unknown project → 404", f"got {r}")
        r = s.post("/api/v1/projects/paca/sheets", token=True, body=b"{}", headers={"Content-Type": "application/json"})
        check(r.status == 400 and "error" in r.json(), "POST sheets without a multipart body → 400 with an error", f"got {r}")

    def upload_path(self):
        s = self.main
        known = open(os.path.join(self.projects, "paca", KNOWN_SHEET), "rb").read()
        envois = os.path.join(self.projects, "paca", "envois")
        # a path in the file's name: the file stays inside the project's envois/
        before = files_under(self.root)
        r = upload(s, "paca", [("sheets", "../../evil.csv", known)])
        started = started_job(r, "upload named ../../evil.csv")
        wait_job(s, started["job"], "upload named ../../evil.csv")
        after = files_under(self.root)
        new = sorted(p for p in after - before if not p.startswith("logs/"))
        envois_rel = os.path.relpath(envois, self.root) + os.sep
        outside = [p for p in new if not p.startswith(envois_rel) and not os.path.basename(p).startswith("maillage.")]
        inside = [p for p in new if p.startswith(envois_rel) and os.path.basename(p) == "evil.csv"]
        check(not outside and not os.path.exists(os.path.join(self.root, "evil.csv"))
              and not os.path.exists(os.path.join(self.projects, "evil.csv")),
              "../../evil.csv: no file appeared outside PROJECTS/paca/envois/", f"new files outside: {outside}")
        check(len(inside) == 1 and os.path.dirname(inside[0]) != envois_rel.rstrip(os.sep),
              f"../../evil.csv was kept as {inside[0] if inside else '?'} (inside the upload's folder)",
              f"new files: {new}")

    def upload_size(self):
        """A body over the limit → 413 with a sentence: a second server with --max-upload 1 when
        the binary has that option, else 51 MiB against the default 50 MiB."""
        help_text = subprocess.run([self.binary, "serve", "--help"], capture_output=True, timeout=30).stdout.decode("utf-8", "replace")
        if "--max-upload" in help_text:
            projects = os.path.join(self.root, "projects-small")
            os.makedirs(projects)
            s = self.start("small", projects, ["--max-upload", "1"])
            s.token = re.search(r'content="([0-9a-f]+)"', s.get("/").text).group(1)
            limit, label = 1 << 20, "--max-upload 1"
        else:
            s, limit, label = self.main, LIMIT, "the default limit"
        size = limit + (1 << 20) if limit >= (50 << 20) else limit + (64 << 10)
        status, head, body = oversized_post(s, "/api/v1/projects/paca/sheets", size)
        check(status == 413, f"upload of {size} bytes ({label}: {limit} bytes) → 413",
              f"expected 413, got {status}: {short(head)}")
        err = None
        try:
            err = json.loads(body.decode("utf-8")).get("error")
        except (ValueError, UnicodeDecodeError, AttributeError):
            pass
        check(isinstance(err, str) and len(err.split()) >= 3, f"the 413 answer carries {{\"error\": a sentence}}: {err!r}",
              f"got headers {short(head, 300)!r} and body {short(body)!r}")
        status, head, body = oversized_post(s, "/api/v1/projects/nope/sheets", limit - (16 << 10))
        check(status == 404, f"an upload just under the limit ({limit - (16 << 10)} bytes) is read (404 for the unknown project, not 413)",
              f"expected 404, got {status}: {short(head)} {short(body)}")
        r = s.get("/api/v1/session")
        check(r.status == 200, "the server still answers after the oversized upload", f"got {r}")
        if s is not self.main:
            code = s.stop()
            check(code == 0, f"the {label} server stops on SIGTERM with exit code 0", f"got {code}")

    # 5 ------------------------------------------------------------------------------------
    def bad_sheet(self):
        s = self.main
        with open(os.path.join(DATA, BAD_SHEET), "rb") as f:
            content = f.read()
        before = overview(s)
        check(2020 not in editions_of(before, "Var"), "before: the Var has no 2020 edition", short(editions_of(before, "Var")))
        r = upload(s, "paca", [("sheets", BAD_SHEET, content)])
        started = started_job(r, f"upload of {BAD_SHEET}")
        check(isinstance(started.get("upload"), str) and started["upload"], "the upload answer names the upload",
              short(started))
        upload_id = started["upload"]
        j = wait_job(s, started["job"], f"ingest of {BAD_SHEET}")
        res = j.get("result") or {}
        files = res.get("files") or []
        check(len(files) == 1 and files[0].get("status") == "refused" and files[0].get("file") == BAD_SHEET,
              f"{BAD_SHEET}: refused, named by its name only", f"got files {short(files)}")
        problems = [p for p in res.get("problems", []) if p.get("severity") == "error"]
        role = [p for p in problems if p.get("line") == 5]
        check(len(role) == 1, "one error at line 5 (the unknown role)", f"got problems {short(res.get('problems'), 1200)}")
        p = role[0]
        check(p.get("file") == BAD_SHEET, f"the problem names the file by its name only: {p.get('file')!r}", short(p))
        check(p.get("column") == 10, "the problem gives the column (10, Rôle)", short(p))
        check("animateur de table" in (p.get("message") or ""), "the problem's message quotes the unknown role", short(p))
        row = p.get("row") or ""
        check("Bellanger" in row and "animateur de table" in row, f"the problem carries the row's text: {short(row, 120)!r}",
              short(p))
        check(res.get("can_take_good_rows") is True, "can_take_good_rows is true", short(res))
        check(res.get("upload") == upload_id, "the result names the upload", short(res))
        mid = overview(s)
        check(mid.get("people") == before.get("people") and mid.get("organisations") == before.get("organisations")
              and 2020 not in editions_of(mid, "Var"),
              "a refused sheet leaves nothing in the project (counts unchanged, no Var 2020)",
              f"before {before.get('people')}/{before.get('organisations')}, after {mid.get('people')}/{mid.get('organisations')}")

        r = s.post(f"/api/v1/projects/paca/uploads/{upload_id}/accept-partial", token=True)
        started = started_job(r, "POST …/uploads/{upload}/accept-partial")
        j = wait_job(s, started["job"], "taking the good rows")
        res = j.get("result") or {}
        files = res.get("files") or []
        check(len(files) == 1 and files[0].get("status") == "partial" and files[0].get("set_aside") == 1
              and files[0].get("file") == BAD_SHEET,
              f"{BAD_SHEET} now \"partial\" with set_aside 1", f"got files {short(files)}")
        aside = res.get("set_aside") or []
        check(len(aside) == 1 and aside[0].get("file") == BAD_SHEET and aside[0].get("line") == 5,
              "the set-aside row is line 5 of the sheet, named by its name only", short(aside))
        after = overview(s)
        var = editions_of(after, "Var")
        check(after.get("people", 0) > before.get("people", 0),
              f"counts moved: people {before.get('people')} → {after.get('people')}, "
              f"organisations {before.get('organisations')} → {after.get('organisations')}",
              short({k: v for k, v in after.items() if k != 'territories'}))
        check(2020 in var and var[2020].get("rows") == 6, "the Var now has a 2020 edition of 6 rows", short(var))
        r = s.post(f"/api/v1/projects/paca/uploads/{upload_id}/accept-partial", token=True)
        check(r.status == 400, "accept-partial again on the same upload → 400 (nothing left to take)", f"got {r}")
        r = s.post("/api/v1/projects/paca/uploads/0000000000000000/accept-partial", token=True)
        check(r.status == 404, "accept-partial of an unknown upload → 404", f"got {r}")
        self.leak_free(s.responses, "no server path")

    # 6 ------------------------------------------------------------------------------------
    def decisions(self, server=None, project="paca"):
        s = server or self.main
        r = s.get(f"/api/v1/projects/{project}/questions")
        check(r.status == 200, "GET /api/v1/projects/paca/questions → 200", str(r))
        questions = r.json().get("questions") or []
        pairs, seen = [], set()
        for q in questions:
            key = (q.get("about"), q.get("first"), q.get("second"))
            if key in seen or not q.get("first") or not q.get("second"):
                continue
            seen.add(key)
            pairs.append(q)
        check(len(pairs) >= 2, f"at least two questions to answer ({len(pairs)})", short(questions))
        pairs = pairs[:6] if len(pairs) >= 6 else pairs[:4] if len(pairs) >= 4 else pairs[:2]
        r = s.get(f"/api/v1/projects/{project}/decisions")
        before = r.json().get("decisions") or []

        def decide(q, out, i):
            out[i] = s.post(f"/api/v1/projects/{project}/decisions", token=True,
                            json_body={"first": q["first"], "second": q["second"], "verdict": "different",
                                       "people": q.get("about") == "people"})

        for start in range(0, len(pairs), 2):
            two = pairs[start:start + 2]
            out = [None, None]
            barrier = threading.Barrier(2)

            def run(i):
                barrier.wait()
                decide(two[i], out, i)

            threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
            for t in threads:
                t.start()
            for t in threads:
                t.join(REQUEST_TIMEOUT + 10)
            for i, q in enumerate(two):
                res = out[i]
                check(res is not None and res.status == 200 and "message" in res.json(),
                      f"decision \"different\" on « {q['first']} » / « {q['second']} » (posted at the same time as another) → 200",
                      f"got {res}")

        def listed(decisions, q):
            return [d for d in decisions if d.get("about") == q.get("about") and d.get("verdict") == "different"
                    and {d.get("first"), d.get("second")} == {q["first"], q["second"]}]

        after = s.get(f"/api/v1/projects/{project}/decisions").json().get("decisions") or []
        missing = [f"{q['first']} / {q['second']}" for q in pairs if len(listed(after, q)) != 1]
        check(not missing, f"GET decisions lists all {len(pairs)} decisions posted at the same time (none lost)",
              f"missing or doubled: {missing}; decisions: {short(after, 2000)}")
        check(len(after) == len(before) + len(pairs), f"decisions: {len(before)} before + {len(pairs)} = {len(after)}",
              short(after, 2000))
        still = s.get(f"/api/v1/projects/{project}/questions").json().get("questions") or []
        asked = [q for q in pairs if any({x.get("first"), x.get("second")} == {q["first"], q["second"]} for x in still)]
        check(not asked, "the questions answered are no longer asked", short(asked))

        undone = pairs[0]
        r = s.post(f"/api/v1/projects/{project}/decisions/undo", token=True,
                   json_body={"first": undone["first"], "second": undone["second"], "people": undone.get("about") == "people"})
        check(r.status == 200, f"undo « {undone['first']} » / « {undone['second']} » → 200", f"got {r}")
        final = s.get(f"/api/v1/projects/{project}/decisions").json().get("decisions") or []
        check(not listed(final, undone), "the undone decision is gone", short(final, 2000))
        kept = [q for q in pairs[1:] if len(listed(final, q)) != 1]
        check(not kept and len(final) == len(after) - 1, f"the other {len(pairs) - 1} decisions (and the earlier ones) stay",
              f"missing: {kept}; decisions: {short(final, 2000)}")
        r = s.post(f"/api/v1/projects/{project}/decisions", token=True,
                   json_body={"first": pairs[1]["first"], "second": pairs[1]["second"], "verdict": "peut-être"})
        check(r.status == 400 and "error" in r.json(), "a decision with an unknown verdict → 400 with an error", f"got {r}")

    # 7 ------------------------------------------------------------------------------------
    def create_project(self):
        s = self.main
        name = "<img src=x onerror=alert(1)>"
        r = s.post("/api/v1/projects", token=True, json_body={"name": name, "territories": [{"kind": "departement", "code": "13"}]})
        check(r.status == 201, "POST /api/v1/projects (name <img src=x onerror=alert(1)>, département 13) → 201", f"got {r}")
        pid = r.json().get("id") or ""
        check(re.fullmatch(r"[a-z0-9-]+", pid) is not None, f"the new project's id is a safe folder name: {pid!r}", str(r))
        check(os.path.isfile(os.path.join(self.projects, pid, "maillage.toml")), f"PROJECTS/{pid}/maillage.toml written",
              str(sorted(os.listdir(self.projects))))
        r = s.get("/api/v1/projects")
        projects = r.json().get("projects") or []
        mine = [p for p in projects if p.get("id") == pid]
        check(len(mine) == 1 and mine[0].get("name") == name, "GET /api/v1/projects gives the name verbatim",
              short(projects))
        check(json.dumps(name, ensure_ascii=False) in r.text or json.dumps(name) in r.text,
              "the name is JSON text in the answer (a string, quoted as JSON)", short(r.text))
        check((r.header("Content-Type") or "").startswith("application/json"), "GET /api/v1/projects is application/json",
              str(r.header("Content-Type")))
        r = s.get(f"/api/v1/projects/{pid}")
        check(r.status == 200 and r.json().get("name") == name and r.json().get("imported") is False,
              "GET /api/v1/projects/{id}: the new project, not imported, its name verbatim", str(r))
        listing = set(os.listdir(self.projects))
        r = s.post("/api/v1/projects", token=True,
                   json_body={"name": "Projet fantôme", "territories": [{"kind": "departement", "code": "999"}]})
        err = r.json().get("error") if r.status == 400 else None
        check(r.status == 400 and isinstance(err, str) and len(err.split()) >= 3 and "999" in err,
              f"POST /api/v1/projects with département 999 → 400: {err!r}", f"got {r}")
        check(set(os.listdir(self.projects)) == listing, "…and no folder made for it",
              str(set(os.listdir(self.projects)) ^ listing))
        for bad in ("..", "../paca", ".hidden", "paca%2F..%2F.."):
            r = s.get("/api/v1/projects/" + bad)
            check(r.status in (400, 404), f"GET /api/v1/projects/{bad} → 404/400", f"got {r}")

    # 8 ------------------------------------------------------------------------------------
    def exposed(self):
        projects = os.path.join(self.root, "projects-exposed")
        os.makedirs(projects)
        s = self.start("exposed", projects, ["--listen", "0.0.0.0"])
        m = re.search(r"[?&]token=([0-9A-Za-z]+)", s.first_line)
        check(m is not None, f"--listen 0.0.0.0: the first line carries ?token=: {s.first_line}")
        s.token = m.group(1)
        err = s.stderr()
        check(re.search(r"ATTENTION|WARNING", err) is not None and "HTTPS" in err,
              "stderr carries a loud warning about no HTTPS", f"stderr: {short(err)}")
        r = s.get("/api/v1/projects?lang=en")
        check(r.status == 403 and "token" in r.json().get("error", ""),
              f"GET /api/v1/projects without token (Host {s.host_header}) → 403 for the token", f"got {r}")
        r = s.get("/api/v1/projects", headers={"Cookie": "maillage_token=" + "f" * len(s.token)})
        check(r.status == 403, "…with a wrong cookie → 403", f"got {r}")
        r = s.get("/?token=" + "f" * len(s.token))
        check(r.status == 403 and not r.all_headers("Set-Cookie"), "GET /?token=WRONG → 403, no cookie", f"got {r}")
        r = s.get("/?token=" + s.token)
        check(r.status in (302, 303) and (r.header("Location") or "") in ("/", f"{s.scheme}://{s.hostport}/"),
              f"GET /?token=TOKEN → {r.status} to /", f"got {r}, Location {r.header('Location')!r}")
        cookies = r.all_headers("Set-Cookie")
        cookie = next((c for c in cookies if c.startswith("maillage_token=")), "")
        attrs = [a.strip().lower() for a in cookie.split(";")]
        check(cookie.split(";")[0] == "maillage_token=" + s.token and "httponly" in attrs and "samesite=strict" in attrs,
              "…with Set-Cookie maillage_token=TOKEN; HttpOnly; SameSite=Strict", f"got {cookies}")
        jar = "maillage_token=" + s.token
        r = s.get("/api/v1/projects", headers={"Cookie": jar})
        check(r.status == 200 and "projects" in r.json(), "GET /api/v1/projects with that cookie → 200", f"got {r}")
        r = s.get("/", headers={"Cookie": jar})
        check(r.status == 200 and s.token in r.text, "GET / with the cookie → 200, the page with its token", f"got {r}")
        r = s.post("/api/v1/projects", headers={"Cookie": jar},
                   json_body={"name": "Sans en-tête", "territories": [{"kind": "departement", "code": "05"}]})
        check(r.status == 403, "POST with the cookie but no X-Maillage-Token header → 403", f"got {r}")
        # The address another machine (or a browser on this one) uses must work: the server
        # listens on every interface, so a request naming this machine's address is legitimate.
        addr = machine_address() or "127.0.0.1"
        r = s.get("/?token=" + s.token, host=f"{addr}:{s.port}", connect_host=addr)
        check(r.status in (302, 303),
              f"--listen 0.0.0.0 is usable from another machine: GET /?token=TOKEN to {addr}:{s.port} "
              f"with Host: {addr}:{s.port} → 302/303",
              f"expected 302/303 (the printed address names 0.0.0.0, which no other machine can open; the server "
              f"accepts only Host values {{{s.host_header}}}), got {r}")
        r = s.get("/api/v1/projects", host=f"{addr}:{s.port}", connect_host=addr, headers={"Cookie": jar})
        check(r.status == 200, f"…and GET /api/v1/projects with the cookie and Host: {addr}:{s.port} → 200", f"got {r}")

    def exposed_on_address(self):
        """The same with --listen naming this machine's address: reachable under that address."""
        addr = machine_address()
        if addr is None:
            ok("no address of this machine besides the loopback: --listen ADDRESS not tried")
            return
        projects = os.path.join(self.root, "projects-address")
        os.makedirs(projects)
        s = self.start("address", projects, ["--listen", addr])
        m = re.search(r"[?&]token=([0-9A-Za-z]+)", s.first_line)
        check(m is not None and s.host == addr, f"--listen {addr}: the first line names {addr} and carries ?token=",
              s.first_line)
        s.token = m.group(1)
        r = s.get("/api/v1/projects", connect_host=addr)
        check(r.status == 403, f"GET /api/v1/projects at {s.host_header} without token → 403", f"got {r}")
        r = s.get("/?token=" + s.token, connect_host=addr)
        cookie = next((c for c in r.all_headers("Set-Cookie") if c.startswith("maillage_token=")), "")
        check(r.status in (302, 303) and cookie, f"GET /?token=TOKEN at {s.host_header} → {r.status} with the cookie", f"got {r}")
        r = s.get("/api/v1/projects", connect_host=addr, headers={"Cookie": cookie.split(";")[0]})
        check(r.status == 200, f"GET /api/v1/projects at {s.host_header} with the cookie → 200", f"got {r}")
        code = s.stop()
        check(code == 0, "it stops on SIGTERM with exit code 0", f"got {code}")

    # 9 ------------------------------------------------------------------------------------
    def https(self):
        tls = os.path.join(self.root, "tls")
        os.makedirs(tls)
        cert, key = os.path.join(tls, "c.pem"), os.path.join(tls, "k.pem")
        try:
            p = subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                                "-subj", "/CN=localhost", "-keyout", key, "-out", cert],
                               capture_output=True, timeout=120)
        except FileNotFoundError:
            raise Failure("openssl is not installed: it makes the self-signed certificate of the HTTPS checks")
        if p.returncode != 0:
            raise Failure(f"openssl req failed: {short(p.stderr)}")
        projects = os.path.join(self.root, "projects-tls")
        os.makedirs(projects)
        s = self.start("tls", projects, ["--tls-cert", cert, "--tls-key", key])
        check(s.scheme == "https", f"--tls-cert/--tls-key: the printed address is https://: {s.first_line}")
        r = s.get("/")
        check(r.status == 200 and re.search(r'content="[0-9a-f]{32,}"', r.text) is not None,
              "GET / over TLS → 200 with the page", f"got {r}")
        s.token = re.search(r'content="([0-9a-f]+)"', r.text).group(1)
        r = s.get("/api/v1/session")
        check(r.status == 200, "GET /api/v1/session over TLS → 200", f"got {r}")
        got = raw_exchange("127.0.0.1", s.port,
                           f"GET / HTTP/1.1\r\nHost: {s.host_header}\r\nConnection: close\r\n\r\n".encode())
        check(not got.startswith(b"HTTP/"), "plain HTTP on the TLS port gets no HTTP answer", f"got {short(got)}")
        r = s.get("/")
        check(r.status == 200, "the TLS server still answers after the plain-HTTP attempt", f"got {r}")

        env = dict(os.environ)
        env["MAILLAGE_WEB"] = self.web
        try:
            p = subprocess.run([self.binary, "serve", projects, "--port", "0", "--tls-cert", cert],
                               capture_output=True, timeout=30, env=env)
            code, err = p.returncode, p.stderr.decode("utf-8", "replace")
        except subprocess.TimeoutExpired as e:
            code, err = "still running after 30 s", (e.stderr or b"").decode("utf-8", "replace")
        check(code == 2 and "--tls-key" in err, "--tls-cert alone → exit code 2 with a message naming --tls-key",
              f"got exit {code}, stderr {short(err)!r}")
        try:
            p = subprocess.run([self.binary, "serve", projects, "--port", "0", "--tls-key", key],
                               capture_output=True, timeout=30, env=env)
            code, err = p.returncode, p.stderr.decode("utf-8", "replace")
        except subprocess.TimeoutExpired as e:
            code, err = "still running after 30 s", (e.stderr or b"").decode("utf-8", "replace")
        check(code == 2 and "--tls-cert" in err, "--tls-key alone → exit code 2 with a message naming --tls-cert",
              f"got exit {code}, stderr {short(err)!r}")
        code = s.stop()
        check(code == 0, "the TLS server stops on SIGTERM with exit code 0", f"got {code}")

    # 10 -----------------------------------------------------------------------------------
    def sigterm(self):
        s = self.main
        r = s.get("/api/v1/session")
        check(r.status == 200, "the main server still answers before SIGTERM", str(r))
        t0 = time.time()
        code = s.stop(signal.SIGTERM, 10)
        check(code == 0, f"SIGTERM: the server exits with code 0 within 10 s ({time.time() - t0:.1f} s)",
              f"got {'no exit within 10 s' if code is None else 'exit code %s' % code}; stderr: {short(s.stderr())}")
        self.leak_free(s.responses, "no server path (whole run)")


    # 11 -----------------------------------------------------------------------------------
    def sigterm_during_jobs(self):
        """SIGTERM while an import runs and an upload's ingest waits behind it: the server lets
        both finish (the store stays whole), then exits 0."""
        projects = os.path.join(self.root, "projects-drain")
        os.makedirs(projects)
        shutil.copytree(os.path.join(self.source, "datasets", "paca"), os.path.join(projects, "paca"),
                        ignore=shutil.ignore_patterns("*.gpkg", "*.gpkg-*", "envois", "maillage.quarantaine.csv"))
        os.symlink(os.path.join(self.source, "datasets", "france"), os.path.join(projects, "france"))
        s = self.start("drain", projects)
        s.token = re.search(r'content="([0-9a-f]+)"', s.get("/").text).group(1)
        imp = started_job(s.post("/api/v1/projects/paca/import", token=True), "drain: POST import")["job"]
        with open(os.path.join(DATA, BAD_SHEET), "rb") as f:
            content = f.read()
        r = upload(s, "paca", [("sheets", BAD_SHEET, content), ("accept_partial", None, b"1")])
        up = started_job(r, "drain: upload with accept_partial=1 while the import runs")["job"]
        states = {j: s.get(f"/api/v1/jobs/{j}").json().get("state") for j in (imp, up)}
        check(states[up] == "running", f"drain: SIGTERM sent while jobs run ({states})", short(states))
        t0 = time.time()
        code = s.stop(signal.SIGTERM, JOB_TIMEOUT)
        check(code == 0, f"SIGTERM while an import and an upload run: exit code 0 once they are done ({time.time() - t0:.1f} s)",
              f"got {'no exit within %d s (deadlock?)' % JOB_TIMEOUT if code is None else 'exit code %s' % code}; "
              f"stderr: {short(s.stderr())}")
        s = self.start("drain-again", projects)
        ov = overview(s)
        var = editions_of(ov, "Var")
        check(ov.get("imported") is True and 2020 in var and var[2020].get("rows") == 6,
              "drain: after the restart the project holds the import and the upload's good rows (Var 2020: 6 rows)",
              short(var))
        code = s.stop()
        check(code == 0, "drain: the restarted server stops with exit code 0", f"got {code}")


def team_in_postgis(run, conninfo):
    """12. A team's project kept in PostGIS (the manifest's `store`): imported, then two browsers
    deciding at once lose no decision — the store's transactions on PostgreSQL."""
    m = re.search(r"host=(\S+)", conninfo)
    db = "maillage_workspace"
    psql = ["psql", "-h", m.group(1) if m else "/tmp", "-U", "maillage", "-v", "ON_ERROR_STOP=1", "-q"]
    subprocess.run(psql + ["-d", "postgres", "-c", f"DROP DATABASE IF EXISTS {db}", "-c", f"CREATE DATABASE {db}"],
                   check=True, env={**os.environ, "PGOPTIONS": "-c client_min_messages=warning"})
    subprocess.run(psql + ["-d", db, "-c", "CREATE EXTENSION postgis"], check=True)
    store = re.sub(r"dbname=\S+", f"dbname={db}", conninfo)
    team = os.path.join(run.projects, "equipe")
    shutil.copytree(os.path.join(run.source, "datasets", "paca"), team,
                    ignore=shutil.ignore_patterns("*.gpkg", "*.gpkg-*", "envois", "maillage.quarantaine.csv"))
    manifest = os.path.join(team, "maillage.toml")
    with open(manifest, encoding="utf-8") as f:
        text = f.read()
    with open(manifest, "w", encoding="utf-8") as f:
        f.write(f'store = "{store}"\n' + text)
    s = run.main
    r = s.post("/api/v1/projects/equipe/import", token=True)
    job = started_job(r, "POST import (project in PostGIS)")["job"]
    result = wait_job(s, job, "import into PostGIS").get("result") or {}
    check(len(result.get("files") or []) == 49, "the PostGIS project took the 49 sheets", short(result))
    ov = overview(s, "equipe")
    check(ov.get("imported") is True and ov.get("organisations", 0) > 0, "the PostGIS project's overview has its counts",
          short(ov))
    check(not os.path.exists(os.path.join(team, "maillage.gpkg")), "no GeoPackage made beside a project kept in PostGIS")
    run.decisions(s, "equipe")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--binary", required=True, help="the maillage executable")
    ap.add_argument("--source", required=True, help="the source tree (datasets/paca, datasets/france)")
    ap.add_argument("--work", help="folder to work in (a new subfolder is made for each run)")
    ap.add_argument("--keep", action="store_true", help="keep the run's folder on success too (it is always kept on failure)")
    ap.add_argument("--keep-going", action="store_true", help="after a failing group of checks, go on with the next")
    ap.add_argument("--pg", help="a PG: connection to a PostGIS cluster: adds group 12 (a team's project in PostGIS)")
    args = ap.parse_args()
    # ctest's timeout (SIGTERM) still runs the finally below: the servers are killed.
    def interrupted(*_):
        raise KeyboardInterrupt()

    signal.signal(signal.SIGTERM, interrupted)
    t0 = time.time()
    run = Run(args)
    groups = [("1. the page", run.page), ("2. token and import", run.token_and_import), ("3. Host check", run.host_check),
              ("4a. upload type", run.upload_checks), ("4b. upload size", run.upload_size),
              ("4c. a path in the file's name", run.upload_path), ("5. a bad sheet", run.bad_sheet),
              ("6. concurrent decisions", run.decisions), ("7. project creation", run.create_project),
              ("8. beyond the loopback", run.exposed),
              ("8b. listening on this machine's address", run.exposed_on_address), ("9. HTTPS", run.https), ("10. SIGTERM", run.sigterm),
              ("11. SIGTERM while jobs run", run.sigterm_during_jobs)]
    if args.pg:
        groups.insert(8, ("12. a team's project in PostGIS", lambda: team_in_postgis(run, args.pg)))
    failures = []
    try:
        try:
            run.prepare()
        except Failure as e:
            print(f"FAIL: setup: {e}", flush=True)
            return 1
        print(f"work folder: {run.root}", flush=True)
        for title, fn in groups:
            print(f"-- {title}", flush=True)
            if title.startswith("10.") and run.main is None:
                failures.append((title, "no main server"))
                continue
            try:
                fn()
            except Failure as e:
                print(f"FAIL: {e}", flush=True)
                failures.append((title, str(e)))
                if not args.keep_going:
                    break
            except Exception as e:  # a bug of the test or an unexpected answer shape
                print(f"FAIL: {title}: unexpected {type(e).__name__}: {e}", flush=True)
                failures.append((title, repr(e)))
                if not args.keep_going:
                    break
    except KeyboardInterrupt:
        print("FAIL: interrupted", flush=True)
        failures.append(("interrupted", ""))
    finally:
        run.cleanup()
    elapsed = time.time() - t0
    if failures:
        print(f"FAILED ({len(failures)} group(s): {', '.join(t for t, _ in failures)}) in {elapsed:.0f} s; "
              f"server output and files kept in {run.root}", flush=True)
        return 1
    print(f"all checks passed in {elapsed:.0f} s", flush=True)
    if run.remove_root:
        shutil.rmtree(run.root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
