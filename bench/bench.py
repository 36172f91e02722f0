#!/usr/bin/env python3
"""maillage against its peers on the standard job (../shared/bench/README.md, BASELINE.md).

usage: bench/bench.py [--scale region|national|seed] [--runs 3] [--maillage build/dev/maillage]
                      [--peers igraph,graphtool,networkx] [--no-peers] [--full]

1. Generates ../shared/bench data with gen_participation.py (seed 1) into bench/data/ (git-ignored).
2. Ingest, timed apart: `maillage ingest FILE --into bench/data/SCALE.gpkg`.
3. maillage's job on that store, the figures (a)-(g) of ../shared/bench/README.md:
     orgs     `maillage metrics STORE --scope organisations --format json`   (e) organisation graph
     people   `maillage metrics STORE --scope people --format json --people` (e) person graph
     editions `maillage metrics STORE --what editions --scope organisations --format json`
              (f) per territory x edition density and E-I index of the organisation graph,
              (g) retention between consecutive editions
   The job's time is the sum of the three processes (each one loads the store).
   `maillage metrics STORE --what change --scope organisations` (tie changes, lapses, last
   edition's brokers: more than (f)+(g)) is timed apart, for information.
4. The peers on the same CSV: /usr/bin/python3 peer_igraph.py / peer_graphtool.py, and
   peer_networkx.py at seed and region scale only (> 15 min at national scale).
5. Checks that the figures agree, and prints wall time (median of --runs runs, after one
   unmeasured warm-up for maillage), CPU time (user + sys), peak resident memory (the largest
   of the job's processes, from wait4's rusage), the ratios, and the machine's load (uptime).
--full also times `maillage metrics STORE` at every level and scope (for information).
Standard library only; not part of ctest. The machine is shared: quote medians with the load.
"""
import argparse
import csv
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def run_once(cmd, stdout=None):
    """Runs cmd; returns (wall s, cpu s, peak RSS MiB, exit code, stdout bytes or None)."""
    t0 = time.perf_counter()
    out = open(stdout, "wb") if stdout else subprocess.DEVNULL
    p = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE)
    err = p.stderr.read()
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    if stdout:
        out.close()
    if p.returncode not in (0, 1):
        sys.exit("failed (%d): %s\n%s" % (p.returncode, " ".join(cmd), err.decode(errors="replace")[-3000:]))
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024.0, err


class Step:
    def __init__(self, name, cmd, stdout=None):
        self.name, self.cmd, self.stdout = name, cmd, stdout
        self.walls, self.cpus, self.rss = [], [], []
        self.stderr = b""

    def run(self):
        w, c, r, self.stderr = run_once(self.cmd, self.stdout)
        self.walls.append(w)
        self.cpus.append(c)
        self.rss.append(r)

    @property
    def wall(self):
        return statistics.median(self.walls)

    @property
    def cpu(self):
        return statistics.median(self.cpus)

    @property
    def peak(self):
        return max(self.rss)


def load():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def timed_steps(steps, runs, warmup):
    """Runs the steps in turn, runs times (after warm-up rounds); the steps of a round run one
    after the other so that a burst of load hits one round rather than one step."""
    for _ in range(warmup):
        for s in steps:
            run_once(s.cmd, s.stdout)
    for _ in range(runs):
        for s in steps:
            s.run()


# ---- Reading the figures -------------------------------------------------------------------

def person_ids(csv_path):
    """person_name -> person_id (maillage shows names with --people)."""
    ids = {}
    with open(csv_path, encoding="utf-8", newline="") as f:
        rd = csv.DictReader(f)
        for row in rd:
            ids.setdefault(row["person_name"], row["person_id"])
    return ids


def maillage_graph(doc, key, ids=None):
    f = doc["figures"]
    nodes = doc["nodes"]
    top = sorted(nodes, key=lambda n: -n["betweenness"])[:10]
    name = (lambda n: ids.get(n[key], n[key])) if ids else (lambda n: n[key])
    return {
        "nodes": f["nodes"], "edges": f["ties"], "density": f["density"], "mean_degree": f["mean_degree"],
        "components": f["components"],
        "largest_component": round(f["largest_component_share"] * f["nodes"]),
        "transitivity": f["transitivity"], "communities": f["communities"], "modularity": f["modularity"],
        "weight_total": round(sum(n["strength"] for n in nodes) / 2),
        "betweenness": f["betweenness"],
        "betweenness_top10": [[name(n), n["betweenness"]] for n in top],
    }


