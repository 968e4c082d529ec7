"""The order workflow compiled into its own executable (`order-worker`, a `DurableWorker`) serves
`durable serve --function order-processing`: invocations reach the worker processes through the
Runtime API, checkpoints and log records come back over HTTP, and a worker killed with `kill -9`
leaves the others to finish the work."""

from __future__ import annotations

import json
import os
import signal
import subprocess
from pathlib import Path
from typing import Any

import pytest

from conftest import DurableServer, callback_id, wait_for


class OrderWorker:
    """One `order-worker` process."""

    def __init__(self, binary: Path, server: DurableServer, workdir: Path, label: str, effects: Path) -> None:
        self.log_path = workdir / f"order-worker-{label}.log"
        log = open(self.log_path, "ab")
        self.process = subprocess.Popen(
            [str(binary)], stdout=log, stderr=subprocess.STDOUT,
            env={**os.environ, "AWS_LAMBDA_RUNTIME_API": f"127.0.0.1:{server.port}",
                 "AWS_ENDPOINT_URL_LAMBDA": server.endpoint, "ORDER_WORKER_CONCURRENCY": "1",
                 "DURABLE_SIDE_EFFECTS": str(effects)})
        log.close()

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-3000:]


@pytest.fixture()
def order_worker_binary(durable_binary: Path) -> Path:
    binary = durable_binary.with_name("order-worker")
    if not binary.exists():
        pytest.fail(f"{binary} not found: build it first (swift build)")
    return binary


def test_order_workflow_on_two_swift_workers_one_killed(durable_binary: Path, order_worker_binary: Path, tmp_path: Path) -> None:
    effects = tmp_path / "effects.log"
    # A short invocation timeout bounds the cost should a worker die holding an invocation after all.
    server = DurableServer(durable_binary, tmp_path, args=["--function", "order-processing:691200", "--invocation-timeout", "10"])
    server.start()
    workers = [OrderWorker(order_worker_binary, server, tmp_path, label, effects) for label in ("a", "b")]
    try:
        lam = server.client()
        # A flaky order fails its first two payments, so it takes four invocations (two retries,
        # the callback, the end), which the two single-slot workers take in turns.
        order = {"orderId": "flaky-swift-1", "sku": "WIDGET", "quantity": 2, "amountCents": 2500}
        arn = server.cli("invoke", "order-processing", "--async", "--payload", json.dumps(order)).stdout.strip()
        cid = callback_id(lam, arn, "ShippingConfirmed", timeout=90)

        def suspended() -> bool:
            # The callback is created mid-invocation; the order is suspended once that invocation ended.
            events = lam.get_durable_execution_history(DurableExecutionArn=arn, MaxItems=1000)["Events"]
            types = [e["EventType"] for e in events]
            return "InvocationCompleted" in types[types.index("CallbackStarted"):]

        wait_for(suspended, timeout=60, interval=0.1)
        # One worker dies while both wait for work; the other finishes the order.
        workers[0].process.send_signal(signal.SIGKILL)
        workers[0].process.wait()
        server.aws("send-durable-execution-callback-success", "--callback-id", cid, "--result", '{"trackingNumber":"1Z999"}')

        def finished() -> dict[str, Any] | None:
            description = lam.get_durable_execution(DurableExecutionArn=arn)
            return description if description["Status"] != "RUNNING" else None

        try:
            description = wait_for(finished, timeout=90, interval=0.2)
        except AssertionError:
            raise AssertionError("\n".join(f"--- {w.log_path.name}\n{w.log()}" for w in workers)
                                 + f"\n--- serve\n{server.read_log()}") from None
        assert description["Status"] == "SUCCEEDED", description
        result = json.loads(description["Result"])
        assert result["orderId"] == "flaky-swift-1" and result["status"] == "Completed", result

        # Every side effect ran in a worker process, never in the service, and both workers took turns.
        ran = [json.loads(line) for line in effects.read_text().splitlines()]
        pids = {entry["pid"] for entry in ran}
        worker_pids = {w.process.pid for w in workers}
        assert pids <= worker_pids, (pids, worker_pids)
        assert len(pids) == 2, ran
        assert [e["attempt"] for e in ran if e["effect"] == "charge"] == [1, 2, 3]

        events = lam.get_durable_execution_history(DurableExecutionArn=arn, MaxItems=1000)["Events"]
        assert sum(1 for e in events if e["EventType"] == "InvocationCompleted") >= 4
        # The workers' step loggers reached the execution's log through the logs route.
        logs = server.cli("logs", arn).stdout
        assert "checking stock" in logs, logs

        # SIGTERM: the surviving worker stops polling and exits cleanly.
        workers[1].process.send_signal(signal.SIGTERM)
        assert workers[1].process.wait(timeout=20) == 0, workers[1].log()
    finally:
        for worker in workers:
            if worker.process.poll() is None:
                worker.process.kill()
                worker.process.wait()
        server.stop()
