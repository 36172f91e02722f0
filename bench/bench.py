#!/usr/bin/env python3
"""maillage against its peers on the standard job (../shared/bench/README.md, BASELINE.md).

usage: bench/bench.py [--scale region|national|seed] [--runs 3] [--maillage build/dev/maillage]
                      [--peers igraph,graphtool,networkx] [--no-peers] [--full]

1. Generates ../shared/bench data with gen_participation.py (seed 1) into bench/data/ (git-ignored).
2. End to end, as the peers do it from the CSV, each round (one unmeasured warm-up round, then --runs):
     ingest  `maillage ingest FILE --into bench/data/SCALE.gpkg` (the store rebuilt each round)
     job     `maillage metrics STORE --what job --format json --people -o bench/data/SCALE.job`
             one process, one reading of the store, three files — the figures (a)-(g) of
             ../shared/bench/README.md:
               organisations.json  (e) organisation graph (= `--scope organisations --format json`)
               people.json         (e) person graph (= `--scope people --format json --people`)
               editions.json       (f) per territory x edition density and E-I index of the
                                   organisation graph, (g) retention between consecutive editions
                                   (= `--what editions --scope organisations --format json`)
   End to end = ingest + job of the same round (wall and CPU summed, peak = the larger).
   Untimed, once: the three commands of their own, whose bytes the job's files must be.
   `maillage metrics STORE --what change --scope organisations` (tie changes, lapses, last
   edition's brokers: more than (f)+(g)) is timed apart, for information.
3. The peers on the same CSV: /usr/bin/python3 peer_igraph.py / peer_graphtool.py, and
   peer_networkx.py at seed and region scale only (> 15 min at national scale).
4. Checks that the figures agree, and prints end to end first (maillage's ingest + job against
   each peer's whole run: wall median of --runs, CPU user + sys, peak resident memory from
   wait4's rusage, the ratios), then the details, and the machine's load (uptime) before and after.
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


# Each command is started by this small launcher, itself a fresh interpreter: Linux keeps a
# process's peak resident memory across fork and exec, so a command forked straight from this
# script (which holds the CSV and the peers' JSON) would report this script's peak as its own.
# The launcher forks the command from its own small image, times it, and writes its wall time,
# CPU time and peak to the pipe whose descriptor it is given first.
LAUNCHER = r"""
import json, os, sys, time
fd, cmd = int(sys.argv[1]), sys.argv[2:]
t0 = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.close(fd)
    try:
        os.execvp(cmd[0], cmd)
    finally:
        os._exit(127)