def peer_graph(g):
    out = {k: g[k] for k in ("nodes", "edges", "density", "mean_degree", "components", "largest_component",
                             "transitivity", "weight_total")}
    out["communities"] = g["louvain_communities"]
    out["modularity"] = g["louvain_modularity"]
    out["betweenness_top10"] = g["betweenness_top10"]
    return out


def maillage_editions(doc):
    """(f) and (g) from `metrics --what editions`: one row per territory x edition, with the
    organisation graph's ties, density and E-I index, and the people's retention from the
    previous edition; summarised the way bench_common.per_event_summary and retention do."""
    rows = sorted(doc["editions"], key=lambda r: (r["territory"], r["year"]))
    vals = sorted(r["retention"] for r in rows if r["retention"] is not None)
    eis = [r["ei_index"] for r in rows if r["ei_index"] is not None]
    return {
        "retention": {"pairs": len(vals), "mean": round(sum(vals) / len(vals), 6) if vals else None,
                      "median": vals[len(vals) // 2] if vals else None, "min": vals[0] if vals else None,
                      "max": vals[-1] if vals else None},
        "org_ties_total": sum(r["ties"] for r in rows), "editions": len(rows),
        "density_mean": round(sum(r["density"] for r in rows) / len(rows), 6) if rows else None,
        "ei_index_mean": round(sum(eis) / len(eis), 6) if eis else None,
        "examples": [{"territory": r["territory"], "edition": r["year"], "orgs": r["organisations"],
                      "ties": r["ties"], "density": r["density"], "ei_index": r["ei_index"]} for r in rows[:3]],
    }


def close(a, b, rel=1e-5):
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) <= rel * max(1.0, abs(a), abs(b))
    return a == b


def top_overlap(a, b):
    return len({x[0] for x in a} & {x[0] for x in b})


# Why maillage's figure may differ from the peers' (docs/metrics.md, bench/README.md).
NOTES = {
    "org.nodes": "peers keep every organisation name of the file; maillage merges renames "
                 "(Pole emploi -> France Travail ...) into one organisation",
    "org.edges": "maillage: a person counts in their organisation at each edition; peers: in the "
                 "organisation of their last row",
    # per_edition.*: equal since organisation names keep a repeated number ("X 2 (2)" is not
    # "X 2"); a difference there would now be a regression, so it has no note.
    "person.communities": "Leiden (maillage) vs Louvain (networkx, igraph) vs ModularityState (graph-tool)",
    "org.communities": "Leiden (maillage) vs Louvain (networkx, igraph) vs ModularityState (graph-tool)",
    "person.communities": "Leiden (maillage) vs Louvain (networkx, igraph) vs ModularityState (graph-tool)",
    "person.betweenness_top10": "maillage weights ties (distance 1/weight) and draws its own 256 sources "
                                "(SplitMix64, seed 42); peers: unweighted, networkx's sample (igraph: cutoff 3)",
    "org.betweenness_top10": "maillage: weighted (distance 1/weight); exact up to 5,000 nodes, 256 sampled "
                             "sources above; peers: unweighted, exact",
}


