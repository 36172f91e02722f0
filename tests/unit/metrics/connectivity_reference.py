#!/usr/bin/python3
"""Independent reference for metrics::group_connectivity (tests/unit/metrics/connectivity_test.cpp).

Reads one case per line from the file named on the command line:
    n <TAB> a1,a2,... <TAB> b1,b2,... <TAB> u-v u-v ...
and prints, one per line, networkx's local node connectivity between a super source s tied to
every node of A and a super sink t tied to every node of B:
    nx.algorithms.connectivity.local_node_connectivity(H, s, t)
i.e. nx.node_connectivity(H, s, t): the fewest nodes other than s and t whose removal leaves no
s–t path (members of A and B may be removed). An empty group prints "none".

By hand: /usr/bin/python3 tests/unit/metrics/connectivity_reference.py CASES
Needs Debian's python3-networkx; a missing networkx fails (ImportError), it never skips.
"""
import sys

import networkx as nx


def connectivity(n, a, b, edges):
    if not a or not b:
        return "none"
    h = nx.Graph()
    h.add_nodes_from(range(n))
    h.add_edges_from(edges)
    s, t = "s", "t"
    h.add_edges_from((s, v) for v in a)
    h.add_edges_from((v, t) for v in b)
    return str(nx.node_connectivity(h, s, t))


def parse_nodes(field):
    return sorted({int(x) for x in field.split(",") if x})


def main(path):
    with open(path, encoding="utf-8") as cases:
        for line in cases:
            line = line.rstrip("\n")
            if not line:
                continue
            n, a, b, edges = (line.split("\t") + [""] * 4)[:4]
            pairs = [tuple(int(x) for x in e.split("-")) for e in edges.split()]
            print(connectivity(int(n), parse_nodes(a), parse_nodes(b), pairs))


if __name__ == "__main__":
    main(sys.argv[1])
