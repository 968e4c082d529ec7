#!/usr/bin/env python3
"""W2 on several nodes: N executions x S trivial steps (`probe-steps`) on 1, 2, 3… `durable serve`
nodes sharing one PostgreSQL database (and, with --sqlite-baseline, one node on SQLite first); each
node runs at most --concurrency invocations at once.

For each node count: a fresh database, the nodes started, every execution started (round-robin over
the nodes, InvocationType=Event), then the clock runs until no execution is RUNNING. Prints one
Markdown table row per node count.

    PGPORT=54343 scripts/postgres          # prints the server URL
    swift build -c release --product durable
    .venv-test/bin/python Benchmarks/multinode/w2_nodes.py --postgres postgres://durable@127.0.0.1:54343/durable_test \
        --binary .build/release/durable --nodes 1 2 3
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import boto3
from botocore.config import Config


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fresh_database(url: str) -> str:
    parsed = urlparse(url)
    name = "w2_" + uuid.uuid4().hex[:12]
    createdb = sorted(glob.glob("/usr/lib/postgresql/*/bin/createdb"))
    if not createdb:
        sys.exit("createdb not found: run scripts/postgres first")
    subprocess.run([createdb[-1], "-h", parsed.hostname or "127.0.0.1", "-p", str(parsed.port or 5432),
                    "-U", parsed.username or "postgres", name], check=True)
    return parsed._replace(path="/" + name).geturl()


def client(port: int) -> Any:
    return boto3.client("lambda", endpoint_url=f"http://127.0.0.1:{port}", region_name="us-east-1",
                        aws_access_key_id="test", aws_secret_access_key="test",
                        config=Config(retries={"max_attempts": 10, "mode": "standard"}, read_timeout=120,
                                      max_pool_connections=32))


def start_node(binary: str, database: str, index: int, args: argparse.Namespace, workdir: Path) -> tuple[subprocess.Popen[bytes], int]:
    port = free_port()
    log = open(workdir / f"node{index}.log", "ab")
    process = subprocess.Popen(
        [binary, "serve", "--host", "127.0.0.1", "--port", str(port), "--db", database, "--probe-functions",
         "--node-id", f"node{index}", "--max-concurrent-invocations", str(args.concurrency),
         "--db-pool-size", str(args.pool_size), "--log-level", "warning"],
        stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"node {index} exited: {(workdir / f'node{index}.log').read_text()[-2000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return process, port
        except OSError:
            time.sleep(0.1)
    sys.exit(f"node {index} did not start")


def run(node_count: int, args: argparse.Namespace, sqlite: bool = False) -> dict[str, float]:
    workdir = Path(tempfile.mkdtemp(prefix=f"w2-{node_count}-"))
    database = str(workdir / "w2.sqlite") if sqlite else fresh_database(args.postgres)
    nodes = [start_node(args.binary, database, i, args, workdir) for i in range(node_count)]
    try:
        clients = [client(port) for _, port in nodes]
        payload = json.dumps({"steps": args.steps})

        def start(i: int) -> None:
            clients[i % node_count].invoke(FunctionName="probe-steps", InvocationType="Event",
                                           DurableExecutionName=f"w2-{i}", Payload=payload)

        began = time.monotonic()
        with ThreadPoolExecutor(max_workers=16) as pool:
            list(pool.map(start, range(args.executions)))
        started = time.monotonic() - began
        while True:
            page = clients[0].list_durable_executions_by_function(FunctionName="probe-steps", Statuses=["RUNNING"], MaxItems=1)
            if not page["DurableExecutions"]:
                break
            time.sleep(0.1)
        elapsed = time.monotonic() - began
        counts: dict[str, int] = {}
        marker = None
        while True:
            kwargs: dict[str, Any] = {"FunctionName": "probe-steps", "MaxItems": 1000}
            if marker:
                kwargs["Marker"] = marker
            page = clients[0].list_durable_executions_by_function(**kwargs)
            for e in page["DurableExecutions"]:
                counts[e["Status"]] = counts.get(e["Status"], 0) + 1
            marker = page.get("NextMarker")
            if not marker:
                break
        if counts != {"SUCCEEDED": args.executions}:
            sys.exit(f"{node_count} nodes: not all succeeded: {counts}")
        return {"nodes": node_count, "seconds": elapsed, "start_seconds": started,
                "executions_per_second": args.executions / elapsed,
                "steps_per_second": args.executions * args.steps / elapsed}
    finally:
        for process, _ in nodes:
            process.send_signal(signal.SIGTERM)
        for process, _ in nodes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--postgres", default=os.environ.get("DURABLE_POSTGRES_URL"), help="server URL (a database is created per run)")
    parser.add_argument("--binary", default=".build/release/durable")
    parser.add_argument("--nodes", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--executions", type=int, default=1000)
    parser.add_argument("--steps", type=int, default=10)
    parser.add_argument("--concurrency", type=int, default=32, help="--max-concurrent-invocations per node")
    parser.add_argument("--pool-size", type=int, default=20, help="--db-pool-size per node")
    parser.add_argument("--sqlite-baseline", action="store_true", help="first, one node on a SQLite file, for comparison")
    args = parser.parse_args()
    if not args.postgres:
        sys.exit("--postgres (or DURABLE_POSTGRES_URL) is required")
    print("| store | nodes | wall s | start s | executions/s | steps/s |")
    print("|---|---:|---:|---:|---:|---:|")
    runs = [("SQLite", 1, True)] if args.sqlite_baseline else []
    runs += [("PostgreSQL", count, False) for count in args.nodes]
    for store, count, sqlite in runs:
        r = run(count, args, sqlite=sqlite)
        print(f"| {store} | {count} | {r['seconds']:.1f} | {r['start_seconds']:.1f} | {r['executions_per_second']:.1f} "
              f"| {r['steps_per_second']:.0f} |", flush=True)


if __name__ == "__main__":
    main()
