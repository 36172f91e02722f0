#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A stand-in for `maillage serve` while developing the page: serves a built page (index.html
with its token filled in) and the JSON API of docs/api.md from sample answers.

usage: mock_server.py DIST [--port 8098] [--samples DIR] [--france DIR]
  DIST       the output of `node build.mjs DIST`
  --samples  the commands' JSON answers (default: ../../.api-samples beside this file)
  --france   datasets/france (default: the repository's datasets/france)

State (projects, decisions, uploads) lives in memory. A sheet whose name contains "bad" is
refused with problems (its good rows can be taken); "warn" gives a partial sheet.
An organisation named `<img src=x onerror=alert(1)>` is planted in the answers to check that
the page shows data as text.
"""
import argparse
import copy
import csv
import json
import math
import os
import pathlib
import random
import re
import threading
import time
import unicodedata
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HERE = pathlib.Path(__file__).resolve().parent
TOKEN = "mock-token-0123456789"
CSP = ("default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
       "worker-src 'self' blob:; connect-src 'self'")
XSS = "<img src=x onerror=alert(1)>"
LOCK = threading.Lock()


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


class Data:
    def __init__(self, samples, france):
        self.s = {}
        for name in ["summary", "check", "trend", "network", "unmobilised", "invitations"]:
            self.s[name] = json.loads((samples / f"{name}.json").read_text(encoding="utf-8"))
        self.departements = []
        with open(france / "departements.csv", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                self.departements.append({"code": r["code_departement"], "name": r["nom"]})
        self.epci = []
        with open(france / "france_epci.csv", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                self.epci.append({"siren": r["epci_siren"], "name": r["nom"],
                                  "departements": r["departements"].split(";")})
        self.communes = []
        with open(france / "france_communes.csv", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                self.communes.append({"code": r["code_insee"], "name": r["nom"],
                                      "departement": r["code_departement"]})
        self.outlines = json.loads((france / "geo" / "paca_departements.geojson").read_text(encoding="utf-8"))
        # the example project, from summary.json
        terr = {}
        for e in self.s["summary"]["editions"]:
            terr.setdefault(e["territory"], []).append(
                {"year": int(e["edition"]), "people": e["people"], "organisations": e["organisations"],
                 "sessions": e["sessions"], "rows": e["rows"]})
        codes = {d["name"]: d["code"] for d in self.departements}
        self.projects = {
            "paca": {
                "id": "paca",
                "name": "Ateliers de dialogue territorial — Provence-Alpes-Côte d'Azur (exemple)",
                "imported": True,
                "territories": [{"name": n, "code": codes.get(n, ""), "editions": eds} for n, eds in terr.items()],
                "folder_sheets": 0,
                "organisations": self.s["summary"]["total"]["organisations"],
                "people": self.s["summary"]["total"]["people"],
            }
        }
        self.questions = {"paca": self.make_questions()}
        self.decisions = {"paca": []}
        self.jobs = {}
        self.uploads = {}

    def make_questions(self):
        out = []
        for q in self.s["check"]["questions"]:
            q = dict(q)
            def card(name, seen):
                m = re.match(r"(.*?) ([0-9–, ]+) \((\d+) ligne", seen or "")
                return {"name": name, "type": "Point information jeunesse" if "PIJ" in name else "Service public",
                        "commune": "Nice" if "Azur" in name else "Marseille",
                        "registry": "" if seen else "registre des organisations",
                        "seen": [{"territory": m.group(1), "years": [int(y) for y in re.findall(r"\d{4}", m.group(2))],
                                  "rows": int(m.group(3))}] if m else []}
            q["cards"] = [card(q["first"], q["first_seen"]), card(q["second"], q["second_seen"])]
            out.append(q)
        out.append({"about": "organisations", "first": XSS, "second": XSS + " (bis)", "score": 0.91,
                    "evidence": "<b>même</b> commune", "first_seen": "Var 2024 (3 ligne(s))", "second_seen": "",
                    "cards": [{"name": XSS, "type": "<i>type</i>", "commune": "Toulon", "registry": "",
                               "seen": [{"territory": "Var", "years": [2024], "rows": 3}]},
                              {"name": XSS + " (bis)", "type": "", "commune": "", "registry": "<u>registre</u>", "seen": []}]})
        for p in self.s["check"]["people"][:3]:
            out.append({"about": "people", "first": p["name"]["name"], "second": p["similar_to"]["name"],
                        "score": p["score"], "evidence": "mêmes mots du nom, dans un autre ordre",
                        "first_seen": "", "second_seen": "",
                        "cards": [{"name": p["name"]["name"], "type": "", "commune": "", "registry": "",
                                   "seen": p["name"]["seen"]},
                                  {"name": p["similar_to"]["name"], "type": "", "commune": "", "registry": "",
                                   "seen": p["similar_to"]["seen"]}]})
        return out


D = None


def territory_of(project, t):
    for terr in project["territories"]:
        if terr["name"] == t or terr["code"] == t:
            return terr
    return None


def network_for(name, edition, level):
    net = copy.deepcopy(D.s["network"])
    rnd = random.Random(f"{name}/{edition}/{level}")
    keep = [n for n in net["nodes"] if rnd.random() > 0.15]
    net["nodes"] = keep
    ids = {n["id"] for n in keep}
    cut = {"connaissance": 1.0, "interconnaissance": 0.6, "reconnaissance": 0.25}.get(level, 0.6)
    net["edges"] = [e for e in net["edges"] if e["source"] in ids and e["target"] in ids and rnd.random() < cut]
    for i, n in enumerate(net["nodes"]):
        n["betweenness"] = round(rnd.random() ** 3 * 0.2, 4)
        n["territory"] = name
    if net["nodes"]:
        x = net["nodes"][-1]
        x["label"] = x["organisation"] = XSS
    net["level"] = level
    net["window"] = {"territory": name, "edition": edition, "cumulative": False}
    net["title"] = f"{name}, édition {edition} — organisations, {level}"
    net["years"] = [edition]
    return net


def point_in(poly, x, y):
    inside = False
    ring = poly[0]
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def map_for(project, name, indicator):
    feats = []
    target = None
    for f in D.outlines["features"]:
        nom = f["properties"].get("nom")
        terr = territory_of(project, nom)
        value = None
        if terr:
            last = terr["editions"][-1]
            value = {"participants": last["people"], "organisations": last["organisations"],
                     "mobilisation": 0.3 + (len(nom) % 5) / 10, "density": 0.9 + (len(nom) % 3) / 40,
                     "retention": 0.6 + (len(nom) % 4) / 20}.get(indicator, last["people"])
        feats.append({"type": "Feature", "geometry": f["geometry"],
                      "properties": {"name": nom, "code": f["properties"].get("code"), "value": value,
                                     "shown": value is not None}})
        if nom == name:
            target = f["geometry"]
    if target is None:
        target = D.outlines["features"][0]["geometry"]
    polys = target["coordinates"] if target["type"] == "MultiPolygon" else [target["coordinates"]]
    xs = [p[0] for poly in polys for p in poly[0]]
    ys = [p[1] for poly in polys for p in poly[0]]
    bounds = [min(xs), min(ys), max(xs), max(ys)]
    rnd = random.Random(name)

    def inside_point():
        for _ in range(500):
            x = rnd.uniform(bounds[0], bounds[2])
            y = rnd.uniform(bounds[1], bounds[3])
            if any(point_in(p, x, y) for p in polys):
                return [round(x, 5), round(y, 5)]
        return [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2]

    last_year = territory_of(project, name)["editions"][-1]["year"] if territory_of(project, name) else 2024
    net = network_for(name, last_year, "interconnaissance")
    pos = {}
    orgs = []
    for n in net["nodes"]:
        pos[n["id"]] = inside_point()
        orgs.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": pos[n["id"]]},
                     "properties": {"id": n["id"], "name": n["label"], "type_label": n["type_label"],
                                    "colour": n["colour"], "commune_name": "Toulon", "editions": len(n["years"])}})
    reg = []
    for r in D.s["unmobilised"]["territories"][0]["never_seen"][:40]:
        reg.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": inside_point()},
                    "properties": {"name": r["organisation"], "type_label": r["type"], "commune_name": r["commune_name"]}})
    edges = sorted(net["edges"], key=lambda e: -e["weight"])[:60]
    ties = [{"type": "Feature", "geometry": {"type": "LineString", "coordinates": [pos[e["source"]], pos[e["target"]]]},
             "properties": {"weight": e["weight"]}} for e in edges]
    labels = {"mobilisation": "Taux de mobilisation", "participants": "Participants",
              "organisations": "Organisations", "density": "Densité", "retention": "Fidélisation"}
    return {"indicator": {"key": indicator, "label": labels.get(indicator, indicator)},
            "bounds": bounds,
            "areas": {"type": "FeatureCollection", "features": feats},
            "organisations": {"type": "FeatureCollection", "features": orgs},
            "registry": {"type": "FeatureCollection", "features": reg},
            "ties": {"type": "FeatureCollection", "features": ties}}


def trend_for(name):
    out = {"levels": {}}
    for lv, k in [("connaissance", 1.0), ("interconnaissance", 0.85), ("reconnaissance", 0.4)]:
        t = copy.deepcopy(D.s["trend"])
        for e in t["editions"]:
            e["territory"] = name
            e["density"] = round(min(1.0, e["density"] * k), 6)
        t["network"]["level"] = lv
        out["levels"][lv] = t
    return out


def start_job(project_id, files, kind):
    job = f"j{len(D.jobs) + 1}"
    upload = f"u{len(D.uploads) + 1}"
    D.jobs[job] = {"state": "running", "file": "", "rows": 0, "files": len(files), "files_done": 0}

    def run():
        result = {"upload": upload, "saved": True, "message": "", "files": [], "problems": [], "set_aside": [],
                  "can_take_good_rows": False}
        for i, f in enumerate(files):
            for r in range(0, 121, 20):
                with LOCK:
                    D.jobs[job].update(file=f, rows=r, files_done=i)
                time.sleep(0.12)
            if "bad" in f and kind != "accept":
                result["files"].append({"file": f, "status": "refused", "rows": 120, "set_aside": 0})
                result["problems"].append({"file": f, "line": 14, "column": 3, "severity": "error",
                                           "message": "date illisible : « 31/02/2024 »",
                                           "row": "Dupont;Marie;31/02/2024;" + XSS})
                result["problems"].append({"file": f, "line": 27, "column": 5, "severity": "error",
                                           "message": "organisation vide", "row": "Martin;Paul;12/03/2024;;"})
                result["can_take_good_rows"] = True
                result["saved"] = False
            elif "warn" in f or kind == "accept":
                result["files"].append({"file": f, "status": "partial", "rows": 118, "set_aside": 2})
                result["problems"].append({"file": f, "line": 9, "column": 2, "severity": "warning",
                                           "message": "courriel mal formé", "row": "Durand;Léa;jean@;CIO Apt"})
                result["set_aside"].append({"file": f, "line": 14, "reason": "date illisible"})
                result["set_aside"].append({"file": f, "line": 27, "reason": "organisation vide"})
            else:
                result["files"].append({"file": f, "status": "known" if "known" in f else "taken", "rows": 120,
                                        "set_aside": 0})
        result["message"] = ("Des feuilles sont refusées : rien n'en est pris." if not result["saved"]
                             else f"{len(files)} feuille(s) traitée(s).")
        with LOCK:
            p = D.projects[project_id]
            if result["saved"]:
                p["imported"] = True
                if kind == "import":
                    p["folder_sheets"] = 0
            D.uploads[upload] = [f for f in files if "bad" in f]
            D.jobs[job].update(state="done", files_done=len(files), result=result)

    threading.Thread(target=run, daemon=True).start()
    return job


def counts(pid):
    p = D.projects[pid]
    return {"organisations": p.get("organisations", 0), "people": p.get("people", 0),
            "questions": len(D.questions[pid])}


class Handler(BaseHTTPRequestHandler):
    dist = None

    def log_message(self, fmt, *args):
        pass

    def send(self, code, body, ctype="application/json; charset=utf-8", extra=None):
        if isinstance(body, (dict, list)):
            body = json.dumps(body, ensure_ascii=False).encode()
        elif isinstance(body, str):
            body = body.encode()
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-store")
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def error(self, code, msg):
        self.send(code, {"error": msg})

    def body(self):
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n else b""

    def do_GET(self):
        self.route("GET")

    def do_POST(self):
        if self.headers.get("X-Maillage-Token") != TOKEN:
            self.body()
            return self.error(403, "Jeton manquant ou faux.")
        self.route("POST")

    def static(self, path):
        if path in ("/", "/index.html"):
            html = (self.dist / "index.html").read_text(encoding="utf-8").replace("{{MAILLAGE_TOKEN}}", TOKEN)
            return self.send(200, html, "text/html; charset=utf-8")
        f = (self.dist / path.lstrip("/")).resolve()
        if not str(f).startswith(str(self.dist.resolve())) or not f.is_file():
            return self.send(404, "not found", "text/plain")
        ctype = {".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml",
                 ".png": "image/png"}.get(f.suffix, "application/octet-stream")
        self.send(200, f.read_bytes(), ctype)

    def route(self, method):
        u = urllib.parse.urlsplit(self.path)
        q = dict(urllib.parse.parse_qsl(u.query))
        parts = [urllib.parse.unquote(p) for p in u.path.split("/") if p]
        if not parts or parts[0] != "api":
            return self.static(u.path) if method == "GET" else self.error(404, "?")
        time.sleep(0.05)  # a little latency, as a real server has
        p = parts[2:]
        en = q.get("lang") == "en"
        with LOCK:
            return self.api(method, p, q, en)

    def api(self, method, p, q, en):
        if p == ["session"]:
            return self.send(200, {"version": "mock", "lang": q.get("lang", "fr"), "folder": "projects",
                                   "read_only": False})
        if p[:1] == ["france"]:
            text = fold(q.get("q", ""))
            if p[1] == "departements":
                return self.send(200, D.departements)
            if p[1] == "epci":
                return self.send(200, [e for e in D.epci if text in fold(e["name"])][:50])
            if p[1] == "communes":
                return self.send(200, [c for c in D.communes
                                       if fold(c["name"]).startswith(text) or c["code"].startswith(text)][:50])
        if p[:1] == ["jobs"] and len(p) == 2:
            j = D.jobs.get(p[1])
            return self.send(200, j) if j else self.error(404, "Tâche inconnue.")
        if p == ["projects"]:
            if method == "GET":
                return self.send(200, {"projects": [
                    {"id": x["id"], "name": x["name"], "imported": x["imported"],
                     "territories": len(x["territories"]),
                     "editions": sum(len(t["editions"]) for t in x["territories"])} for x in D.projects.values()]})
            b = json.loads(self.body() or b"{}")
            name = (b.get("name") or "").strip()
            if not name or not b.get("territories"):
                return self.error(400, "Give a name and a territory." if en else "Donnez un nom et un territoire.")
            pid = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-") or "projet"
            while pid in D.projects:
                pid += "-2"
            terrs = []
            for t in b["territories"]:
                if t["kind"] == "departement":
                    d = next((d for d in D.departements if d["code"] == t["code"]), None)
                    terrs.append({"name": d["name"] if d else t["code"], "code": t["code"], "editions": []})
                elif t["kind"] == "epci":
                    e = next((e for e in D.epci if e["siren"] == t["siren"]), None)
                    terrs.append({"name": e["name"] if e else t["siren"], "code": t["siren"], "editions": []})
                else:
                    terrs.append({"name": t["name"], "code": "", "editions": []})
            D.projects[pid] = {"id": pid, "name": name, "imported": False, "territories": terrs,
                               "folder_sheets": 0, "organisations": 0, "people": 0}
            D.questions[pid] = []
            D.decisions[pid] = []
            return self.send(201, {"id": pid})
        if p[:1] != ["projects"] or len(p) < 2:
            return self.error(404, "Unknown route." if en else "Route inconnue.")
        pid = p[1]
        proj = D.projects.get(pid)
        if not proj:
            return self.error(404, "Unknown project." if en else "Projet inconnu.")
        rest = p[2:]
        if not rest:
            out = dict(proj)
            out["questions"] = len(D.questions[pid])
            out["decisions"] = len(D.decisions[pid])
            return self.send(200, out)
        if rest == ["sheets"] and method == "POST":
            raw = self.body()
            names = re.findall(rb'name="sheets"; filename="([^"]*)"', raw)
            files = [n.decode("utf-8", "replace") for n in names]
            bad = [f for f in files if not re.search(r"\.(csv|xlsx|ods)$", f, re.I)]
            if bad:
                return self.error(415, f"Pas une feuille : {bad[0]}")
            return self.send(202, {"job": start_job(pid, files, "upload")})
        if rest == ["import"] and method == "POST":
            return self.send(202, {"job": start_job(pid, ["editions/83-var/2024.csv", "editions/83-var/2025.xlsx",
                                                          "editions/84-vaucluse/2025-warn.ods"], "import")})
        if len(rest) == 3 and rest[0] == "uploads" and rest[2] == "accept-partial" and method == "POST":
            files = D.uploads.get(rest[1])
            if files is None:
                return self.error(404, "Envoi inconnu.")
            return self.send(202, {"job": start_job(pid, files, "accept")})
        if rest == ["questions"]:
            return self.send(200, {"questions": D.questions[pid]})
        if rest == ["decisions"] and method == "GET":
            return self.send(200, {"decisions": D.decisions[pid]})
        if rest == ["decisions"] and method == "POST":
            b = json.loads(self.body() or b"{}")
            qs = D.questions[pid]
            hit = next((x for x in qs if x["first"] == b.get("first") and x["second"] == b.get("second")), None)
            if not hit:
                return self.error(400, "Pas de telle question.")
            if b.get("verdict") not in ("same", "different", "renamed"):
                return self.error(400, "Verdict inconnu.")
            if b["verdict"] == "renamed" and not b.get("year"):
                return self.error(400, "Renamed needs a year." if en else "Il faut l'année du changement de nom.")
            qs.remove(hit)
            D.decisions[pid].append({"about": hit["about"], "first": hit["first"], "second": hit["second"],
                                     "verdict": b["verdict"], "year": b.get("year"), "_q": hit})
            if b["verdict"] != "different":
                key = "people" if hit["about"] == "people" else "organisations"
                proj[key] = proj.get(key, 0) - 1
            out = counts(pid)
            out["message"] = "Decision recorded." if en else "Décision enregistrée."
            return self.send(200, out)
        if rest == ["decisions", "undo"] and method == "POST":
            b = json.loads(self.body() or b"{}")
            ds = D.decisions[pid]
            hit = next((x for x in ds if x["first"] == b.get("first") and x["second"] == b.get("second")), None)
            if not hit:
                return self.error(400, "Pas de telle décision.")
            ds.remove(hit)
            D.questions[pid].insert(0, hit["_q"])
            if hit["verdict"] != "different":
                key = "people" if hit["about"] == "people" else "organisations"
                proj[key] = proj.get(key, 0) + 1
            out = counts(pid)
            out["message"] = "Decision undone." if en else "Décision annulée."
            return self.send(200, out)
        if len(rest) >= 3 and rest[0] == "territories":
            t = rest[1]
            what = rest[2]
            if t == "*" and what == "report" and method == "POST":
                time.sleep(1.5)
                return self.send(200, "<!doctype html><title>Rapport</title><h1>Tous les territoires</h1>",
                                 "text/html; charset=utf-8",
                                 {"Content-Disposition": "attachment; filename=\"rapport-tous.html\""})
            terr = territory_of(proj, t)
            if not terr:
                return self.error(404, "Unknown territory." if en else "Territoire inconnu.")
            name = terr["name"]
            if what == "trend":
                return self.send(200, trend_for(name))
            if what == "network":
                years = [e["year"] for e in terr["editions"]] or [2024]
                ed = int(q.get("edition") or years[-1])
                return self.send(200, network_for(name, ed, q.get("level", "interconnaissance")))
            if what == "map":
                return self.send(200, map_for(proj, name, q.get("indicator", "mobilisation")))
            if what == "unmobilised":
                u = copy.deepcopy(D.s["unmobilised"])
                u["territories"][0]["territory"] = name
                u["territories"][0]["lapsed_organisations"][0]["organisation"] = XSS
                return self.send(200, u)
            if what == "invitations":
                inv = copy.deepcopy(D.s["invitations"])
                inv["territories"][0]["territory"] = name
                inv["territories"][0]["organisations"][-1]["organisation"] = XSS
                return self.send(200, inv)
            if what == "invitations.csv" and method == "POST":
                b = json.loads(self.body() or b"{}")
                rows = ["rang;organisation;type;score"]
                for o in D.s["invitations"]["territories"][0]["organisations"]:
                    if o["organisation"] in b.get("organisations", []):
                        rows.append(f'{o["rank"]};"{o["organisation"]}";{o["type"]};{str(o["score"]).replace(".", ",")}')
                return self.send(200, "\ufeff" + "\r\n".join(rows) + "\r\n", "text/csv; charset=utf-8",
                                 {"Content-Disposition": "attachment; filename=\"invitations.csv\""})
            if what == "report" and method == "POST":
                time.sleep(1.5)
                return self.send(200, f"<!doctype html><title>Rapport</title><h1>{name}</h1>", "text/html; charset=utf-8",
                                 {"Content-Disposition": "attachment; filename=\"rapport.html\""})
            if what == "export":
                fmt = q.get("format", "json")
                return self.send(200, json.dumps(D.s["network"]) if fmt == "json" else f"mock {fmt}\n",
                                 "application/octet-stream",
                                 {"Content-Disposition": f"attachment; filename=\"reseau.{fmt}\""})
        return self.error(404, "Unknown route." if en else "Route inconnue.")


def main():
    global D
    ap = argparse.ArgumentParser()
    ap.add_argument("dist")
    ap.add_argument("--port", type=int, default=8098)
    ap.add_argument("--samples", default=str(HERE.parent.parent / ".api-samples"))
    ap.add_argument("--france", default=str(pathlib.Path(__file__).resolve().parents[2] / "datasets" / "france"))
    a = ap.parse_args()
    D = Data(pathlib.Path(a.samples), pathlib.Path(a.france))
    Handler.dist = pathlib.Path(a.dist)
    srv = ThreadingHTTPServer(("127.0.0.1", a.port), Handler)
    print(f"mock maillage serve: http://127.0.0.1:{a.port}/", flush=True)
    srv.serve_forever()


if __name__ == "__main__":
    main()
