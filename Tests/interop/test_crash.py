"""kill -9 of `durable serve` with 200 orders in flight: all complete after a restart, and no step
that was recorded as completed before the crash runs again."""

from __future__ import annotations

import json
import shutil
import sqlite3
import time
from collections import Counter
from pathlib import Path
from typing import Any

from conftest import DurableServer

ORDERS = 200
EFFECT_OF_STEP = {"ProcessPayment": "charge", "SendNotification": "notify", "ShippingConfirmed": "ship"}


def completed_steps(db_copy: Path) -> dict[str, set[str]]:
    """Per execution name, the effects whose steps the crashed service had durably recorded SUCCEEDED."""
    con = sqlite3.connect(db_copy)
    names = {arn: json.loads(record)["executionName"] for arn, record in con.execute("SELECT arn, record FROM executions")}
    rows = [(arn, json.loads(op)) for arn, op in con.execute(
        "SELECT e.arn, o.operation FROM operations o JOIN executions e ON e.execution_key = o.execution_key")]
    con.close()
    contexts = {(arn, op["Id"]): op.get("Name") for arn, op in rows if op["Type"] == "CONTEXT"}
    done: dict[str, set[str]] = {}
    for arn, op in rows:
        if op["Type"] != "STEP" or op["Status"] != "SUCCEEDED":
            continue
        key = op.get("Name") or contexts.get((arn, op.get("ParentId")))
        if key in EFFECT_OF_STEP:
            done.setdefault(names[arn], set()).add(EFFECT_OF_STEP[key])
    return done


def effects(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def test_kill_nine_with_200_orders_in_flight(durable_binary: Path, tmp_path: Path) -> None:
    effects_log = tmp_path / "effects.log"
    server = DurableServer(durable_binary, tmp_path, env={"DURABLE_SIDE_EFFECTS": str(effects_log)})
    server.start()
    try:
        lam = server.client()
        names = []
        for i in range(ORDERS):
            # Every fourth order's payment fails twice, so it sits in retry back-off (2 s, then 4 s).
            name = f"flaky-{i}" if i % 4 == 0 else f"order-{i}"
            names.append(name)
            lam.invoke(FunctionName="order-processing", InvocationType="Event", DurableExecutionName=name,
                       Payload=json.dumps({"orderId": name, "sku": "WIDGET", "quantity": 1, "amountCents": 100}))
        # Let some reach their callbacks while others are mid-invocation or backing off.
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and len({e["orderId"] for e in effects(effects_log) if e["effect"] == "ship"}) < ORDERS // 2:
            time.sleep(0.05)
        server.kill9()
        first_pid = server.process.pid

        snapshot = tmp_path / "snapshot"
        snapshot.mkdir()
        for suffix in ("", "-wal", "-shm"):
            source = Path(str(server.db) + suffix)
            if source.exists():
                shutil.copy(source, snapshot / ("db.sqlite" + suffix))
        done_before = completed_steps(snapshot / "db.sqlite")
        assert done_before, "nothing had completed before the crash: the test did not exercise recovery"

        server.start()
        lam = server.client()
        arns = {}
        for name in names:
            page = lam.list_durable_executions_by_function(FunctionName="order-processing", DurableExecutionName=name)
            arns[name] = page["DurableExecutions"][0]["DurableExecutionArn"]

        # Deliver every shipping confirmation once its callback exists.
        pending = dict(arns)
        deadline = time.monotonic() + 180
        while pending and time.monotonic() < deadline:
            for name, arn in list(pending.items()):
                events = lam.get_durable_execution_history(DurableExecutionArn=arn, MaxItems=1000)["Events"]
                started = [e for e in events if e["EventType"] == "CallbackStarted"]
                if started:
                    lam.send_durable_execution_callback_success(
                        CallbackId=started[0]["CallbackStartedDetails"]["CallbackId"],
                        Result=json.dumps({"trackingNumber": f"T-{name}"}).encode())
                    del pending[name]
            time.sleep(0.2)
        assert not pending, f"{len(pending)} executions never reached their callback"

        statuses: dict[str, str] = {}
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            statuses = {name: lam.get_durable_execution(DurableExecutionArn=arn)["Status"] for name, arn in arns.items()}
            if all(s != "RUNNING" for s in statuses.values()):
                break
            time.sleep(0.5)
        assert Counter(statuses.values()) == Counter({"SUCCEEDED": ORDERS})

        after = [e for e in effects(effects_log) if e["pid"] != first_pid]
        rerun = [(e["orderId"], e["effect"]) for e in after if e["effect"] in done_before.get(e["orderId"], set())]
        assert rerun == [], f"completed steps ran again after the restart: {rerun[:10]}"
        # Every order charged, shipped and notified at least once in all.
        everything = Counter((e["orderId"], e["effect"]) for e in effects(effects_log))
        for name in names:
            for effect in ("charge", "ship", "notify"):
                assert everything[(name, effect)] >= 1, (name, effect)
        # Notifications happen after the crash for all, and exactly once each.
        assert all(everything[(name, "notify")] == 1 for name in names)
    finally:
        server.stop()
