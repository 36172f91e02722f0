#!/usr/bin/python3
"""Every per-edition figure of the peers' phases (f) and (g), for every event, computed the way
../shared/bench/peer_networkx.py does (its bench_common reading, its org_event_bipartite input,
networkx's bipartite projection, bench_common.per_event_summary and retention), where the peer
prints only three examples and means. Adds the same figures for the person graph of each event
(people sharing a workshop or preparation session; a person's type: their row's org_type).

usage: per_event_reference.py SHARED_BENCH_DIR FILE.csv   → one JSON document on stdout
Run with Debian's python3 (python3-networkx).
"""
import json
import sys

sys.path.insert(0, sys.argv[1])
import bench_common as bc  # noqa: E402
import networkx as nx  # noqa: E402
from networkx.algorithms import bipartite  # noqa: E402


def ei(cross, ties):
    return (2 * cross - ties) / ties if ties else None


def main(path):
    r = bc.read_records(path)
    # (f) as peer_networkx.py: nodes "organisation at an event", projected over the event's
    # workshop and preparation sessions
    oe_event, oe_org, pairs = bc.org_event_bipartite(r)
    NO = len(oe_event)
    B = nx.Graph()
    B.add_nodes_from(range(NO))
    B.add_edges_from((n, NO + s) for n, s in pairs)
    OE = bipartite.projected_graph(B, range(NO))
    n_ties = [0] * r.n_events
    n_cross = [0] * r.n_events
    ot = r.org_type
    for u, v in OE.edges():
        e = oe_event[u]
        n_ties[e] += 1
        if ot[oe_org[u]] != ot[oe_org[v]]:
            n_cross[e] += 1
    n_orgs = [0] * r.n_events
    for e in oe_event:
        n_orgs[e] += 1

    # the same for people: nodes "person at an event" (type: org_type of their first row there)
    pe, pe_event, pe_type = {}, [], []
    ppairs = set()
    for p, s, o in zip(r.att_p, r.att_s, r.att_o):
        e = r.sess_event[s]
        n = pe.get((e, p))
        if n is None:
            n = pe[(e, p)] = len(pe_event)
            pe_event.append(e)
            pe_type.append(ot[o])
        if r.sess_kind[s] != 1:
            ppairs.add((n, s))
    NP = len(pe_event)
    B = nx.Graph()
    B.add_nodes_from(range(NP))
    B.add_edges_from((n, NP + s) for n, s in ppairs)
    PE = bipartite.projected_graph(B, range(NP))
    p_ties = [0] * r.n_events
    p_cross = [0] * r.n_events
    for u, v in PE.edges():
        e = pe_event[u]
        p_ties[e] += 1
        if pe_type[u] != pe_type[v]:
            p_cross[e] += 1
    n_people = [0] * r.n_events
    ev_persons = [set() for _ in range(r.n_events)]
    for (e, p) in pe:
        n_people[e] += 1
        ev_persons[e].add(p)

    def dens(m, n):
        return m / (n * (n - 1) / 2) if n > 1 else 0.0

    events = []
    by_terr = {}
    for e in sorted(range(r.n_events), key=lambda e: (r.event_terr[e], r.event_edition[e])):
        prev = by_terr.get(r.event_terr[e])
        events.append({"territory": r.event_terr[e], "edition": r.event_edition[e],
                       "people": n_people[e], "orgs": n_orgs[e],
                       "org_ties": n_ties[e], "org_density": dens(n_ties[e], n_orgs[e]),
                       "org_ei_index": ei(n_cross[e], n_ties[e]),
                       "person_ties": p_ties[e], "person_density": dens(p_ties[e], n_people[e]),
                       "person_ei_index": ei(p_cross[e], p_ties[e]),
                       # bench_common.retention's value for the pair (previous edition, this one)
                       "retention": len(ev_persons[prev] & ev_persons[e]) / len(ev_persons[prev])
                       if prev is not None else None})
        by_terr[r.event_terr[e]] = e
    json.dump({"networkx": nx.__version__, "events": events,
               "per_edition": bc.per_event_summary(r, oe_event, n_ties, n_cross),
               "retention": bc.retention(r)}, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[2])
