"""Three `durable serve` nodes on one PostgreSQL database, 1000 executions of a step / wait / callback /
step workflow, one node killed with kill -9 mid-run: every execution completes, no timer takes effect
twice, and no step whose result was recorded runs again."""

from __future__ import annotations

import glob
import json
import os
import random
import re
import subprocess
import time
import uuid
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from conftest import DurableServer

EXECUTIONS = 1000
NODES = 3


def fresh_database(url: str) -> str:
    """A new empty database on the server of `url`, so this test shares no rows with others."""
    parsed = urlparse(url)
    name = "multinode_" + uuid.uuid4().hex[:12]
    createdb = sorted(glob.glob("/usr/lib/postgresql/*/bin/createdb"))
    assert createdb, "createdb not found: install PostgreSQL (scripts/postgres does)"
    subprocess.run([createdb[-1], "-h", parsed.hostname or "127.0.0.1", "-p", str(parsed.port or 5432),
                    "-U", parsed.username or "postgres", name], check=True)
    return parsed._replace(path="/" + name).geturl()


def effects(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def all_executions(lam: Any) -> dict[str, dict[str, Any]]:
    """Every probe-mixed execution by name, following markers."""
    found: dict[str, dict[str, Any]] = {}
    marker = None
    while True:
        kwargs: dict[str, Any] = {"FunctionName": "probe-mixed", "MaxItems": 1000}
        if marker:
            kwargs["Marker"] = marker
        page = lam.list_durable_executions_by_function(**kwargs)
        for summary in page["DurableExecutions"]:
            found[summary["DurableExecutionName"]] = summary
        marker = page.get("NextMarker")
        if not marker:
            return found


@pytest.mark.skipif("DURABLE_POSTGRES_URL" not in os.environ, reason="needs DURABLE_POSTGRES_URL (scripts/postgres)")
def test_three_nodes_one_killed(durable_binary: Path, tmp_path: Path) -> None:
    database = fresh_database(os.environ["DURABLE_POSTGRES_URL"])
    effects_log = tmp_path / "effects.log"
    nodes = [
        DurableServer(durable_binary, tmp_path, env={"DURABLE_SIDE_EFFECTS": str(effects_log)}, db=database,
                      log_name=f"node{i}.log",
                      args=["--probe-functions", "--node-id", f"node{i}", "--lease-duration", "5", "--poll-interval", "0.5",
                            "--max-concurrent-invocations", "16", "--log-level", "debug"])
        for i in range(NODES)
    ]
    for node in nodes:
        node.start()
    victim = nodes[1]
    # (A loaded CI machine can stall a node past a short lease; takeover then fences it, which is safe.)
    try:
        clients = [node.client() for node in nodes]
        names = [f"exec-{i}" for i in range(EXECUTIONS)]

        def start(i: int) -> None:
            # Any node accepts any call: starts go round-robin.
            clients[i % NODES].invoke(
                FunctionName="probe-mixed", InvocationType="Event", DurableExecutionName=names[i],
                Payload=json.dumps({"id": names[i], "waitSeconds": random.randint(1, 3)}))

        with ThreadPoolExecutor(max_workers=8) as pool:
            list(pool.map(start, range(EXECUTIONS)))

        # Kill the victim while it is busy: once it has run a good share of first steps.
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if sum(1 for e in effects(effects_log) if e["pid"] == str(victim.process.pid)) >= 100:
                break
            time.sleep(0.05)
        victim_pid = str(victim.process.pid)
        victim.kill9()
        survivors = [clients[0], clients[2]]

        # Answer each callback once, through the surviving nodes, as its submitter logs it.
        answered: set[str] = set()
        deadline = time.monotonic() + 600
        statuses: dict[str, str] = {}
        while time.monotonic() < deadline:
            for e in effects(effects_log):
                if e["effect"] == "submit" and e["callbackId"] not in answered:
                    answered.add(e["callbackId"])
                    random.choice(survivors).send_durable_execution_callback_success(
                        CallbackId=e["callbackId"], Result=json.dumps("ok-" + e["execution"]).encode())
            statuses = {name: s["Status"] for name, s in all_executions(survivors[0]).items()}
            if len(statuses) == EXECUTIONS and all(s != "RUNNING" for s in statuses.values()):
                break
            time.sleep(1)
        assert Counter(statuses.values()) == Counter({"SUCCEEDED": EXECUTIONS}), Counter(statuses.values())

        # The survivors took over what the victim held.
        survivor_logs = nodes[0].log_path.read_text(errors="replace") + nodes[2].log_path.read_text(errors="replace")
        victim_log = victim.log_path.read_text(errors="replace")

        # No timer took effect twice: at most one firing per wait timer across all nodes, and each
        # execution's history has exactly one WaitSucceeded and one event per completed step.
        fired = Counter(re.findall(r"timer fired: waitEnd (\S+)", survivor_logs + victim_log))
        assert fired, "no wait timer fired through the timer service: the test did not exercise it"
        twice = [arn for arn, count in fired.items() if count > 1]
        assert twice == [], f"wait timers fired more than once: {twice[:5]}"

        arns = {name: s["DurableExecutionArn"] for name, s in all_executions(survivors[0]).items()}
        results: dict[str, dict[str, str]] = {}

        def check_history(name: str) -> None:
            lam = random.choice(survivors)
            events = lam.get_durable_execution_history(DurableExecutionArn=arns[name], MaxItems=1000)["Events"]
            kinds = Counter(e["EventType"] for e in events)
            assert kinds["WaitSucceeded"] == 1, (name, kinds)
            assert kinds["CallbackSucceeded"] == 1, (name, kinds)
            assert kinds["ExecutionSucceeded"] == 1, (name, kinds)
            step_ids = Counter(e["Id"] for e in events if e["EventType"] == "StepSucceeded")
            assert all(count == 1 for count in step_ids.values()), (name, step_ids)
            results[name] = json.loads(lam.get_durable_execution(DurableExecutionArn=arns[name])["Result"])

        with ThreadPoolExecutor(max_workers=8) as pool:
            list(pool.map(check_history, names))

        # Side effects: no step ran again once its result was recorded. The log is in append order
        # across the processes, and each step returns its run's id, so the recorded run must be the
        # step's last. Earlier runs are ones whose node died (or lost its lease) before the result
        # was stored; those are the runs at-least-once execution allows.
        runs: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
        for e in effects(effects_log):
            runs[(e["execution"], e["effect"])].append(e)
        repeated = 0
        for name in names:
            assert runs[(name, "submit")], (name, "the callback submitter never ran")
            for step in ("first", "last"):
                step_runs = runs[(name, step)]
                recorded = results[name][step]
                assert step_runs and step_runs[-1]["run"] == recorded, (name, step, step_runs, recorded)
                repeated += len(step_runs) - 1
        assert any(r["pid"] == victim_pid for rs in runs.values() for r in rs), "the victim ran nothing"
        taken_over = survivor_logs.count("taking over an invocation whose lease expired")
        print(f"takeovers: {taken_over}; wait timers fired by the timer service: {len(fired)}; "
              f"step runs lost before their result was stored: {repeated}")
    finally:
        for node in nodes:
            node.stop()
