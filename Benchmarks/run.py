#!/usr/bin/env python3
"""Runs the W1–W6 benchmarks of swift-durable-functions beside its peers, in one run on one machine,
and prints one table: workload, metric, peer, median of N runs, min–max, and how many times better
we are than the peer (for rates ours/theirs, for times theirs/ours).

    python3 Benchmarks/run.py [--repeats 3] [--skip-peers] [--only W1,W2] [--ours swift-http-postgres,...]

It builds `durable-bench` in release mode (scratch path .build-release), creates .venv-bench with the
peers at pinned versions from PyPI, starts a throwaway PostgreSQL server (scripts/postgres on $PGPORT,
fsync on), then runs every repetition as: ours (in process on SQLite and in memory; over HTTP with
the functions compiled in or in worker processes, on SQLite and on PostgreSQL; the crash test), the
AWS runner (in-memory and SQLite), DBOS on SQLite, and last the disk floor, each run after a 5-second
pause. A second table states each of our other configurations as a ratio to the in-process SQLite run.
Raw JSON lines go to output/bench-<time>.jsonl, the tables to stdout and output/bench-<time>.md."""

from __future__ import annotations

import argparse
import glob
import json
import os
import platform
import statistics
import subprocess
import sys
import time
import urllib.parse
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PEERS = ["aws-durable-execution-sdk-python-testing==1.4.0", "dbos==3.4.0"]
VENV = ROOT / ".venv-bench"
BENCH = ROOT / ".build-release" / "release" / "durable-bench"
REFERENCE = "swift-inproc-sqlite"
# Our configurations, in the order a repetition runs them (--ours picks some).
OURS = ["swift-inproc-sqlite", "swift-inproc-memory", "swift-http-sqlite", "swift-http-worker-sqlite",
        "swift-http-postgres", "swift-http-worker-postgres", "swift-crash"]
POSTGRES_CONFIGURATIONS = {"swift-http-postgres", "swift-http-worker-postgres"}
# The worker rows: processes × invocations each runs of every function = the engine's 64 in-process slots.
WORKERS = ["--workers", "2", "--worker-concurrency", "32"]
# Metrics where smaller is better; every other metric is a rate.
SMALLER_IS_BETTER = ("ms", "s", "MiB", "steps")


def sh(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, check=True, **kwargs)


def postgres_environment() -> dict[str, str]:
    # fsync on: our SQLite commits are durable (synchronous=FULL), so PostgreSQL's must be too.
    return dict(os.environ, DURABLE_POSTGRES_FSYNC="on")


