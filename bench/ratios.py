#!/usr/bin/env python3
"""Service / baseline ratios from one side_by_side.sh results file: per mode and concurrency, the median req/s of
each side's measured runs, their ratio, and each side's worst p99 and mean CPU per request. A file may hold more
than one service side (side-by-side.sh with BENCH_COMPARE): one table each, against the same baseline.

usage: ratios.py RESULTS_FILE
"""
import re
import statistics
import sys


def runs_by_side(path):
    sides, side = {}, None
    for line in open(path):
        heading = re.match(r"## ([\w-]+)", line)
        if heading:
            side = heading.group(1)
        elif line.startswith("rep=") and side:
            kv = dict(re.findall(r"(\w+)=(\S+)", line))
            sides.setdefault(side, {}).setdefault((kv["mode"], int(kv["c"])), []).append(kv)
    return sides


def median_rate(runs):
    return statistics.median(float(r["rps"]) for r in runs)


def worst_p99(runs):
    return max(float(r["p99_ms"]) for r in runs)


def cpu_per_request(runs):
    """Mean CPU milliseconds per request, the service's JVM and PostgreSQL together."""
    return sum(statistics.mean(float(r[field]) for r in runs) for field in ("app_cpu_ms_per_req", "pg_cpu_ms_per_req"))


def main(path):
    sides = runs_by_side(path)
    baseline = sides.get("baseline", {})
    for name, service in sides.items():
        if name == "baseline":
            continue
        print(f"{name}:")
        print("| mode | c | baseline req/s | service req/s | ratio | p99 ms baseline / service (worst run) "
              "| CPU ms/req app+PG baseline / service |")
        print("|---|---|---|---|---|---|---|")
        for key in sorted(set(baseline) & set(service)):
            b, s = baseline[key], service[key]
            print(f"| {key[0]} | {key[1]} | {median_rate(b):.0f} | {median_rate(s):.0f} | "
                  f"**{median_rate(s) / median_rate(b):.2f}×** | {worst_p99(b):.0f} / {worst_p99(s):.0f} | "
                  f"{cpu_per_request(b):.2f} / {cpu_per_request(s):.2f} |")
        print()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
