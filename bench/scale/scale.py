#!/usr/bin/env python3
"""The measuring half of bench/scale/run.sh: for each corpus size, loads the
first N synthetic articles and the team-written ones into geokg's memory
store (a fresh `geokg serve --articles`) and into Neo4j (`geokg load` of the
articles the last size did not have), then times Q1 and Q2 through geokg's
GraphQL API; prints a table and draws scale.png.

  scale.py GEOKG CORPUS TEAM OUT --sizes 1000,5000 --neo4j-pid PID --port 17729

NEO4J_URI says which Neo4j; it starts empty."""
import argparse, json, os, statistics, subprocess, sys, time, urllib.request

Q1 = """query Q1($name: String!) { entity(name: $name) { id
  relations(direction: OUT, first: 100) { nodes { id type target { name } evidence { text } } } } }"""
Q2 = """query Q2($id: ID!) { neighborhood(id: $id, depth: 2) { nodes { id label } edges { id source target type } } }"""


def post(url, query, variables):
    req = urllib.request.Request(url, json.dumps({"query": query, "variables": variables}).encode(),
                                 {"content-type": "application/json"})
    with urllib.request.urlopen(req, timeout=120) as r:
        body = json.load(r)
    if body.get("errors"):
        raise SystemExit(f"scale: {url}: {body['errors']}")
    return body["data"]


def p50(url, query, variables, n, check):
    """Median latency in ms of n requests in a row, after two to warm up;
    check(data) must hold for the answer."""
    if not check(post(url, query, variables)):
        raise SystemExit(f"scale: unexpected answer to {query.split('(')[0]} {variables}")
    post(url, query, variables)
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        post(url, query, variables)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def hwm_mib(pid, field="VmHWM"):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


def wait_ready(url, proc, log, timeout=3600):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"scale: geokg exited ({proc.returncode}); log {log}")
        try:
            urllib.request.urlopen(url + "/readyz", timeout=2)
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"scale: {url} not ready; log {log}")


def serve(geokg, port, log, extra, env):
    return subprocess.Popen([geokg, "serve", "--no-seed", "--rate", "0", "--max-expensive", "64",
                             "--addr", f"127.0.0.1:{port}", *extra],
                            stdout=open(log, "w"), stderr=subprocess.STDOUT, env=env)


