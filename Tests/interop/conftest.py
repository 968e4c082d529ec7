"""Starts a real `durable serve` for the interop tests and hands out boto3 / AWS CLI access to it."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.config import Config

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class DurableServer:
    """One `durable serve` process on a loopback port and a database file in a temp dir."""

    def __init__(self, binary: Path, workdir: Path, env: dict[str, str] | None = None,
                 args: list[str] | None = None, db: str | None = None, log_name: str = "serve.log") -> None:
        self.binary = binary
        self.workdir = workdir
        # A SQLite file in the work dir unless a (postgres://) database is given.
        self.db = db or workdir / "durable.sqlite"
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, **(env or {})}
        self.process: subprocess.Popen[bytes] | None = None
        self.args = args or []
        self.log_path = workdir / log_name
        self.log = open(self.log_path, "ab")

    def start(self) -> None:
        self.process = subprocess.Popen(
            [str(self.binary), "serve", "--host", "127.0.0.1", "--port", str(self.port), "--db", str(self.db), *self.args],
            stdout=self.log, stderr=subprocess.STDOUT, env=self.env)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"durable serve exited with {self.process.returncode}: {self.read_log()}")
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                return
            time.sleep(0.1)
        raise RuntimeError("durable serve did not start listening")

    def kill9(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def read_log(self) -> str:
        self.log.flush()
        return self.log_path.read_text(errors="replace")[-4000:]

    def client(self) -> Any:
        return boto3.client(
            "lambda", endpoint_url=self.endpoint, region_name="us-east-1",
            aws_access_key_id="test", aws_secret_access_key="test",
            config=Config(retries={"max_attempts": 1}, read_timeout=120))

    def aws(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        """Runs the AWS CLI against this server; returns the completed process."""
        env = {**self.env, "AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test",
               "AWS_DEFAULT_REGION": "us-east-1", "AWS_PAGER": ""}
        result = subprocess.run(["aws", "--endpoint-url", self.endpoint, "lambda", *args],
                                capture_output=True, text=True, env=env, timeout=120)
        if check and result.returncode != 0:
            raise AssertionError(f"aws {' '.join(args)} failed: {result.stderr}")
        return result

    def cli(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        """Runs our own `durable` CLI against this server."""
        result = subprocess.run([str(self.binary), *args, "--endpoint", self.endpoint],
                                capture_output=True, text=True, env=self.env, timeout=120)
        if check and result.returncode != 0:
            raise AssertionError(f"durable {' '.join(args)} failed ({result.returncode}): {result.stderr}")
        return result


@pytest.fixture(scope="session")
def durable_binary() -> Path:
    binary = Path(os.environ.get("DURABLE_BIN", ROOT / ".build" / "debug" / "durable"))
    if not binary.exists():
        pytest.fail(f"{binary} not found: build it first (swift build)")
    return binary


@pytest.fixture(scope="session")
def server(durable_binary: Path, tmp_path_factory: pytest.TempPathFactory) -> Any:
    workdir = tmp_path_factory.mktemp("serve")
    srv = DurableServer(durable_binary, workdir, env={"DURABLE_SIDE_EFFECTS": str(workdir / "effects.log")})
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture()
def lam(server: DurableServer) -> Any:
    return server.client()


def wait_for(predicate: Any, timeout: float = 30, interval: float = 0.1) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(interval)


def callback_id(lam: Any, arn: str, name: str, timeout: float = 30) -> str:
    def find() -> str | None:
        events = lam.get_durable_execution_history(DurableExecutionArn=arn, MaxItems=1000)["Events"]
        # The callback itself, or the one inside the waitForCallback context of that name.
        owners = {e["Id"] for e in events if e["EventType"] == "ContextStarted" and e.get("Name") == name}
        for event in events:
            if event["EventType"] == "CallbackStarted" and (event.get("Name") == name or event.get("ParentId") in owners):
                return event["CallbackStartedDetails"]["CallbackId"]
        return None
    return wait_for(find, timeout)


def start_order(lam: Any, order_id: str, sku: str = "WIDGET", name: str | None = None) -> str:
    kwargs: dict[str, Any] = {}
    if name:
        kwargs["DurableExecutionName"] = name
    response = lam.invoke(FunctionName="order-processing", InvocationType="Event",
                          Payload=json.dumps({"orderId": order_id, "sku": sku, "quantity": 1, "amountCents": 500}),
                          **kwargs)
    assert response["StatusCode"] == 202
    return response["DurableExecutionArn"]
