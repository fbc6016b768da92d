#!/usr/bin/python3
"""Child process of the network bench: NetworkX or igraph on one task.

Usage: /usr/bin/python3 python_runner.py <networkx|igraph> <task> <edge file> <out dir> [sources]
Prints one JSON line (see bench-protocol.ts) and writes values as little-endian float64 (or the
partition as int32) to <out dir>/<task>-<library>.<f64|i32>.

NetworkX's exact betweenness on 10,000 nodes / 100,000 ties takes tens of minutes, so the task
'betweenness-sources' runs exactly what nx.betweenness_centrality does for each source (its own
_single_source_shortest_path_basic + _accumulate_basic) on the given sources only; the bench
extrapolates that time to all n sources. The values are the partial sums rescaled as
NetworkX does for k sources (normalized, times n / k), which our runner computes the same way.
"""
import array
import json
import sys
import time


def read_edges(path):
    with open(path) as handle:
        header = handle.readline()
        nodes = int(header.split()[1])
        edges = [tuple(map(int, line.split())) for line in handle if line.strip()]
    return nodes, edges


def write(values, path, typecode):
    array.array(typecode, values).tofile(open(path, "wb"))


def timed(repeats, work):
    durations = []
    result = None
    for _ in range(repeats):
        start = time.perf_counter()
        result = work()
        durations.append(time.perf_counter() - start)
    ordered = sorted(durations)
    return result, ordered[len(ordered) // 2], durations


def run_networkx(task, nodes, edges, out, sources):
    import networkx as nx

    start = time.perf_counter()
    graph = nx.Graph()
    graph.add_nodes_from(range(nodes))
    graph.add_edges_from(edges)
    load = time.perf_counter() - start
    details = {"version": nx.__version__}
    if task == "betweenness-sources":
        from networkx.algorithms.centrality.betweenness import (
            _accumulate_basic,
            _rescale,
            _single_source_shortest_path_basic,
        )

        def partial():
            values = dict.fromkeys(graph, 0.0)
            for source in sources:
                S, P, sigma, _ = _single_source_shortest_path_basic(graph, source)
                values, _ = _accumulate_basic(values, S, P, sigma, source)
            return _rescale(values, nodes, normalized=True, directed=False, k=len(sources))

        result, seconds, repeats = timed(1, partial)
        write([result[v] for v in range(nodes)], f"{out}/{task}-networkx.f64", "d")
        details["sources"] = len(sources)
    elif task == "pagerank":
        result, seconds, repeats = timed(3, lambda: nx.pagerank(graph, weight=None))
        write([result[v] for v in range(nodes)], f"{out}/{task}-networkx.f64", "d")
    else:
        raise SystemExit(f"networkx runner has no task {task}")
    return seconds, repeats, load, details


def run_igraph(task, nodes, edges, out, sources):
    import igraph

    start = time.perf_counter()
    graph = igraph.Graph(n=nodes, edges=edges, directed=False)
    load = time.perf_counter() - start
    details = {"version": igraph.__version__}
    if task == "betweenness":
        result, seconds, repeats = timed(1, lambda: graph.betweenness(directed=False))
        # igraph counts each unordered pair once; NetworkX's normalized scale is 2 / ((n-1)(n-2)).
        scale = 2 / ((nodes - 1) * (nodes - 2))
        write([value * scale for value in result], f"{out}/{task}-igraph.f64", "d")
    elif task == "pagerank":
        result, seconds, repeats = timed(3, lambda: graph.pagerank(damping=0.85, directed=False))
        write(result, f"{out}/{task}-igraph.f64", "d")
        details["implementation"] = "prpack"
    elif task == "louvain":
        result, seconds, repeats = timed(3, lambda: graph.community_multilevel())
        write(result.membership, f"{out}/{task}-igraph.i32", "i")
        details["communities"] = len(result)
        details["ownModularity"] = result.modularity
    else:
        raise SystemExit(f"igraph runner has no task {task}")
    return seconds, repeats, load, details


def main():
    library, task, edge_file, out = sys.argv[1:5]
    sources = [int(s) for s in sys.argv[5].split(",")] if len(sys.argv) > 5 else []
    nodes, edges = read_edges(edge_file)
    runner = run_networkx if library == "networkx" else run_igraph
    seconds, repeats, load, details = runner(task, nodes, edges, out, sources)
    print(json.dumps({
        "library": library,
        "task": task,
        "seconds": seconds,
        "repeats": repeats,
        "loadSeconds": load,
        "details": details,
    }))


if __name__ == "__main__":
    main()