def stop(proc):
    proc.terminate()
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def folder(out, corpus, team, lo, hi):
    """A folder holding synthetic articles lo..hi-1 (hard links) and, when
    lo is 0, the team-written ones."""
    d = os.path.join(out, f"articles-{lo}-{hi}")
    if os.path.isdir(d):  # the memory store's folder is also Neo4j's first
        return d
    os.makedirs(d)
    names = sorted(os.listdir(corpus))[lo:hi]
    for n in names:
        os.link(os.path.join(corpus, n), os.path.join(d, n))
    if lo == 0:
        for n in os.listdir(team):
            os.link(os.path.join(team, n), os.path.join(d, n))
    return d


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("geokg"), ap.add_argument("corpus"), ap.add_argument("team"), ap.add_argument("out")
    ap.add_argument("--sizes", default="1000,5000,10000,20000")
    ap.add_argument("--neo4j-pid", type=int, required=True)
    ap.add_argument("--port", type=int, default=17729)
    ap.add_argument("--requests", type=int, default=30, help="timed requests per query and size")
    ap.add_argument("--q1", default="United States", help="Q1's entity: one whose relations the synthetic articles do not add to")
    ap.add_argument("--hub", default="country:UA", help="Q2's centre")
    ap.add_argument("--plot", required=True)
    a = ap.parse_args()
    sizes = [int(s) for s in a.sizes.split(",")]
    url = f"http://127.0.0.1:{a.port}"
    gql = url + "/graphql"
    env_mem = {k: v for k, v in os.environ.items() if k != "NEO4J_URI"}

    def measure():
        q1 = p50(gql, Q1, {"name": a.q1}, a.requests, lambda d: d["entity"] and d["entity"]["relations"]["nodes"])
        q2 = p50(gql, Q2, {"id": a.hub}, a.requests, lambda d: d["neighborhood"]["edges"])
        return q1, q2

    # Each row is printed when measured, so a failed load keeps the sizes before it.
    print("| articles | store | load s | geokg peak RSS MiB | Neo4j RSS MiB | Q1 p50 ms | Q2 p50 ms |")
    print("|---|---|---|---|---|---|---|", flush=True)

    def row(**r):
        rows.append(r)
        neo = f"{r['neo4j']:.0f}" if r["neo4j"] is not None else "–"
        print(f"| {r['articles']} | {r['store']} | {r['load']:.1f} | {r['rss']:.0f} | {neo} | {r['q1']:.1f} | {r['q2']:.1f} |", flush=True)

    rows, loaded, neo4j_load = [], 0, 0.0
    for n in sizes:
        # The memory store: a fresh process loads everything at start.
        d = folder(a.out, a.corpus, a.team, 0, n)
        log = os.path.join(a.out, f"memory-{n}.log")
        t0 = time.perf_counter()
        p = serve(a.geokg, a.port, log, ["--articles", d], env_mem)
        try:
            wait_ready(url, p, log)
            secs = time.perf_counter() - t0
            rss = hwm_mib(p.pid)
            q1, q2 = measure()
        finally:
            stop(p)
        row(articles=n, store="memory", load=secs, rss=rss, neo4j=None, q1=q1, q2=q2)

        # Neo4j: only the articles this size adds; the load time adds up.
        d = folder(a.out, a.corpus, a.team, loaded, n)
        log = os.path.join(a.out, f"load-{n}.log")
        t0 = time.perf_counter()
        p = subprocess.Popen([a.geokg, "load", d], stdout=subprocess.DEVNULL, stderr=open(log, "w"))
        _, status, usage = os.wait4(p.pid, 0)
        if status != 0:
            with open(log) as f:
                tail = [l for l in f if not l.startswith("[")][-20:]
            raise SystemExit(f"scale: geokg load of {n} articles failed (status {status}):\n" + "".join(tail))
        neo4j_load += time.perf_counter() - t0
        loaded = n
        log = os.path.join(a.out, f"neo4j-{n}.log")
        p = serve(a.geokg, a.port, log, [], os.environ)
        try:
            wait_ready(url, p, log)
            q1, q2 = measure()
        finally:
            stop(p)
        row(articles=n, store="Neo4j", load=neo4j_load, rss=usage.ru_maxrss / 1024,
            neo4j=hwm_mib(a.neo4j_pid, "VmRSS"), q1=q1, q2=q2)

    print(f"\nQ1: entity(name: {a.q1!r}) with its first 100 outgoing relations, target names, evidence; "
          f"Q2: neighborhood(id: {a.hub!r}, depth: 2); p50 of {a.requests} requests in a row. "
          "Neo4j's load time is cumulative; its geokg RSS is `geokg load`'s peak for the last increment.")
    plot(rows, a.plot)
    print(f"plot: {a.plot}")


def plot(rows, path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, axes = plt.subplots(1, 4, figsize=(16, 3.8))
    for store, mark in (("memory", "o-"), ("Neo4j", "s-")):
        rs = [r for r in rows if r["store"] == store]
        xs = [r["articles"] for r in rs]
        for ax, key, title in zip(axes, ("load", "rss", "q1", "q2"),
                                  ("load time (s)", "geokg peak RSS (MiB)", "Q1 p50 (ms)", "Q2 p50 (ms)")):
            ax.plot(xs, [r[key] for r in rs], mark, label=store)
            ax.set_title(title)
            ax.set_xlabel("articles")
    axes[0].legend()
    fig.tight_layout()
    fig.savefig(path, dpi=100)


if __name__ == "__main__":
    main()
