"""A Python durable function, written with the official `aws-durable-execution-sdk-python` and run
by the official runtime client `awslambdaric` (both unmodified), executes on `durable serve`: the
workers take invocations through our Lambda Runtime API and checkpoint through our durable API."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from conftest import DurableServer, callback_id, wait_for

FUNCTION = "py-durable"
HANDLER_DIR = Path(__file__).resolve().parent / "python"

pytest.importorskip("awslambdaric")
pytest.importorskip("aws_durable_execution_sdk_python")


class Worker:
    """One `python -m awslambdaric <handler>` process serving one function."""

    def __init__(self, server: DurableServer, workdir: Path, label: str, env: dict[str, str] | None = None,
                 function: str = FUNCTION, handler: str = "durable_handler.handler") -> None:
        self.log_path = workdir / f"worker-{label}.log"
        log = open(self.log_path, "ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "awslambdaric", handler],
            cwd=HANDLER_DIR, stdout=log, stderr=subprocess.STDOUT,
            env={
                **os.environ,
                # The function's name travels in the Runtime API address (see RuntimeAPI.swift).
                "AWS_LAMBDA_RUNTIME_API": f"127.0.0.1:{server.port}/functions/{function}",
                # The SDK's boto3 client checkpoints against us.
                "AWS_ENDPOINT_URL_LAMBDA": server.endpoint,
                "AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test",
                "AWS_REGION": "us-east-1", "AWS_DEFAULT_REGION": "us-east-1",
                "AWS_LAMBDA_FUNCTION_NAME": function, "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
                "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "128",
                "PYTHONPATH": str(HANDLER_DIR),
                **(env or {}),
            })
        log.close()

    def kill9(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-4000:]


@pytest.fixture()
def workdir(tmp_path: Path) -> Path:
    return tmp_path


def start_server(durable_binary: Path, workdir: Path, *args: str) -> DurableServer:
    server = DurableServer(durable_binary, workdir, args=["--function", f"{FUNCTION}:600", *args])
    server.start()
    return server


def history(lam: Any, arn: str) -> list[dict[str, Any]]:
    return lam.get_durable_execution_history(DurableExecutionArn=arn, MaxItems=1000)["Events"]


def finished(lam: Any, arn: str) -> dict[str, Any] | None:
    description = lam.get_durable_execution(DurableExecutionArn=arn)
    return description if description["Status"] != "RUNNING" else None


def run_to_completion(server: DurableServer, lam: Any, arn: str, workers: list[Worker]) -> dict[str, Any]:
    """Completes the approval callback with the AWS CLI and waits for the execution to end."""
    try:
        cid = callback_id(lam, arn, "approval", timeout=90)
        server.aws("send-durable-execution-callback-success", "--callback-id", cid, "--result", '{"approved": true}')
        return wait_for(lambda: finished(lam, arn), timeout=90, interval=0.2)
    except AssertionError:
        logs = "\n".join(f"--- {w.log_path.name}\n{w.log()}" for w in workers)
        raise AssertionError(f"execution did not finish: {json.dumps(history(lam, arn), default=str)[-3000:]}\n"
                             f"{logs}\n--- serve\n{server.read_log()}") from None


EXPECTED_RESULT = {
    "greeting": "hello ada", "attempts": 2, "slow": "slow-done", "approval": {"approved": True},
    "inner": 42, "squares": [1, 4, 9],
}


def named_events(events: list[dict[str, Any]]) -> list[tuple[str, str | None]]:
    return [(e["EventType"], e.get("Name")) for e in events]


def assert_in_order(sequence: list[Any], expected: list[Any]) -> None:
    """`expected` appears in `sequence` as a subsequence (other events may come between)."""
    position = 0
    for item in sequence:
        if position < len(expected) and item == expected[position]:
            position += 1
    assert position == len(expected), f"missing {expected[position]} (in order) in {sequence}"


def test_python_function_on_two_workers(durable_binary: Path, workdir: Path) -> None:
    server = start_server(durable_binary, workdir)
    # A worker killed while blocked in `next` must leave the line, not swallow the first job.
    vanished = Worker(server, workdir, "vanished")
    time.sleep(2)
    vanished.kill9()
    workers = [Worker(server, workdir, "a"), Worker(server, workdir, "b")]
    try:
        lam = server.client()
        response = lam.invoke(FunctionName=FUNCTION, InvocationType="Event", Payload=json.dumps({"name": "ada"}))
        assert response["StatusCode"] == 202
        arn = response["DurableExecutionArn"]
        description = run_to_completion(server, lam, arn, workers)
        assert description["Status"] == "SUCCEEDED", description
        assert json.loads(description["Result"]) == EXPECTED_RESULT

        events = history(lam, arn)
        names = named_events(events)
        assert names[0] == ("ExecutionStarted", None) or names[0][0] == "ExecutionStarted"
        assert names[-1][0] == "ExecutionSucceeded"
        assert_in_order(names, [
            ("StepStarted", "greet"), ("StepSucceeded", "greet"),
            ("StepStarted", "flaky"), ("StepFailed", "flaky"), ("StepStarted", "flaky"), ("StepSucceeded", "flaky"),
            ("StepSucceeded", "slow"),
            ("WaitStarted", "pause"), ("WaitSucceeded", "pause"),
            ("CallbackStarted", "approval"), ("CallbackSucceeded", "approval"),
            ("ContextStarted", "child"), ("StepSucceeded", "inner"), ("ContextSucceeded", "child"),
            ("ContextStarted", "squares"), ("ContextSucceeded", "squares"),
        ])
        squares = [name for kind, name in names if kind == "StepSucceeded" and name and name.startswith("square-")]
        assert sorted(squares) == ["square-0", "square-1", "square-2"]
        # Suspended at least at the retry, the wait and the callback: one invocation each, all clean.
        invocations = [e for e in events if e["EventType"] == "InvocationCompleted"]
        assert len(invocations) >= 4
        assert all("Error" not in e.get("InvocationCompletedDetails", {}) for e in invocations), invocations
    finally:
        for worker in workers:
            worker.stop()
        server.stop()


def test_worker_killed_mid_invocation(durable_binary: Path, workdir: Path) -> None:
    # A short invocation timeout, so the dead worker's invocation is given up on quickly.
    server = start_server(durable_binary, workdir, "--invocation-timeout", "8")
    doomed = Worker(server, workdir, "doomed", env={"DURABLE_TEST_SLOW_STEP": "60"})
    workers = [doomed]
    try:
        lam = server.client()
        arn = lam.invoke(FunctionName=FUNCTION, InvocationType="Event", Payload=json.dumps({"name": "ada"}))["DurableExecutionArn"]
        # The slow step has started on the doomed worker: kill it there.
        wait_for(lambda: ("StepStarted", "slow") in named_events(history(lam, arn)), timeout=60, interval=0.1)
        doomed.kill9()
        workers.append(Worker(server, workdir, "rescuer"))
        description = run_to_completion(server, lam, arn, workers)
        assert description["Status"] == "SUCCEEDED", description
        assert json.loads(description["Result"]) == EXPECTED_RESULT

        events = history(lam, arn)
        failed = [e for e in events if e["EventType"] == "InvocationCompleted"
                  and "Error" in e.get("InvocationCompletedDetails", {})]
        assert len(failed) == 1, failed
        assert failed[0]["InvocationCompletedDetails"]["Error"]["Payload"]["ErrorType"] == "Sandbox.Timedout"
        # The interrupted step ran again on the other worker (at-least-once) and succeeded once.
        assert named_events(events).count(("StepSucceeded", "slow")) == 1
    finally:
        for worker in workers:
            worker.stop()
        server.stop()


def test_python_parallel_callback_condition_and_chained_invoke(durable_binary: Path, workdir: Path) -> None:
    server = DurableServer(durable_binary, workdir, args=["--function", "py-more", "--function", "py-doubler"])
    server.start()
    workers = [Worker(server, workdir, "more", function="py-more", handler="durable_more.handler"),
               Worker(server, workdir, "doubler", function="py-doubler", handler="durable_more.doubler")]
    try:
        lam = server.client()
        arn = lam.invoke(FunctionName="py-more", InvocationType="Event",
                         Payload=json.dumps({"doubler": "py-doubler"}))["DurableExecutionArn"]
        try:
            cid = callback_id(lam, arn, "review", timeout=90)
            server.aws("send-durable-execution-callback-success", "--callback-id", cid, "--result", '"looks good"')
            description = wait_for(lambda: finished(lam, arn), timeout=90, interval=0.2)
        except AssertionError:
            logs = "\n".join(f"--- {w.log_path.name}\n{w.log()}" for w in workers)
            raise AssertionError(f"{json.dumps(history(lam, arn), default=str)[-3000:]}\n{logs}\n{server.read_log()}") from None
        assert description["Status"] == "SUCCEEDED", description
        # wait_for_callback hands back the raw payload (no serdes configured).
        assert json.loads(description["Result"]) == {
            "branches": ["a", "b"], "answer": '"looks good"', "doubled": {"doubled": 42}, "polled": 2}
        names = named_events(history(lam, arn))
        assert_in_order(names, [
            ("ContextStarted", "both"), ("ContextSucceeded", "both"),
            ("ContextStarted", "review"), ("ContextSucceeded", "review"),
            ("ChainedInvokeStarted", "call-doubler"), ("ChainedInvokeSucceeded", "call-doubler"),
            ("StepSucceeded", "poll"),
        ])
        assert names[-1][0] == "ExecutionSucceeded"
    finally:
        for worker in workers:
            worker.stop()
        server.stop()