def start_postgres() -> str | None:
    """Starts a throwaway PostgreSQL server with scripts/postgres (on $PGPORT) and returns its URL, or
    None after saying why the PostgreSQL rows are skipped."""
    port = os.environ.get("PGPORT", "54329 (scripts/postgres's default; set PGPORT)")
    print(f"== starting PostgreSQL on port {port} (scripts/postgres, fsync on)", file=sys.stderr, flush=True)
    try:
        done = subprocess.run([str(ROOT / "scripts" / "postgres")], env=postgres_environment(), capture_output=True,
                              text=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as error:
        print(f"== PostgreSQL rows skipped: scripts/postgres did not start a server ({error})", file=sys.stderr, flush=True)
        return None
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines or not lines[-1].startswith("postgres://"):
        print(f"== PostgreSQL rows skipped: scripts/postgres failed (exit {done.returncode}):\n{done.stderr[-2000:]}",
              file=sys.stderr, flush=True)
        return None
    return lines[-1]


def stop_postgres() -> None:
    subprocess.run([str(ROOT / "scripts" / "postgres"), "stop"], env=postgres_environment(), check=False)


def fresh_database(url: str, name: str) -> str:
    """Creates database `name` on the server of `url` (so every run starts empty) and returns its URL."""
    parts = urllib.parse.urlsplit(url)
    createdb = sorted(glob.glob("/usr/lib/postgresql/*/bin/createdb"))[-1]
    sh([createdb, "-h", parts.hostname or "127.0.0.1", "-p", str(parts.port or 5432), "-U", parts.username or "durable", name])
    return urllib.parse.urlunsplit(parts._replace(path="/" + name))


def prepare(skip_peers: bool, binary: str | None) -> None:
    global BENCH
    if binary:
        BENCH = Path(binary).resolve()
        print(f"== using {BENCH} (not rebuilt)", file=sys.stderr, flush=True)
    else:
        print("== swift build -c release --product durable-bench", file=sys.stderr, flush=True)
        sh(["swift", "build", "-c", "release", "--scratch-path", str(ROOT / ".build-release"), "--product", "durable-bench"],
           cwd=ROOT, stdout=subprocess.DEVNULL)
    if skip_peers:
        return
    if not (VENV / "bin" / "python").exists():
        print(f"== creating {VENV}", file=sys.stderr, flush=True)
        sh([sys.executable, "-m", "venv", str(VENV)])
    check = "import aws_durable_execution_sdk_python_testing, dbos, importlib.metadata as m; " \
            "assert m.version('dbos') == '3.4.0' and m.version('aws-durable-execution-sdk-python-testing') == '1.4.0'"
    if subprocess.run([str(VENV / "bin" / "python"), "-c", check], capture_output=True).returncode != 0:
        print("== installing " + " ".join(PEERS), file=sys.stderr, flush=True)
        sh([str(VENV / "bin" / "pip"), "install", "-q", *PEERS])


def cpu_ticks() -> tuple[int, int]:
    """(steal, total) CPU ticks of the machine so far, from /proc/stat; (0, 0) where there is none."""
    try:
        fields = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return (0, 0)
    # user nice system idle iowait irq softirq steal guest guest_nice; guest time is inside user.
    return (fields[7] if len(fields) > 7 else 0, sum(fields[:8]))


def steal_percent(before: tuple[int, int], after: tuple[int, int]) -> float | None:
    """The share of CPU time the hypervisor gave to other guests between two `cpu_ticks` readings."""
    total = after[1] - before[1]
    return None if total <= 0 else 100 * (after[0] - before[0]) / total


# Seconds between runs, so that one run's write-back of dirty pages does not fall into the next one's
# measurement (the same pause before ours and every peer's run).
SETTLE_SECONDS = 5


def collect(command: list[str], label: str, results: list[dict], timeout: float) -> None:
    print(f"-- {label}", file=sys.stderr, flush=True)
    started = time.monotonic()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=ROOT / "Benchmarks" / "peers")
        stdout = done.stdout
        if done.returncode != 0:
            print(f"   {label}: exit {done.returncode}\n{done.stderr[-2000:]}", file=sys.stderr, flush=True)
    except subprocess.TimeoutExpired as expired:
        # The workloads that finished before the timeout still count.
        print(f"   {label}: timed out after {timeout:.0f} s", file=sys.stderr, flush=True)
        output = expired.stdout or ""
        stdout = output.decode() if isinstance(output, bytes) else output
    for line in stdout.splitlines():
        if line.startswith("{"):
            try:
                result = json.loads(line)
            except ValueError:
                continue  # cut off by a timeout
            results.append(result)
            note = f"  ({result['note']})" if result.get("note") else ""
            print(f"   {result['workload']} {result['peer']} {result['metric']}: {result['value']:.1f}{note}", file=sys.stderr, flush=True)
    print(f"   {label}: {time.monotonic() - started:.1f} s", file=sys.stderr, flush=True)