def compare(m, peers):
    rows = []

    def add(key, mv, pv_of):
        pvs = {p: pv_of(r) for p, r in peers.items()}
        agree = all(close(mv, v) for v in pvs.values()) if pvs else None
        rows.append((key, mv, pvs, agree))

    for scope, mk, pk in (("org", "orgs", "org_graph"), ("person", "people", "person_graph")):
        g = m[mk]
        for k in ("nodes", "edges", "weight_total", "density", "mean_degree", "components", "largest_component",
                  "transitivity", "communities", "modularity"):
            add("%s.%s" % (scope, k), g[k], lambda r, k=k, pk=pk: peer_graph(r[pk])[k])
        rows.append(("%s.betweenness_top10" % scope, "%s" % g["betweenness"],
                     {p: "%d/10 shared" % top_overlap(g["betweenness_top10"], r[pk]["betweenness_top10"])
                      for p, r in peers.items()}, None))
    e = m["editions"]
    for k in ("pairs", "mean", "median", "min", "max"):
        add("retention." + k, e["retention"][k], lambda r, k=k: r["retention"][k])
    add("per_edition.ties_total", e["org_ties_total"], lambda r: r["per_edition"]["ties_total"])
    add("per_edition.events", e["editions"], lambda r: r["per_edition"]["events"])
    add("per_edition.density_mean", e["density_mean"], lambda r: r["per_edition"]["density_mean"])
    add("per_edition.ei_index_mean", e["ei_index_mean"], lambda r: r["per_edition"]["ei_index_mean"])
    for i, x in enumerate(e["examples"]):
        for k in ("orgs", "ties", "density", "ei_index"):
            add("per_edition.examples[%d].%s" % (i, k), x[k],
                lambda r, i=i, k=k, x=x: r["per_edition"]["examples"][i][k]
                if r["per_edition"]["examples"][i]["territory"] == x["territory"]
                and r["per_edition"]["examples"][i]["edition"] == x["edition"] else "another edition")
    return rows


def fmt(v):
    if isinstance(v, float):
        return "%.6g" % v
    return str(v)


CSV_READER_LOOP = """import csv, sys
n = 0
with open(sys.argv[1], encoding="utf-8", newline="") as f:
    for row in csv.reader(f):
        n += 1
print(n)
"""


def one_edition_split(csv_path, data, scale):
    """The file cut in two (once, kept in bench/data/): every row but one edition's, and that
    edition's sheet alone (the last year of the first territory), as a coordinator adds it."""
    base = os.path.join(data, "%s.base.csv" % scale)
    one = os.path.join(data, "%s.one-edition.csv" % scale)
    if os.path.exists(base) and os.path.exists(one):
        return base, one
    with open(csv_path, encoding="utf-8", newline="") as f:
        rd = csv.reader(f)
        header = next(rd)
        rows = list(rd)
    ti, ei = header.index("territory"), header.index("edition")
    territory = rows[0][ti]
    last = max(int(r[ei]) for r in rows if r[ti] == territory)
    with open(base, "w", encoding="utf-8", newline="") as fb, open(one, "w", encoding="utf-8", newline="") as fo:
        wb, wo = csv.writer(fb, lineterminator="\n"), csv.writer(fo, lineterminator="\n")
        wb.writerow(header)
        wo.writerow(header)
        for r in rows:
            (wo if r[ti] == territory and int(r[ei]) == last else wb).writerow(r)
    return base, one


