"""W1–W5 on DBOS Transact (`dbos`, unmodified) with its SQLite system database.

Usage: dbos_peer.py [--workloads W1,W2,W3,W4,W5]. W5 runs this file again as a child process
(`--serve DB EFFECTS`) that it kills with SIGKILL mid-run and restarts; DBOS recovers the
interrupted workflows itself on launch."""

from __future__ import annotations

import argparse
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

from dbos import DBOS, DBOSConfig, SetWorkflowID

from common import bounded, emit, now, w4_results

PEER = "dbos-sqlite"
EFFECTS: list[int] = []  # the side-effect log's descriptor in a --serve child


@DBOS.step()
def identity(value: int) -> int:
    return value


@DBOS.workflow()
def w1(steps: int) -> int:
    return sum(identity(index) for index in range(steps))


@DBOS.workflow()
def w2(_: int) -> int:
    return sum(identity(index) for index in range(10))


@DBOS.workflow()
def w3_item(item: int) -> int:
    return identity(item)


@DBOS.workflow()
def w3(items: int) -> int:
    # DBOS has no map: the fan-out is one child workflow (one step) per item, then their results.
    handles = [DBOS.start_workflow(w3_item, item) for item in range(items)]
    return len([handle.get_result() for handle in handles])


@DBOS.workflow()
def w4(value: int) -> int:
    DBOS.sleep(1)
    return identity(value)


@DBOS.step()
def effect(key: str, step: str) -> None:
    os.write(EFFECTS[0], f"{key}\t{step}\n".encode())


@DBOS.workflow()
def w5(key: str) -> int:
    for index in range(20):
        effect(key, f"s{index}")
    return 20


def launch(database: Path) -> None:
    config: DBOSConfig = {"name": "durable-bench", "system_database_url": f"sqlite:///{database}", "log_level": "WARNING"}
    DBOS(config=config)
    DBOS.launch()


def serve(database: Path, effects: Path, start: int) -> None:
    """The W5 child: launches DBOS (which recovers pending workflows), optionally starts the executions."""
    EFFECTS.append(os.open(effects, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644))
    launch(database)
    for index in range(start):
        with_id = f"w5-{index}"
        with SetWorkflowID(with_id):
            DBOS.start_workflow(w5, with_id)
    print("started", flush=True)
    while True:
        time.sleep(1)


def w5_crash(folder: Path, executions: int = 200, kill_at: float = 0.4) -> None:
    database = folder / "w5.sqlite"
    effects = folder / "effects.log"
    effects.touch()
    child = subprocess.Popen([sys.executable, __file__, "--serve", str(database), str(effects), str(executions)],
                             stdout=subprocess.PIPE, text=True)
    # Every workflow is durably started before the kill, as ours are (their Invoke was answered).
    if child.stdout.readline().strip() != "started":
        raise RuntimeError("W5: the DBOS child did not start its workflows")

    def lines() -> list[str]:
        return effects.read_text().splitlines()

    while len(lines()) < executions * 20 * kill_at:
        time.sleep(0.001)
    child.send_signal(signal.SIGKILL)
    child.wait()
    before = lines()
    with sqlite3.connect(database) as db:
        # A step's output row is DBOS's record that the step completed.
        rows = db.execute("SELECT workflow_uuid, function_id FROM operation_outputs WHERE function_name LIKE '%effect%'").fetchall()
        completed = {f"{wf}\ts{function_id - 1}" for wf, function_id in rows}
    restarted = now()
    child = subprocess.Popen([sys.executable, __file__, "--serve", str(database), str(effects), "0"], stdout=subprocess.DEVNULL)
    try:
        while True:
            with sqlite3.connect(database) as db:
                done = db.execute("SELECT COUNT(*) FROM workflow_status WHERE name LIKE '%w5%' AND status = 'SUCCESS'").fetchone()[0]
            if done >= executions:
                break
            time.sleep(0.005)
        finished = now() - restarted
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    after = lines()[len(before):]
    duplicates = sum(1 for line in after if line in completed)
    if len(set(lines())) != executions * 20:
        raise RuntimeError(f"W5: {len(set(lines()))} of {executions * 20} steps ran")
    emit("W5", PEER, "all done after restart s", finished, "s",
         note=f"killed after {len(before)} side effects with {len(completed)} steps recorded")
    emit("W5", PEER, "duplicated completed steps", float(duplicates), "steps")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workloads", default="W1,W2,W3,W4,W5")
    parser.add_argument("--serve", nargs=3, metavar=("DB", "EFFECTS", "START"))
    args = parser.parse_args()
    if args.serve:
        serve(Path(args.serve[0]), Path(args.serve[1]), int(args.serve[2]))
        return
    selected = set(args.workloads.upper().split(","))
    folder = Path(tempfile.mkdtemp(prefix="dbos-bench-"))
    if selected & {"W1", "W2", "W3", "W4"}:
        launch(folder / "bench.sqlite")

    if "W1" in selected:
        start = now()
        w1(1000)
        emit("W1", PEER, "steps/s", 1000 / (now() - start), "steps/s")

    if "W2" in selected:
        start = now()
        bounded(1000, 64, lambda index: w2(index))
        seconds = now() - start
        emit("W2", PEER, "executions/s", 1000 / seconds, "exec/s")
        emit("W2", PEER, "steps/s", 10_000 / seconds, "steps/s")

    if "W3" in selected:
        start = now()
        w3(500)
        seconds = now() - start
        emit("W3", PEER, "items/s", 500 / seconds, "items/s")
        emit("W3", PEER, "total ms", seconds * 1000, "ms")

    if "W4" in selected:
        starts = [0.0] * 200
        ends = [0.0] * 200
        barrier = threading.Barrier(200)

        def one(index: int) -> None:
            barrier.wait()
            starts[index] = now()
            w4(index)
            ends[index] = now()
        bounded(200, 200, one)
        w4_results(PEER, starts, ends)

    if selected & {"W1", "W2", "W3", "W4"}:
        DBOS.destroy()
    if "W5" in selected:
        w5_crash(folder)


if __name__ == "__main__":
    main()