def commands(selected: set[str], skip_peers: bool, configurations: set[str],
             databases: dict[str, str]) -> list[tuple[str, list[str], float]]:
    """The runs of one repetition; `databases` holds a fresh PostgreSQL URL per PostgreSQL configuration."""
    bench = str(BENCH)
    python = str(VENV / "bin" / "python")
    ours = ",".join(sorted(selected & {"W1", "W2", "W3", "W4", "W6"}))
    http = ",".join(sorted(selected & {"W1", "W2", "W3", "W4"}))
    peer = ",".join(sorted(selected & {"W1", "W2", "W3", "W4"}))
    runs: list[tuple[str, list[str], float]] = []
    if ours:
        if "swift-inproc-sqlite" in configurations:
            runs.append(("ours, in process, SQLite", [bench, "inprocess", "--store", "sqlite", "--workloads", ours], 600))
        if "swift-inproc-memory" in configurations:
            runs.append(("ours, in process, memory", [bench, "inprocess", "--store", "memory", "--workloads", ours], 600))
    if http:
        over_http = [
            ("swift-http-sqlite", "ours, HTTP, SQLite", []),
            ("swift-http-worker-sqlite", "ours, HTTP, 2 worker processes, SQLite", WORKERS),
            ("swift-http-postgres", "ours, HTTP, PostgreSQL", ["--db", databases.get("swift-http-postgres", "")]),
            ("swift-http-worker-postgres", "ours, HTTP, 2 worker processes, PostgreSQL",
             [*WORKERS, "--db", databases.get("swift-http-worker-postgres", "")]),
        ]
        for name, label, extra in over_http:
            if name in configurations and (name not in POSTGRES_CONFIGURATIONS or name in databases):
                runs.append((label, [bench, "http", "--peer", name, "--workloads", http, *extra], 600))
    if "W5" in selected and "swift-crash" in configurations:
        runs.append(("ours, W5 crash", [bench, "crash"], 600))
    # The floor is a burst of thousands of fsyncs, and a durable run started right after it measured
    # slower (W1, six pairs: median ~3,460 steps/s right after it, ~4,020 ten seconds later), so it
    # goes last in the repetition, and every run starts after a settle pause (`SETTLE_SECONDS`).
    floor = ("disk floor", [bench, "floor"], 60)
    if skip_peers:
        return runs + [floor]
    if peer:
        runs.append(("AWS runner, memory", [python, "aws_runner.py", "--store", "memory", "--workloads", peer], 900))
    if "W1" in selected:
        # Its SQLite store rewrites the whole execution on every checkpoint: W1 alone takes about a minute.
        runs.append(("AWS runner, SQLite", [python, "aws_runner.py", "--store", "sqlite", "--workloads", "W1"], 900))
    dbos = ",".join(sorted(selected & {"W1", "W2", "W3", "W4", "W5"}))
    if dbos:
        runs.append(("DBOS, SQLite", [python, "dbos_peer.py", "--workloads", dbos], 900))
    return runs + [floor]


