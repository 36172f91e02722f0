#!/usr/bin/python3
"""Reads a maillage export with another tool and prints, as JSON, what that tool sees.

    read_back.py networkx-gexf FILE [--betweenness]   networkx.read_gexf (GEXF 1.2draft)
    read_back.py networkx-graphml FILE [--betweenness] networkx.read_graphml
    read_back.py igraph-graphml FILE                  igraph.Graph.Read_GraphML
    read_back.py jsonschema SCHEMA FILE               jsonschema.validate (Draft 2020-12)

Used by tests/cli/export_test.cpp (exchange_tests), which compares these figures with
maillage's own. Run with Debian's python3 (networkx 2.8.8, python-igraph 0.10.2).
Per node it adds what the tool computes from the topology it read: topology_degree and
topology_strength (networkx: G.degree(n) and G.degree(n, weight="weight"); igraph:
Graph.degree and Graph.strength(weights="weight")), and with --betweenness
networkx.betweenness_centrality(G, weight=1/weight, normalized=True).
"""
import json
import math
import sys


def plain(x):
    """JSON-safe value: NaN (igraph's missing value) becomes null, tuples lists."""
    if isinstance(x, float) and math.isnan(x):
        return None
    if isinstance(x, (list, tuple)):
        return [plain(y) for y in x]
    if isinstance(x, dict):
        return {str(k): plain(v) for k, v in x.items()}
    return x


def networkx_view(tool, path, betweenness):
    import networkx as nx
    g = nx.read_gexf(path) if tool == "networkx-gexf" else nx.read_graphml(path)
    nodes = {}
    for n, d in g.nodes(data=True):
        d = dict(d)
        d["topology_degree"] = g.degree(n)
        d["topology_strength"] = g.degree(n, weight="weight")
        nodes[n] = d
    if betweenness:
        h = nx.Graph()
        h.add_nodes_from(g.nodes)
        h.add_weighted_edges_from(((u, v, 1.0 / d["weight"]) for u, v, d in g.edges(data=True)), weight="distance")
        b = nx.betweenness_centrality(h, weight="distance", normalized=True)
        for n in nodes:
            nodes[n]["reference_betweenness"] = b[n]
    edges = [dict(d, source=u, target=v) for u, v, d in g.edges(data=True)]
    graph = {k: v for k, v in g.graph.items() if isinstance(v, (str, int, float))}
    return {"tool": "networkx " + nx.__version__, "directed": g.is_directed(), "graph": graph,
            "nodes": nodes, "edges": edges}


def igraph_view(path):
    import igraph
    g = igraph.Graph.Read_GraphML(path)
    strength = g.strength(weights="weight")
    nodes = {}
    for v in g.vs:
        d = v.attributes()
        d["topology_degree"] = v.degree()
        d["topology_strength"] = strength[v.index]
        nodes[v["id"]] = d
    edges = [dict(e.attributes(), source=g.vs[e.source]["id"], target=g.vs[e.target]["id"]) for e in g.es]
    return {"tool": "igraph " + igraph.__version__, "directed": g.is_directed(), "nodes": nodes, "edges": edges}


def main(argv):
    tool = argv[1]
    if tool in ("networkx-gexf", "networkx-graphml"):
        out = networkx_view(tool, argv[2], "--betweenness" in argv)
    elif tool == "igraph-graphml":
        out = igraph_view(argv[2])
    elif tool == "jsonschema":
        import jsonschema
        with open(argv[2], encoding="utf-8") as f:
            schema = json.load(f)
        with open(argv[3], encoding="utf-8") as f:
            doc = json.load(f)
        jsonschema.validators.validator_for(schema).check_schema(schema)
        jsonschema.validate(doc, schema)
        from importlib.metadata import version
        out = {"valid": True, "tool": "jsonschema " + version("jsonschema")}
    else:
        print("unknown tool " + tool, file=sys.stderr)
        return 2
    json.dump(plain(out), sys.stdout, ensure_ascii=False, allow_nan=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