def ingest_detail(a, csv_path, mx, data, ingest):
    """Issue #24's ingest figures, printed under the ingest's own: Python's bare csv.reader loop
    over the same file (/usr/bin/python3, same runs, right after the ingest's) and the ingest's
    ratio to it; then one more edition's sheet added to the store of every other row (each run
    on a fresh copy of that store: the time a coordinator waits after an edition)."""
    reader = Step("python3 csv.reader", ["/usr/bin/python3", "-c", CSV_READER_LOOP, csv_path])
    for _ in range(a.runs):
        reader.run()
    base_csv, one_csv = one_edition_split(csv_path, data, a.scale)
    base_store = os.path.join(data, "%s.base.gpkg" % a.scale)
    plus_store = os.path.join(data, "%s.plus.gpkg" % a.scale)
    for path in (base_store, plus_store):
        if os.path.exists(path):
            os.remove(path)
    run_once([mx, "ingest", base_csv, "--into", base_store])
    with open(one_csv, encoding="utf-8") as f:
        one_rows = sum(1 for _ in f) - 1
    plus = Step("one more edition", [mx, "ingest", one_csv, "--into", plus_store])
    for _ in range(a.runs):
        shutil.copyfile(base_store, plus_store)
        plus.run()
    print("%-24s %9s %9s %10s" % ("ingest detail", "wall s", "cpu s", "peak MiB"))
    print("%-24s %9.2f %9.2f %10.0f" % ("maillage ingest", ingest.wall, ingest.cpu, ingest.peak))
    print("%-24s %9.2f %9.2f %10.0f   ingest / csv.reader: wall x%.2f (target <= 2.5), peak %s MiB (target <= 400)"
          % (reader.name, reader.wall, reader.cpu, reader.peak, ingest.wall / reader.wall, "%.0f" % ingest.peak))
    print("%-24s %9.2f %9.2f %10.0f   %d rows into the store of the other %s rows (target < 1 s)"
          % (plus.name, plus.wall, plus.cpu, plus.peak, one_rows, os.path.basename(base_csv)))
    print("load after the ingest detail: %s" % load(), flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", default="region", choices=["seed", "region", "national"])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--maillage", default=os.path.join(ROOT, "build", "dev", "maillage"))
    ap.add_argument("--peers", default="igraph,graphtool,networkx")
    ap.add_argument("--no-peers", action="store_true",
                    help="maillage only: the peers' last JSON and times (bench/data/SCALE.peer-times.json) are reused")
    ap.add_argument("--full", action="store_true", help="also time `maillage metrics` at every level and scope")
    a = ap.parse_args()
    bench = os.path.join(a.shared, "bench")
    data = os.path.join(HERE, "data")
    os.makedirs(data, exist_ok=True)
    csv_path = os.path.join(data, a.scale + ".csv")
    if not os.path.exists(csv_path):
        subprocess.run([sys.executable, os.path.join(bench, "gen_participation.py"), "--scale", a.scale,
                        "--seed", "1", "-o", csv_path], check=True)
    store = os.path.join(data, a.scale + ".gpkg")
    mx = os.path.abspath(a.maillage)
    print("scale %s, %s, maillage %s, %d runs (median), load before: %s"
          % (a.scale, csv_path, mx, a.runs, load()), flush=True)

    # 2. ingest, timed apart (each run rebuilds the store)
    ingest = Step("maillage ingest", [mx, "ingest", csv_path, "--into", store])
    for _ in range(a.runs):
        if os.path.exists(store):
            os.remove(store)
        ingest.run()
    ingest_detail(a, csv_path, mx, data, ingest)

    # 3. the job
    out = lambda k: os.path.join(data, "%s.maillage.%s.json" % (a.scale, k))
    steps = [
        Step("maillage orgs", [mx, "metrics", store, "--scope", "organisations", "--format", "json"], out("orgs")),
        Step("maillage people", [mx, "metrics", store, "--scope", "people", "--format", "json", "--people"],
             out("people")),
        Step("maillage editions", [mx, "metrics", store, "--what", "editions", "--scope", "organisations",
                                   "--format", "json"], out("editions")),
    ]
    timed_steps(steps, a.runs, 1)
    job_walls = [sum(s.walls[i] for s in steps) for i in range(a.runs)]
    job_cpus = [sum(s.cpus[i] for s in steps) for i in range(a.runs)]
    job = (statistics.median(job_walls), statistics.median(job_cpus), max(s.peak for s in steps))
    # for information: the per-transition view the job used before `--what editions` existed
    change = Step("maillage change (info)", [mx, "metrics", store, "--what", "change", "--scope", "organisations",
                                             "--format", "json"], out("change"))
    timed_steps([change], a.runs, 0)
    print("load after maillage: %s" % load(), flush=True)

    # 4. the peers
    wanted = [p for p in a.peers.split(",") if p]
    if a.scale == "national" and "networkx" in wanted:
        wanted.remove("networkx")
    module = {"igraph": "igraph", "graphtool": "graph_tool", "networkx": "networkx"}
    peer_steps = {}
    times_file = os.path.join(data, "%s.peer-times.json" % a.scale)
    saved = json.load(open(times_file)) if a.no_peers and os.path.exists(times_file) else {}
    for p in wanted:
        pj = os.path.join(data, "%s.%s.json" % (a.scale, p))
        if a.no_peers:
            if os.path.exists(pj):
                peer_steps[p] = None
                if p in saved:
                    s = Step("peer " + p, [])
                    s.walls, s.cpus, s.rss = saved[p]["walls"], saved[p]["cpus"], saved[p]["rss"]
                    s.saved_load = saved[p].get("load", "")
                    peer_steps[p] = s
            continue
        if subprocess.run(["/usr/bin/python3", "-c", "import " + module[p]], stderr=subprocess.DEVNULL).returncode:
            sys.exit("/usr/bin/python3 cannot import %s: scripts/install-deps --bench" % module[p])
        s = Step("peer " + p, ["/usr/bin/python3", os.path.join(bench, "peer_%s.py" % p), csv_path], pj)
        for _ in range(a.runs):
            s.run()
        s.saved_load = load()
        peer_steps[p] = s
        print("%s done, load %s" % (p, s.saved_load), flush=True)
    if not a.no_peers:
        with open(times_file, "w") as f:
            json.dump({p: {"walls": s.walls, "cpus": s.cpus, "rss": s.rss, "load": s.saved_load,
                           "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
                       for p, s in peer_steps.items()}, f, indent=1)

    # 5. figures
    ids = person_ids(csv_path)
    m = {
        "orgs": maillage_graph(json.load(open(out("orgs"), encoding="utf-8")), "organisation"),
        "people": maillage_graph(json.load(open(out("people"), encoding="utf-8")), "person", ids),
        "editions": maillage_editions(json.load(open(out("editions"), encoding="utf-8"))),
    }
    peers = {p: json.load(open(os.path.join(data, "%s.%s.json" % (a.scale, p)), encoding="utf-8")) for p in peer_steps}
    print("\nFigures (maillage | peers; = agrees to 1e-5, ~ differs, see the note)")
    for key, mv, pvs, agree in compare(m, peers):
        mark = " " if agree is None else ("=" if agree else "~")
        print("%s %-28s %-22s %s" % (mark, key, fmt(mv), "  ".join("%s %s" % (p, fmt(v)) for p, v in pvs.items())))
        note = NOTES.get(key, NOTES.get(key.split("[")[0]))
        if agree is False and note:
            print("    note: " + note)
    for k in ("org.betweenness_top10", "person.betweenness_top10"):
        print("  note %s: %s" % (k, NOTES[k]))

    # 6. times
    print("\nTimes (scale %s; wall = median of %d; cpu = user+sys, median; peak = max RSS of a process)"
          % (a.scale, a.runs))
    print("%-24s %9s %9s %10s" % ("", "wall s", "cpu s", "peak MiB"))
    print("%-24s %9.2f %9.2f %10.0f" % ("maillage ingest", ingest.wall, ingest.cpu, ingest.peak))
    for s in steps:
        print("%-24s %9.2f %9.2f %10.0f" % (s.name, s.wall, s.cpu, s.peak))
    print("%-24s %9.2f %9.2f %10.0f" % ("maillage job (sum)", job[0], job[1], job[2]))
    print("%-24s %9.2f %9.2f %10.0f   (for information, not in the job)" % (change.name, change.wall, change.cpu,
                                                                            change.peak))
    for p, s in peer_steps.items():
        if s is None:
            continue
        print("%-24s %9.2f %9.2f %10.0f   wall x%.1f, cpu x%.1f, memory x%.2f of maillage's job%s"
              % ("peer " + p, s.wall, s.cpu, s.peak, s.wall / job[0], s.cpu / job[1], s.peak / job[2],
                 " (saved run, load then %s)" % s.saved_load if a.no_peers else ""))
    # the peers' own phase laps (their JSON): graph figures (a)-(e) against (f)+(g)
    print("\nPeers' phases (their own laps, last run): (a)-(e) read + graphs + figures | (f)+(g) per edition + retention")
    for p in peer_steps:
        t = peers[p]["timings_s"]
        fg = t.get("f_per_edition", 0) + t.get("g_retention", 0)
        print("%-24s %9.2f | %6.2f   (maillage orgs + people: wall %.2f, cpu %.2f | editions: wall %.2f, cpu %.2f)"
              % ("peer " + p, t["total"] - fg, fg, steps[0].wall + steps[1].wall, steps[0].cpu + steps[1].cpu,
                 steps[2].wall, steps[2].cpu))

    if a.full:
        print("\nFull `maillage metrics STORE` runs (for information)")
        for level in ("connaissance", "interconnaissance", "reconnaissance"):
            for scope in ("people", "organisations", "two-mode"):
                s = Step("%s/%s" % (scope, level), [mx, "metrics", store, "--level", level, "--scope", scope,
                                                     "--format", "json"])
                timed_steps([s], a.runs, 0)
                print("%-36s %9.2f %9.2f %10.0f" % (s.name, s.wall, s.cpu, s.peak), flush=True)
    print("\nload after: %s" % load())


if __name__ == "__main__":
    main()