def table(results: list[dict], repeats: int) -> str:
    grouped: dict[tuple[str, str], dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    units: dict[tuple[str, str], str] = {}
    for result in results:
        key = (result["workload"], result["metric"])
        grouped[key][result["peer"]].append(result["value"])
        units[key] = result["unit"]
    lines = [f"| workload | metric | peer | median of {repeats} | min–max | ours ÷ peer |", "|---|---|---|---:|---:|---:|"]
    order = {"floor": 0, "W1": 1, "W2": 2, "W3": 3, "W4": 4, "W5": 5, "W6": 6}
    for key in sorted(grouped, key=lambda k: (order.get(k[0], 9), k[1])):
        peers = grouped[key]
        reference = peers.get(REFERENCE) or peers.get("swift-http-sqlite")
        ours = statistics.median(reference) if reference else None
        smaller = units[key] in SMALLER_IS_BETTER
        for peer in sorted(peers, key=lambda p: (not p.startswith("swift"), p)):
            values = peers[peer]
            median = statistics.median(values)
            ratio = ""
            if ours is not None and not peer.startswith("swift") and key[0] != "floor":
                if smaller and ours > 0:
                    ratio = f"{median / ours:.1f}×"
                elif not smaller and median > 0:
                    ratio = f"{ours / median:.1f}×"
            lines.append(f"| {key[0]} | {key[1]} | {peer} | {median:,.1f} | {min(values):,.1f}–{max(values):,.1f} | {ratio} |")
    return "\n".join(lines)


def ratio_table(results: list[dict], repeats: int) -> str:
    """Each of our other configurations against the in-process SQLite run of the same invocation: for
    rates theirs ÷ in-process, for times in-process ÷ theirs, so below 1× is slower than in process."""
    grouped: dict[tuple[str, str], dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    units: dict[tuple[str, str], str] = {}
    for result in results:
        if result["peer"].startswith("swift"):
            grouped[(result["workload"], result["metric"])][result["peer"]].append(result["value"])
            units[(result["workload"], result["metric"])] = result["unit"]
    lines = [f"| workload | metric | ours as | median of {repeats} | in-process SQLite | ÷ in-process SQLite |",
             "|---|---|---|---:|---:|---:|"]
    order = {name: index for index, name in enumerate(OURS)}
    for key in sorted(grouped, key=lambda k: (k[0], k[1])):
        peers = grouped[key]
        if REFERENCE not in peers:
            continue
        reference = statistics.median(peers[REFERENCE])
        smaller = units[key] in SMALLER_IS_BETTER
        for peer in sorted(peers, key=lambda p: order.get(p, len(order))):
            if peer == REFERENCE:
                continue
            median = statistics.median(peers[peer])
            ratio = ""
            if smaller and median > 0:
                ratio = f"{reference / median:.2f}×"
            elif not smaller and reference > 0:
                ratio = f"{median / reference:.2f}×"
            lines.append(f"| {key[0]} | {key[1]} | {peer} | {median:,.1f} | {reference:,.1f} | {ratio} |")
    return "\n".join(lines) if len(lines) > 2 else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--skip-peers", action="store_true")
    parser.add_argument("--only", default="W1,W2,W3,W4,W5,W6")
    parser.add_argument("--binary", help="run this durable-bench instead of building it in release (to check the script; "
                        "a debug build's figures are not comparable)")
    parser.add_argument("--ours", default=",".join(OURS),
                        help="comma-separated configurations of ours to run (default all: " + ",".join(OURS) + ")")
    args = parser.parse_args()
    selected = set(args.only.upper().split(","))
    configurations = set(args.ours.split(","))
    if unknown := configurations - set(OURS):
        parser.error(f"--ours: unknown {', '.join(sorted(unknown))}; known: {', '.join(OURS)}")
    prepare(args.skip_peers, args.binary)
    postgres = None
    if configurations & POSTGRES_CONFIGURATIONS and selected & {"W1", "W2", "W3", "W4"}:
        postgres = start_postgres()
    try:
        text = run(args, selected, configurations, postgres)
    finally:
        if postgres:
            stop_postgres()
    print(text)


def run(args: argparse.Namespace, selected: set[str], configurations: set[str], postgres: str | None) -> str:
    output = ROOT / "output"
    output.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
    results: list[dict] = []
    loads = [os.getloadavg()[0]]
    # On a VM, CPU time taken by other guests (steal) slows every run, ours and the peers' alike.
    steals: list[tuple[float, str]] = []
    for repeat in range(args.repeats):
        print(f"== repetition {repeat + 1} of {args.repeats}", file=sys.stderr, flush=True)
        databases = {}
        if postgres:
            for name in sorted(configurations & POSTGRES_CONFIGURATIONS):
                databases[name] = fresh_database(postgres, f"bench_{stamp.replace('-', '_')}_{repeat + 1}_{name.replace('-', '_')}")
        for label, command, timeout in commands(selected, args.skip_peers, configurations, databases):
            time.sleep(SETTLE_SECONDS)
            before = cpu_ticks()
            collect(command, label, results, timeout)
            loads.append(os.getloadavg()[0])
            stolen = steal_percent(before, cpu_ticks())
            if stolen is not None:
                steals.append((stolen, f"{label}, repetition {repeat + 1}"))
                print(f"   CPU steal during the run: {stolen:.1f} %", file=sys.stderr, flush=True)
    (output / f"bench-{stamp}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in results))
    header = (f"Run {stamp} UTC on {platform.node()}: {os.cpu_count()} cores, {platform.platform()}; "
              f"1-minute load average during the run {min(loads):.1f}–{max(loads):.1f}.")
    if steals:
        worst = max(steals)
        header += (f" CPU steal (time the hypervisor gave other guests) per run: median {statistics.median(s for s, _ in steals):.1f} %, "
                   f"most {worst[0]:.1f} % ({worst[1]}).")
    text = header + "\n\n" + table(results, args.repeats) + "\n"
    ratios = ratio_table(results, args.repeats)
    if ratios:
        text += ("\nOurs in other configurations, as a ratio to the in-process SQLite run above (rates theirs ÷ in-process, "
                 "times in-process ÷ theirs: below 1× is slower):\n\n" + ratios + "\n")
    (output / f"bench-{stamp}.md").write_text(text)
    return text


if __name__ == "__main__":
    main()
