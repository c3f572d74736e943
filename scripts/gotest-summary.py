#!/usr/bin/env python3
"""Summarise `go test -json` output: failures in full, counts per package,
the Neo4j-backed tests separately, and one closing line
'N passed, N failed, N skipped'. Exits 1 if anything failed or if no test ran.
"""
import collections, json, sys

def main(path):
    out = collections.defaultdict(list)  # (pkg, test) -> output lines
    result = {}                          # (pkg, test) -> pass/fail/skip
    pkg_fail = set()
    build_out = []
    for line in open(path, encoding="utf-8", errors="replace"):
        line = line.strip()
        if not line.startswith("{"):
            build_out.append(line)
            continue
        ev = json.loads(line)
        pkg, test, action = ev.get("Package", ""), ev.get("Test"), ev.get("Action")
        if action == "output":
            out[(pkg, test)].append(ev.get("Output", ""))
        elif action in ("pass", "fail", "skip"):
            if test:
                result[(pkg, test)] = action
            elif action == "fail":
                pkg_fail.add(pkg)
    # Only top-level tests and subtests that are leaves are counted once each.
    names = set(result)
    leaves = {k for k in names if not any(o[0] == k[0] and o[1].startswith(k[1] + "/") for o in names)}
    counts = collections.Counter(result[k] for k in leaves)
    per_pkg = collections.defaultdict(collections.Counter)
    for k in leaves:
        per_pkg[k[0]][result[k]] += 1
    for k in sorted(leaves):
        if result[k] == "fail":
            print(f"--- FAIL {k[0]} {k[1]}")
            sys.stdout.write("".join(out[k]))
    for pkg in sorted(pkg_fail):
        if not any(k[0] == pkg and result[k] == "fail" for k in leaves):
            print(f"--- FAIL package {pkg}")
            sys.stdout.write("".join(out[(pkg, None)]))
    if build_out:
        print("\n".join(build_out))
    print("\nper package (passed/failed/skipped):")
    for pkg in sorted(set(per_pkg) | pkg_fail):
        c = per_pkg[pkg]
        print(f"  {pkg:55s} {c['pass']:4d} {c['fail']:3d} {c['skip']:3d}")
    neo = [k for k in leaves if "neo4j" in k[0].lower() or "neo4j" in k[1].lower()]
    nc = collections.Counter(result[k] for k in neo)
    print(f"\nNeo4j-backed tests: {nc['pass']} passed, {nc['fail']} failed, {nc['skip']} skipped")
    for k in sorted(neo):
        if result[k] == "skip":
            print(f"  skipped: {k[0]} {k[1]}")
    print(f"\n{counts['pass']} passed, {counts['fail']} failed, {counts['skip']} skipped")
    bad = counts["fail"] or pkg_fail or counts["pass"] == 0
    return 1 if bad else 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
