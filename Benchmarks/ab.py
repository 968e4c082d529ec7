#!/usr/bin/env python3
"""A/B two durable-bench builds on this machine: interleaved in-process runs, medians per workload.

This VM's disk speed drifts from minute to minute, so two builds are compared by alternating their
runs (A, B, A, B, ...) and taking medians, never by two separate series. Optionally each run is
wrapped in `perf stat` so the CPU time (less sensitive to the disk) is compared too.

Usage:
  Benchmarks/ab.py A_BINARY B_BINARY [--runs 8] [--workloads W1,W2,W3,W4] [--store sqlite|memory] [--cpu]

Copy a build aside first, e.g.
  cp .build-release/x86_64-unknown-linux-gnu/release/durable-bench /tmp/bench-a
"""
import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile

# The figures per workload that the targets are about.
HEADLINE = {
    "W1": ["steps/s"],
    "W2": ["executions/s"],
    "W3": ["total ms"],
    "W4": ["late p99 ms", "wake-up late p99 ms"],
}


def run_once(binary: str, workloads: str, store: str, directory: str, cpu: bool) -> dict:
    command = [binary, "inprocess", "--store", store, "--workloads", workloads, "--directory", directory]
    if cpu:
        command = ["perf", "stat", "-x", ",", "-e", "task-clock", "--"] + command
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    figures = {}
    for line in done.stdout.splitlines():
        if not line.startswith("{"):
            continue
        result = json.loads(line)
        if result["metric"] in HEADLINE.get(result["workload"], []):
            figures[f'{result["workload"]} {result["metric"]}'] = result["value"]
    if cpu:
        match = re.search(r"^([0-9.]+),msec,task-clock", done.stderr, re.MULTILINE)
        if match:
            figures["CPU ms"] = float(match.group(1))
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("a")
    parser.add_argument("b")
    parser.add_argument("--runs", type=int, default=8)
    parser.add_argument("--workloads", default="W1,W2,W3,W4")
    parser.add_argument("--store", default="sqlite", choices=["sqlite", "memory"])
    parser.add_argument("--cpu", action="store_true", help="also compare CPU time (perf stat task-clock)")
    args = parser.parse_args()
    binaries = {"A": args.a, "B": args.b}
    samples = {name: {} for name in binaries}
    with tempfile.TemporaryDirectory(prefix="durable-ab-") as directory:
        for index in range(args.runs):
            for name, binary in binaries.items():
                figures = run_once(binary, args.workloads, args.store, directory, args.cpu)
                for key, value in figures.items():
                    samples[name].setdefault(key, []).append(value)
                shown = " ".join(f"{key} {value:,.1f}" for key, value in figures.items())
                print(f"run {index + 1} {name}: {shown}", flush=True)
    print()
    print(f"medians of {args.runs} interleaved runs ({args.store}); A = {args.a}, B = {args.b}")
    print(f"{'figure':<26} {'A':>12} {'B':>12} {'B/A':>8}")
    for key in samples["A"]:
        a = statistics.median(samples["A"][key])
        b = statistics.median(samples["B"].get(key, [float("nan")]))
        print(f"{key:<26} {a:>12,.1f} {b:>12,.1f} {b / a:>8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
