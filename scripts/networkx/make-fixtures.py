#!/usr/bin/python3
"""Reference values from NetworkX for src/network/analytics/networkx-fixtures.test.ts.

Run with Debian's Python (apt-get install -y python3-networkx python3-scipy):
    /usr/bin/python3 scripts/networkx/make-fixtures.py
Writes src/network/analytics/fixtures/<graph>.json. Every graph is seeded, so rerunning with the
same NetworkX version reproduces the files byte for byte; the version is recorded in each file.

Tie weights are strengths (1-5). Weighted shortest paths use length = 1 / strength, which is what
our `weight: 'strength'` option does; PageRank uses the strength itself as the transition weight.
"""
import json
import pathlib
import random
import sys

import networkx as nx

OUT = pathlib.Path(__file__).resolve().parents[2] / "src" / "network" / "analytics" / "fixtures"


def with_strengths(graph, seed, choices=(1, 2, 3, 4, 5)):
    rng = random.Random(seed)
    for u, v in sorted(graph.edges()):
        graph[u][v]["strength"] = rng.choice(choices)
    return graph


def relabel_to_strings(graph):
    return nx.relabel_nodes(graph, {node: str(node) for node in graph.nodes()})


def karate():
    graph = nx.karate_club_graph()  # edges carry the interaction counts as 'weight'
    for u, v, data in graph.edges(data=True):
        data["strength"] = data.get("weight", 1)
    clubs = sorted({graph.nodes[node]["club"] for node in graph})
    partition = [[node for node in graph if graph.nodes[node]["club"] == club] for club in clubs]
    return graph, partition


def weighted_random():
    return with_strengths(nx.gnm_random_graph(60, 180, seed=7), seed=7), None


def disconnected():
    graph = nx.gnp_random_graph(20, 0.2, seed=3)
    graph = nx.disjoint_union(graph, nx.cycle_graph(10))
    graph = nx.disjoint_union(graph, nx.path_graph(4))
    graph.add_nodes_from([34, 35])  # two isolated organizations
    return with_strengths(graph, seed=3), None


def planted_partition():
    graph = nx.planted_partition_graph(6, 50, 0.25, 0.01, seed=42)
    partition = [sorted(block) for block in graph.graph["partition"]]
    return with_strengths(graph, seed=42), partition


def tied_grid():
    """Strengths 1, 2 and 4 make many weighted paths of exactly equal length."""
    graph = nx.convert_node_labels_to_integers(nx.grid_2d_graph(6, 6), ordering="sorted")
    return with_strengths(graph, seed=11, choices=(1, 2, 4)), None


def path():
    return nx.path_graph(7), None


def star():
    return nx.star_graph(8), None


GRAPHS = {
    "karate": karate,
    "weighted-random": weighted_random,
    "disconnected": disconnected,
    "planted-partition": planted_partition,
    "tied-grid": tied_grid,
    "path": path,
    "star": star,
}


def aligned(values, nodes):
    return [values[node] for node in nodes]


def describe(name, build):
    graph, partition = build()
    for u, v, data in graph.edges(data=True):
        data.setdefault("strength", 1)
        data["distance"] = 1 / data["strength"]
    graph = relabel_to_strings(graph)
    nodes = list(graph.nodes())
    fixture = {
        "name": name,
        "generator": f"networkx {nx.__version__}, python {sys.version.split()[0]}",
        "networkx": nx.__version__,
        "nodes": nodes,
        "edges": [[u, v, data["strength"]] for u, v, data in graph.edges(data=True)],
        "betweenness": {
            "hops": aligned(nx.betweenness_centrality(graph), nodes),
            "strength": aligned(nx.betweenness_centrality(graph, weight="distance"), nodes),
            "hopsUnnormalized": aligned(nx.betweenness_centrality(graph, normalized=False), nodes),
            "hopsEndpoints": aligned(nx.betweenness_centrality(graph, endpoints=True), nodes),
        },
        "closeness": {
            "hops": aligned(nx.closeness_centrality(graph), nodes),
            "strength": aligned(nx.closeness_centrality(graph, distance="distance"), nodes),
            "hopsWithoutWassermanFaust": aligned(nx.closeness_centrality(graph, wf_improved=False), nodes),
        },
        "pagerank": {
            "unweighted": aligned(nx.pagerank(graph, weight=None), nodes),
            "strength": aligned(nx.pagerank(graph, weight="strength"), nodes),
        },
        "degreeCentrality": aligned(nx.degree_centrality(graph), nodes),
        "density": nx.density(graph),
    }
    if partition is not None:
        blocks = [[str(node) for node in block] for block in partition]
        fixture["partition"] = {
            "blocks": blocks,
            "modularity": nx.community.modularity(graph, blocks, weight=None),
            "modularityStrength": nx.community.modularity(graph, blocks, weight="strength"),
            "modularityResolution2": nx.community.modularity(graph, blocks, weight=None, resolution=2),
        }
    return fixture


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for name, build in GRAPHS.items():
        fixture = describe(name, build)
        path_out = OUT / f"{name}.json"
        path_out.write_text(json.dumps(fixture, indent=None, separators=(",", ":")) + "\n")
        print(f"{path_out.relative_to(OUT.parents[3])}: {len(fixture['nodes'])} nodes, {len(fixture['edges'])} edges")


if __name__ == "__main__":
    main()
