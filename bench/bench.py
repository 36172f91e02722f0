#!/usr/bin/env python3
"""maillage against the peers on the standard job (../shared/bench/README.md, BASELINE.md).

usage: bench/bench.py [--scale seed|region|national] [--runs 3] [--maillage build/ci/maillage]

Generates ../shared/bench data with gen_participation.py (seed 1) into bench/data/ (git-ignored),
then times, whole process, median of --runs runs after one warm-up:
  maillage load     `maillage summary FILE` (read and parse the sheet: the ingest/load phase)
  maillage people   `maillage metrics FILE --scope people --format json` (load + person graph,
                    figures, centralities, Leiden; betweenness sampled from 256 sources above
                    5,000 nodes)
  maillage orgs     `maillage metrics FILE --scope organisations --format json`
  peers             /usr/bin/python3 peer_igraph.py / peer_graphtool.py FILE, and
                    peer_networkx.py at seed and region scale only.
and prints the medians and each peer's ratio to maillage (people + orgs, which each include a
load). Standard library only; not part of ctest. The job definitions differ in places (see
docs/metrics.md: maillage's organisation ties are per edition, the peers' per person's last
organisation; maillage's person betweenness is weighted): the ratio compares the work, not the
numbers.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def timed(cmd, runs):
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warm-up
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        times.append(time.perf_counter() - t0)
        if p.returncode not in (0, 1):
            sys.exit("failed (%d): %s\n%s" % (p.returncode, " ".join(cmd), p.stderr.decode()[-2000:]))
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", default="region", choices=["seed", "region", "national"])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--maillage", default=os.path.join(ROOT, "build", "ci", "maillage"))
    a = ap.parse_args()
    bench = os.path.join(a.shared, "bench")
    data = os.path.join(HERE, "data")
    os.makedirs(data, exist_ok=True)
    csv = os.path.join(data, a.scale + ".csv")
    if not os.path.exists(csv):
        subprocess.run([sys.executable, os.path.join(bench, "gen_participation.py"), "--scale", a.scale,
                        "--seed", "1", "-o", csv], check=True)

    rows = []
    load = timed([a.maillage, "summary", csv], a.runs)
    rows.append(("maillage load (summary)", load))
    people = timed([a.maillage, "metrics", csv, "--scope", "people", "--format", "json"], a.runs)
    rows.append(("maillage metrics people", people))
    orgs = timed([a.maillage, "metrics", csv, "--scope", "organisations", "--format", "json"], a.runs)
    rows.append(("maillage metrics organisations", orgs))
    total = people + orgs
    rows.append(("maillage job (people + organisations)", total))
    peers = ["peer_igraph.py", "peer_graphtool.py"] + (["peer_networkx.py"] if a.scale != "national" else [])
    module = {"peer_igraph.py": "igraph", "peer_graphtool.py": "graph_tool", "peer_networkx.py": "networkx"}
    for peer in peers:
        if subprocess.run(["/usr/bin/python3", "-c", "import " + module[peer]], stderr=subprocess.DEVNULL).returncode:
            print("skipped %s: /usr/bin/python3 cannot import %s (apt-get install the peer)" % (peer, module[peer]))
            continue
        t = timed(["/usr/bin/python3", os.path.join(bench, peer), csv], a.runs)
        rows.append((peer, t))
    print("scale %s, %d runs (median), %s" % (a.scale, a.runs, csv))
    for name, t in rows:
        ratio = "  x%.2f of maillage" % (t / total) if name.startswith("peer") else ""
        print("%-40s %8.3f s%s" % (name, t, ratio))


if __name__ == "__main__":
    main()