_, status, ru = os.wait4(pid, 0)
wall = time.perf_counter() - t0
os.write(fd, json.dumps([wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss]).encode())
sys.exit(os.waitstatus_to_exitcode(status) % 256)
"""


def run_once(cmd, stdout=None):
    """Runs cmd; returns (wall s, cpu s, peak RSS MiB, stderr bytes)."""
    out = open(stdout, "wb") if stdout else subprocess.DEVNULL
    r, w = os.pipe()
    p = subprocess.Popen(["/usr/bin/python3", "-S", "-c", LAUNCHER, str(w)] + list(cmd), stdout=out,
                         stderr=subprocess.PIPE, pass_fds=(w,))
    os.close(w)
    err = p.stderr.read()
    p.wait()
    with os.fdopen(r, "rb") as f:
        figures = f.read()
    if stdout:
        out.close()
    if p.returncode not in (0, 1) or not figures:
        sys.exit("failed (%d): %s\n%s" % (p.returncode, " ".join(cmd), err.decode(errors="replace")[-3000:]))
    wall, cpu, peak = json.loads(figures)
    return wall, cpu, peak / 1024.0, err


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

    # 2. end to end: each round rebuilds the store, then runs the job on it
    jobdir = os.path.join(data, a.scale + ".job")
    os.makedirs(jobdir, exist_ok=True)
    ingest = Step("maillage ingest", [mx, "ingest", csv_path, "--into", store])
    job = Step("maillage job", [mx, "metrics", store, "--what", "job", "--format", "json", "--people", "-o", jobdir])
    for r in range(a.runs + 1):  # round 0: unmeasured warm-up
        if os.path.exists(store):
            os.remove(store)
        if r == 0:
            run_once(ingest.cmd)
            run_once(job.cmd)
        else:
            ingest.run()
            job.run()
    ends = [(ingest.walls[i] + job.walls[i], ingest.cpus[i] + job.cpus[i]) for i in range(a.runs)]
    end = (statistics.median(w for w, _ in ends), statistics.median(c for _, c in ends), max(ingest.peak, job.peak))
    out = lambda k: os.path.join(jobdir, {"orgs": "organisations", "people": "people", "editions": "editions"}[k] + ".json")
    # untimed: the three commands of their own, whose bytes the job's files must be
    own = os.path.join(data, "%s.own" % a.scale)
    os.makedirs(own, exist_ok=True)
    same = True
    for key, args in (("orgs", ["--scope", "organisations"]), ("people", ["--scope", "people", "--people"]),
                      ("editions", ["--what", "editions", "--scope", "organisations"])):
        mine = os.path.join(own, key + ".json")
        run_once([mx, "metrics", store] + args + ["--format", "json"], mine)
        with open(mine, "rb") as f1, open(out(key), "rb") as f2:
            same = same and f1.read() == f2.read()
    ingest_detail(a, csv_path, mx, data, ingest)
    # for information: the per-transition view the job used before `--what editions` existed
    change = Step("maillage change (info)", [mx, "metrics", store, "--what", "change", "--scope", "organisations",
                                             "--format", "json"], os.path.join(data, "%s.maillage.change.json" % a.scale))
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

    # 6. times: end to end first
    print("\nEnd to end (scale %s): ingest of the CSV + the standard job (a)-(g); wall = median of %d rounds, "
          "cpu = user+sys, peak = the larger process's max RSS" % (a.scale, a.runs))
    print("%-34s %9s %9s %10s" % ("", "wall s", "cpu s", "peak MiB"))
    print("%-34s %9.2f %9.2f %10.0f" % ("maillage ingest + job", end[0], end[1], end[2]))
    for p, s in peer_steps.items():
        if s is None:
            continue
        print("%-34s %9.2f %9.2f %10.0f   wall x%.2f, cpu x%.2f, memory x%.2f of maillage's%s"
              % ("peer " + p, s.wall, s.cpu, s.peak, s.wall / end[0], s.cpu / end[1], s.peak / end[2],
                 " (saved run, load then %s)" % s.saved_load if a.no_peers else ""))
    print("\nDetails")
    print("%-34s %9.2f %9.2f %10.0f" % ("maillage ingest", ingest.wall, ingest.cpu, ingest.peak))
    print("%-34s %9.2f %9.2f %10.0f   (metrics --what job: one process, three files)" % ("maillage job", job.wall, job.cpu,
                                                                                       job.peak))
    for p, s in peer_steps.items():
        if s is not None:
            print("%-34s %9s %9s %10s   job alone: wall x%.2f, cpu x%.2f of maillage's job"
                  % ("  peer " + p, "", "", "", s.wall / job.wall, s.cpu / job.cpu))
    print("  the job's three files are the bytes of the three commands of their own: %s" % ("yes" if same else "NO"))
    print("%-34s %9.2f %9.2f %10.0f   (for information, not in the job)" % (change.name, change.wall, change.cpu,
                                                                            change.peak))
    # the peers' own phase laps (their JSON): graph figures (a)-(e) against (f)+(g)
    print("\nPeers' phases (their own laps, last run): (a)-(e) read + graphs + figures | (f)+(g) per edition + retention")
    for p in peer_steps:
        t = peers[p]["timings_s"]
        fg = t.get("f_per_edition", 0) + t.get("g_retention", 0)
        print("%-34s %9.2f | %6.2f   (maillage: ingest %.2f + job %.2f)" % ("peer " + p, t["total"] - fg, fg, ingest.wall,
                                                                          job.wall))

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
