"""The `durable` CLI against a real `durable serve`: the README's walkthrough and the error exits."""

from __future__ import annotations

import json
import signal
import time
from pathlib import Path
from typing import Any

from conftest import DurableServer, wait_for

ORDER = json.dumps({"orderId": "readme-1", "sku": "WIDGET", "quantity": 1, "amountCents": 1999})


def test_readme_walkthrough(server: DurableServer) -> None:
    arn = server.cli("invoke", "order-processing", "--async", "--payload", ORDER).stdout.strip()
    assert "/durable-execution/" in arn

    def callback() -> str | None:
        events = json.loads(server.cli("history", arn, "--json").stdout)["Events"]
        started = [e for e in events if e["EventType"] == "CallbackStarted"]
        return started[0]["CallbackStartedDetails"]["CallbackId"] if started else None

    callback_id = wait_for(callback)
    table = server.cli("history", arn).stdout
    assert "CallbackStarted" in table and f"callbackId={callback_id}" in table

    server.cli("callback", "succeed", callback_id, "--result", '{"trackingNumber":"1Z999"}')
    wait_for(lambda: json.loads(server.cli("executions", "get", arn, "--json").stdout)["Status"] == "SUCCEEDED")
    described = server.cli("executions", "get", arn).stdout
    assert "SUCCEEDED" in described and '"trackingNumber":"1Z999"' in described
    assert "ExecutionSucceeded" in server.cli("history", arn).stdout

    listed = json.loads(server.cli("executions", "list", "--function", "order-processing", "--status", "SUCCEEDED", "--json").stdout)
    assert arn in [e["DurableExecutionArn"] for e in listed["DurableExecutions"]]


def test_synchronous_invoke_prints_the_result(server: DurableServer) -> None:
    failed = server.cli("invoke", "order-processing", "--payload",
                        json.dumps({"orderId": "sync-1", "sku": "OUT-OF-STOCK", "quantity": 1, "amountCents": 1}), check=False)
    assert failed.returncode == 1
    assert "FAILED" in failed.stdout and "OutOfStockError" in failed.stdout


def test_heartbeat_fail_and_stop(server: DurableServer) -> None:
    arn = server.cli("invoke", "order-processing", "--async", "--payload",
                     json.dumps({"orderId": "stop-cli", "sku": "WIDGET", "quantity": 1, "amountCents": 1})).stdout.strip()
    wait_for(lambda: "CallbackStarted" in server.cli("history", arn).stdout)
    events = json.loads(server.cli("history", arn, "--json").stdout)["Events"]
    callback_id = [e for e in events if e["EventType"] == "CallbackStarted"][0]["CallbackStartedDetails"]["CallbackId"]
    server.cli("callback", "heartbeat", callback_id)
    stopped = server.cli("stop", arn, "--reason", "customer cancelled")
    assert stopped.stdout.startswith("stopped at")
    described = json.loads(server.cli("executions", "get", arn, "--json").stdout)
    assert described["Status"] == "STOPPED" and described["Error"]["ErrorMessage"] == "customer cancelled"
    gone = server.cli("callback", "fail", callback_id, "--error-type", "X", check=False)
    assert gone.returncode == 2 and "CallbackTimeoutException" in gone.stderr


def test_errors_exit_non_zero_with_one_line(server: DurableServer) -> None:
    unknown = server.cli("invoke", "no-such-function", check=False)
    assert unknown.returncode == 2
    assert unknown.stderr.strip().count("\n") == 0 and "ResourceNotFoundException" in unknown.stderr
    bad = server.cli("executions", "get", "not-an-arn", check=False)
    assert bad.returncode == 2 and "InvalidParameterValueException" in bad.stderr
    unreachable = server.cli("executions", "get", "x", "--endpoint", "http://127.0.0.1:1", check=False)
    assert unreachable.returncode != 0


def test_sigterm_shuts_down_gracefully_and_work_resumes(durable_binary: Path, tmp_path: Path) -> None:
    srv = DurableServer(durable_binary, tmp_path)
    srv.start()
    try:
        lam = srv.client()
        arn = lam.invoke(FunctionName="order-processing", InvocationType="Event",
                         Payload=json.dumps({"orderId": "term-1", "sku": "WIDGET", "quantity": 1, "amountCents": 1}).encode()
                         )["DurableExecutionArn"]
        wait_for(lambda: any(e["EventType"] == "CallbackStarted" for e in
                             lam.get_durable_execution_history(DurableExecutionArn=arn)["Events"]))
        assert srv.process is not None
        srv.process.send_signal(signal.SIGTERM)
        assert srv.process.wait(timeout=30) == 0
        srv.start()
        lam = srv.client()
        events = lam.get_durable_execution_history(DurableExecutionArn=arn, MaxItems=1000)["Events"]
        callback_id = [e for e in events if e["EventType"] == "CallbackStarted"][0]["CallbackStartedDetails"]["CallbackId"]
        lam.send_durable_execution_callback_success(CallbackId=callback_id, Result=b'{"trackingNumber":"T"}')
        wait_for(lambda: lam.get_durable_execution(DurableExecutionArn=arn)["Status"] == "SUCCEEDED")
    finally:
        srv.stop()
