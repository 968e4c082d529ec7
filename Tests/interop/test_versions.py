"""Version pinning and plain functions with the official Python SDK under `awslambdaric`: an execution
runs start to finish on the version its Invoke resolved; workers name their version in
`AWS_LAMBDA_RUNTIME_API=HOST:PORT/functions/NAME/versions/N`."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest

from conftest import DurableServer, callback_id, wait_for
from test_python_worker import HANDLER_DIR, Worker, finished, history

pytest.importorskip("awslambdaric")
pytest.importorskip("aws_durable_execution_sdk_python")

ROLE = "arn:aws:iam::123456789012:role/worker"


def package() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.write(HANDLER_DIR / "versioned_handler.py", "versioned_handler.py")
    return buffer.getvalue()


def create(lam: Any, name: str, handler: str, durable: bool = True, **extra: Any) -> None:
    kwargs: dict[str, Any] = {"FunctionName": name, "Runtime": "python3.13", "Role": ROLE, "Handler": handler,
                              "Code": {"ZipFile": package()}, "Timeout": 60, **extra}
    if durable:
        kwargs["DurableConfig"] = {"ExecutionTimeout": 900}
    lam.create_function(**kwargs)


def worker(server: DurableServer, workdir: Path, label: str, function: str, handler: str, version: str | None = None,
           build: str | None = None) -> Worker:
    """A worker of `function`; with `version`, of that published version, named in the Runtime API
    address (`…/functions/NAME/versions/N`), which awslambdaric keeps verbatim."""
    path = f"{function}/versions/{version}" if version else function
    return Worker(server, workdir, label, function=path, handler=handler, env={
        "HANDLER_VERSION": build or "latest", "SEEN_LOG": str(workdir / f"seen-{label}.log"),
        "AWS_LAMBDA_FUNCTION_NAME": function, "AWS_LAMBDA_FUNCTION_VERSION": version or "$LATEST"})


def seen(workdir: Path, label: str) -> list[str]:
    path = workdir / f"seen-{label}.log"
    return path.read_text().split() if path.exists() else []


def test_executions_stay_on_the_version_they_started_on(durable_binary: Path, tmp_path: Path) -> None:
    server = DurableServer(durable_binary, tmp_path)
    server.start()
    workers: list[Worker] = []
    try:
        lam = server.client()
        create(lam, "py-pinned", "versioned_handler.pinned")
        assert lam.publish_version(FunctionName="py-pinned")["Version"] == "1"
        lam.create_alias(FunctionName="py-pinned", Name="live", FunctionVersion="1")
        workers.append(worker(server, tmp_path, "v1", "py-pinned", "versioned_handler.pinned", version="1", build="v1"))

        old = []
        for order in (1, 2):
            response = lam.invoke(FunctionName="py-pinned", Qualifier="live", InvocationType="Event",
                                  Payload=json.dumps({"order": order}))
            assert response["ExecutedVersion"] == "1"
            assert ":function:py-pinned:1/durable-execution/" in response["DurableExecutionArn"]
            old.append(response["DurableExecutionArn"])
        # Both suspend on their callback, on version 1.
        old_callbacks = [callback_id(lam, arn, "release", timeout=90) for arn in old]

        # Version 2: other settings (and other workers), and the alias moves to it.
        lam.update_function_configuration(FunctionName="py-pinned", Environment={"Variables": {"RELEASE": "2"}})
        assert lam.publish_version(FunctionName="py-pinned")["Version"] == "2"
        assert lam.update_alias(FunctionName="py-pinned", Name="live", FunctionVersion="2")["FunctionVersion"] == "2"
        workers.append(worker(server, tmp_path, "v2", "py-pinned", "versioned_handler.pinned", version="2", build="v2"))

        response = lam.invoke(FunctionName="py-pinned", Qualifier="live", InvocationType="Event", Payload=json.dumps({"order": 3}))
        assert response["ExecutedVersion"] == "2"
        new = response["DurableExecutionArn"]
        assert ":function:py-pinned:2/durable-execution/" in new
        new_callback = callback_id(lam, new, "release", timeout=90)

        for cid in [*old_callbacks, new_callback]:
            server.aws("send-durable-execution-callback-success", "--callback-id", cid, "--result", '"go"')
        results = {}
        for arn in [*old, new]:
            try:
                described = wait_for(lambda a=arn: finished(lam, a), timeout=90, interval=0.2)
            except AssertionError:
                logs = "\n".join(f"--- {w.log_path.name}\n{w.log()}" for w in workers)
                raise AssertionError(f"{json.dumps(history(lam, arn), default=str)[-3000:]}\n{logs}\n{server.read_log()}") from None
            assert described["Status"] == "SUCCEEDED", described
            results[arn] = (described["Version"], json.loads(described["Result"]))

        # The old executions finished on version 1's workers, the new one ran on version 2's.
        assert results[old[0]] == ("1", {"start": "v1-start", "end": "v1-end", "released": "go", "order": 1})
        assert results[old[1]] == ("1", {"start": "v1-start", "end": "v1-end", "released": "go", "order": 2})
        assert results[new] == ("2", {"start": "v2-start", "end": "v2-end", "released": "go", "order": 3})
        v1_seen, v2_seen = seen(tmp_path, "v1"), seen(tmp_path, "v2")
        # Each old execution was invoked again after the alias moved (its replay), only ever on version 1.
        for arn in old:
            assert v1_seen.count(arn) >= 2, v1_seen
            assert arn not in v2_seen
        assert new in v2_seen and new not in v1_seen
        # Listing through the alias lists the executions of the version it names now.
        listed = [e["DurableExecutionArn"] for e in
                  lam.list_durable_executions_by_function(FunctionName="py-pinned", Qualifier="live")["DurableExecutions"]]
        assert listed == [new]
        latest_published = lam.list_durable_executions_by_function(FunctionName="py-pinned", Qualifier="$LATEST.PUBLISHED")
        assert [e["DurableExecutionArn"] for e in latest_published["DurableExecutions"]] == [new]
        everything = [e["DurableExecutionArn"] for e in lam.list_durable_executions_by_function(FunctionName="py-pinned")["DurableExecutions"]]
        assert set(everything) == {*old, new}
    finally:
        for w in workers:
            w.stop()
        server.stop()


def test_plain_function_served_by_workers(durable_binary: Path, tmp_path: Path) -> None:
    server = DurableServer(durable_binary, tmp_path)
    server.start()
    workers: list[Worker] = []
    try:
        lam = server.client()
        create(lam, "py-plain", "versioned_handler.plain", durable=False)
        create(lam, "py-caller", "versioned_handler.caller")
        workers += [worker(server, tmp_path, "plain", "py-plain", "versioned_handler.plain"),
                    worker(server, tmp_path, "caller", "py-caller", "versioned_handler.caller")]
        response = lam.invoke(FunctionName="py-plain", Payload=json.dumps({"n": 1}))
        assert response["StatusCode"] == 200 and response["ExecutedVersion"] == "$LATEST"
        assert "DurableExecutionArn" not in response and "FunctionError" not in response
        assert json.loads(response["Payload"].read()) == {"echo": {"n": 1}, "build": "latest"}
        failing = lam.invoke(FunctionName="py-plain", Payload=json.dumps({"fail": True}))
        assert failing["FunctionError"] == "Unhandled"
        assert json.loads(failing["Payload"].read())["errorMessage"] == "asked to fail"
        assert lam.invoke(FunctionName="py-plain", InvocationType="Event", Payload=b"{}")["StatusCode"] == 202
        # `durable invoke` prints a plain function's answer.
        printed = server.cli("invoke", "py-plain", "--payload", '{"n": 2}').stdout
        assert json.loads(printed) == {"echo": {"n": 2}, "build": "latest"}

        # A durable function's chained invoke of the plain one.
        done = lam.invoke(FunctionName="py-caller", Payload=json.dumps({"target": "py-plain"}))
        assert "FunctionError" not in done, done["Payload"].read()
        assert json.loads(done["Payload"].read()) == {"answer": {"echo": {"n": 21}, "build": "latest"}}
        events = history(lam, done["DurableExecutionArn"])
        started = [e for e in events if e["EventType"] == "ChainedInvokeStarted"]
        assert started and started[0]["ChainedInvokeStartedDetails"]["ExecutedVersion"] == "$LATEST"
    finally:
        for w in workers:
            w.stop()
        server.stop()
