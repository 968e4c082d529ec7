#!/usr/bin/env python3
"""The project's conformance runner.

Starts `conformance-server` (every requirement's Swift handler, served on the same engine and
SQLite store as `durable serve`), then checks each official requirement of
`aws-durable-execution-conformance-tests` against it through the standard Lambda routes with
boto3. The invocation flow, callback actions, polling, history matching and result check are the
official package's `validate_description`; this file supplies what it would get from AWS: an
invoker that calls `Invoke` on our endpoint, a Lambda client that reads whole histories, and the
CloudFormation and CloudWatch Logs clients the official `ExpectedLogs` check calls, answered from
the service's execution logs (`GET /durable/2025-12-01/durable-executions/{arn}/logs`).

With `--workers N`, the server registers the functions without their handlers (`--workers-only`)
and N `conformance-worker` processes serve them through the Lambda Runtime API, checkpointing
and logging over HTTP: the same requirements, run against out-of-process Swift workers.

Prints one line per requirement, a table per suite, and `N passed, N failed` last.
Exit status 1 when a requirement failed, 2 on setup errors.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
import uuid
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import boto3
from botocore.config import Config

from aws_durable_execution_conformance_tests.cloudwatch import CloudWatchLogRetriever
from aws_durable_execution_conformance_tests.config import TESTS_DIR
from aws_durable_execution_conformance_tests.sam import EventFileReader, InvocationResult, InvokeError
from aws_durable_execution_conformance_tests.validate import discover_test_files, validate_description

SUITE_ORDER = ["step", "wait", "child", "callback", "invoke", "wait_for_condition",
               "wait_for_callback", "parallel", "map", "plugin"]


def requirement_sort_key(rid: str) -> tuple[int, int]:
    major, _, minor = rid.partition("-")
    return int(major), int(minor or 0)


class WholeHistoryClient:
    """A boto3 Lambda client whose GetDurableExecutionHistory follows NextMarker to the end."""

    def __init__(self, client: Any) -> None:
        self._client = client

    def __getattr__(self, name: str) -> Any:
        return getattr(self._client, name)

    def get_durable_execution_history(self, **kwargs: Any) -> dict[str, Any]:
        kwargs.setdefault("MaxItems", 1000)
        events: list[dict[str, Any]] = []
        while True:
            page = self._client.get_durable_execution_history(**kwargs)
            events.extend(page.get("Events", []))
            marker = page.get("NextMarker")
            if not marker:
                page["Events"] = events
                return page
            kwargs["Marker"] = marker


class EndpointInvoker:
    """What the official validator calls to invoke a function; here `Invoke` on our endpoint."""

    stack_name = "swift-durable-functions"

    def __init__(self, client: Any, function: str, requirement_id: str) -> None:
        self._client = client
        self._function = function
        self._rid = requirement_id

    def invoke(self, function_name: str, event_file_path: str | None = None,
               parameters: list[str] | None = None) -> InvocationResult:
        invocation_type = "RequestResponse"
        for parameter in parameters or []:
            key, _, value = parameter.partition("=")
            if key == "InvocationType" and value:
                invocation_type = value
        return self._invoke(function_name, event_file_path, invocation_type)

    def invoke_async(self, function_name: str, event_file_path: str | None = None) -> InvocationResult:
        return self._invoke(function_name, event_file_path, "Event")

    def _invoke(self, function_name: str, event_file_path: str | None, invocation_type: str) -> InvocationResult:
        payload = EventFileReader.extract_payload(EventFileReader.read(event_file_path)) if event_file_path else {}
        name = f"conf-{self._rid}-{uuid.uuid4().hex[:16]}"
        try:
            response = self._client.invoke(
                FunctionName=self._function, InvocationType=invocation_type, Qualifier="$LATEST",
                DurableExecutionName=name, Payload=json.dumps(payload).encode())
        except Exception as error:  # noqa: BLE001 - reported as the requirement's failure
            raise InvokeError(function_name, str(error)) from error
        body = response["Payload"].read().decode() if "Payload" in response else ""
        headers = response.get("ResponseMetadata", {}).get("HTTPHeaders", {})
        arn = response.get("DurableExecutionArn") or headers.get("x-amz-durable-execution-arn")
        output = {"StatusCode": response.get("StatusCode"), "Payload": body, "DurableExecutionArn": arn}
        if response.get("FunctionError"):
            output["FunctionError"] = response["FunctionError"]
        return InvocationResult(success=True, command=f"Invoke {self._function} ({invocation_type})",
                                output=json.dumps(output), stderr="", function_name=function_name)


def stop_process(process: subprocess.Popen, log) -> None:
    """Stops a child gracefully (SIGTERM, then SIGKILL after 20 s) and closes its log."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    log.close()


class Server:
    """A `conformance-server` process on a free loopback port with a throwaway database."""

    def __init__(self, binary: str, workdir: Path, database: str | None = None, workers_only: bool = False) -> None:
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self.log_path = workdir / "conformance-server.log"
        self._log = open(self.log_path, "w")
        command = [binary, "--host", "127.0.0.1", "--port", str(self.port),
                   "--db", database or str(workdir / "conformance.sqlite")]
        if workers_only:
            # A worker that dies mid-invocation is noticed at the deadline; none should, but a stuck
            # one then costs a minute, not the default quarter hour.
            command += ["--workers-only", "--invocation-timeout", "60"]
        self.process = subprocess.Popen(command, stdout=self._log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"conformance-server exited with {self.process.returncode}; see {self.log_path}")
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                return
            time.sleep(0.1)
        raise RuntimeError("conformance-server did not start listening within 60 s")

    def stop(self) -> None:
        stop_process(self.process, self._log)


class Worker:
    """A `conformance-worker` process serving every handler through the server's Runtime API."""

    def __init__(self, binary: str, endpoint: str, port: int, workdir: Path, number: int) -> None:
        self.number = number
        self.log_path = workdir / f"conformance-worker-{number}.log"
        self._log = open(self.log_path, "w")
        env = dict(os.environ, AWS_LAMBDA_RUNTIME_API=f"127.0.0.1:{port}", AWS_ENDPOINT_URL_LAMBDA=endpoint)
        # The ledger is shared so a handler that crashes once per execution knows it on every worker.
        self.process = subprocess.Popen(
            [binary, "--crash-ledger", str(workdir / "crash-ledger")], env=env,
            stdout=self._log, stderr=subprocess.STDOUT)

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        stop_process(self.process, self._log)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def lambda_client(endpoint: str) -> Any:
    return boto3.client(
        "lambda", endpoint_url=endpoint, region_name="us-east-1",
        aws_access_key_id="local", aws_secret_access_key="local",
        config=Config(retries={"max_attempts": 1}, read_timeout=900, connect_timeout=5,
                      max_pool_connections=32))


class StackResources:
    """The CloudFormation client `CloudWatchLogRetriever.get_log_group_name` calls.

    Our functions are not deployed by a stack: the logical id (`conformance-<id>`) is the physical name.
    """

    def describe_stack_resource(self, StackName: str, LogicalResourceId: str) -> dict[str, Any]:  # noqa: N803 - boto3 names
        return {"StackResourceDetail": {"StackName": StackName, "LogicalResourceId": LogicalResourceId,
                                        "PhysicalResourceId": LogicalResourceId}}


class ExecutionLogs:
    """The CloudWatch Logs client `CloudWatchLogRetriever` calls: `filter_log_events` on our logs route.

    The retriever asks for the records whose `durableExecutionArn` (or `executionArn`) is the
    execution's ARN; the service keeps records per execution, so the ARN in the filter pattern picks
    the route. Each record becomes a CloudWatch event: JSON records (plugins' objects) are the message
    as written; a plain log line becomes the JSON envelope a Lambda JSON-format log line has
    (`timestamp`, `level`, `requestId`, `message`, `executionArn`, `operationId`).
    """

    PATTERN = re.compile(r'\$\.(?:durableExecutionArn|executionArn) = "((?:[^"\\]|\\.)*)"')

    def __init__(self, endpoint: str) -> None:
        self._endpoint = endpoint.rstrip("/")

    def filter_log_events(self, logGroupName: str, startTime: int | None = None,  # noqa: N803 - boto3 names
                          endTime: int | None = None, filterPattern: str | None = None,
                          nextToken: str | None = None, **_: Any) -> dict[str, Any]:
        found = self.PATTERN.search(filterPattern or "")
        if not found:
            raise ValueError(f"no execution ARN in the filter pattern {filterPattern!r}")
        arn = re.sub(r"\\(.)", r"\1", found.group(1))
        query = {"MaxItems": "1000"}
        if nextToken:
            query["Marker"] = nextToken
        url = (f"{self._endpoint}/durable/2025-12-01/durable-executions/{urllib.parse.quote(arn, safe='')}/logs?"
               + urllib.parse.urlencode(query))
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - our own endpoint
            page = json.load(response)
        offset = int(nextToken or 0)
        events = [self._event(record, arn, logGroupName, offset + index) for index, record in enumerate(page["Records"])]
        answer: dict[str, Any] = {"events": events, "searchedLogStreams": []}
        if page.get("NextMarker"):
            answer["nextToken"] = page["NextMarker"]
        return answer

    @staticmethod
    def _event(record: dict[str, Any], arn: str, group: str, index: int) -> dict[str, Any]:
        millis = int(round(float(record["Timestamp"]) * 1000))
        message = record["Message"]
        if not message.lstrip().startswith("{"):
            envelope = {"timestamp": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(millis / 1000)) + f".{millis % 1000:03d}Z",
                        "level": record["Level"], "requestId": record["RequestId"], "message": message,
                        "executionArn": arn}
            if record.get("OperationId"):
                envelope["operationId"] = record["OperationId"]
            if record.get("Attempt") is not None:
                envelope["attempt"] = record["Attempt"]
            message = json.dumps(envelope)
        # ingestionTime keeps the stored order among records of the same millisecond.
        return {"logStreamName": f"{group}/{record['RequestId']}", "timestamp": millis, "ingestionTime": index,
                "message": message, "eventId": str(index)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--server", help="path of the conformance-server binary")
    parser.add_argument("--endpoint", help="use an already running server instead of starting one")
    parser.add_argument("--db", help="the server's database: a postgres:// URL (default: a SQLite file in a temp dir)")
    parser.add_argument("--suite", nargs="*", default=["all"], help="suites to run (default: all)")
    parser.add_argument("--id", nargs="*", default=[], help="only these requirement ids")
    parser.add_argument("--jobs", type=int, default=4, help="requirements checked at once")
    parser.add_argument("--workers", type=int, default=0,
                        help="serve the handlers from this many conformance-worker processes instead of in process")
    parser.add_argument("--worker-binary", help="path of the conformance-worker binary (default: beside --server)")
    parser.add_argument("--history-dir", help="write each execution history here")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run every requirement this many times in a row (a flaky failure fails the run)")
    args = parser.parse_args(argv)

    files = discover_test_files(TESTS_DIR, args.suite)
    if args.id:
        files = {rid: path for rid, path in files.items() if rid in set(args.id)}
    if not files:
        print("no requirements selected", file=sys.stderr)
        return 2

    workdir = Path(tempfile.mkdtemp(prefix="durable-conformance-"))
    server = None
    workers: list[Worker] = []
    dead: list[Worker] = []
    started = time.monotonic()
    try:
        if args.endpoint:
            endpoint = args.endpoint
        else:
            if not args.server:
                print("--server or --endpoint is required", file=sys.stderr)
                return 2
            server = Server(args.server, workdir, args.db, workers_only=args.workers > 0)
            endpoint = server.endpoint
        if args.workers > 0:
            if not server:
                print("--workers needs --server", file=sys.stderr)
                return 2
            binary = args.worker_binary or str(Path(args.server).with_name("conformance-worker"))
            workers = [Worker(binary, endpoint, server.port, workdir, n) for n in range(1, args.workers + 1)]
            print(f"-- {args.workers} conformance-worker processes serve the handlers", flush=True)
        client = WholeHistoryClient(lambda_client(endpoint))
        aws_clients = {"lambda": client, "cloudformation": StackResources(), "logs": ExecutionLogs(endpoint)}
        runs = []
        for number in range(1, args.repeat + 1):
            if args.repeat > 1:
                print(f"-- run {number} of {args.repeat}", flush=True)
            results = run_all(files, aws_clients, workdir, args)
            report(results, files)
            runs.append(results)
        # A worker that died on the way (rather than being stopped) fails the run.
        dead = [w for w in workers if not w.alive()]
        for worker in dead:
            print(f"conformance-worker {worker.number} exited with {worker.process.returncode}; see {worker.log_path}")
    finally:
        for worker in workers:
            worker.stop()
        if server:
            server.stop()
    passed = sum(1 for results in runs for r in results.values() if r["passed"])
    failed = sum(1 for results in runs for r in results.values() if not r["passed"])
    if args.repeat > 1:
        per_run = ", ".join(f"run {i}: {sum(1 for r in results.values() if r['passed'])}/{len(results)}"
                            for i, results in enumerate(runs, 1))
        print(f"{len(files)} requirements x {args.repeat} runs ({per_run})")
    if (failed or dead) and server:
        print(f"(server log: {server.log_path}" + "".join(f", {w.log_path}" for w in workers) + ")")
    else:
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"{passed} passed, {failed} failed ({time.monotonic() - started:.0f} s)")
    return 1 if failed or dead else 0


def run_all(files: dict[str, str], aws_clients: dict[str, Any], workdir: Path,
            args: argparse.Namespace) -> dict[str, dict[str, Any]]:
    results: dict[str, dict[str, Any]] = {}
    client = aws_clients["lambda"]
    # The service stores an invocation's records before it applies the answer, so they are complete
    # once the execution closed: one read, no CloudWatch ingestion window to poll through. (The
    # official check still waits its fixed 10 s before reading.)
    CloudWatchLogRetriever.EVENT_POLL_TIMEOUT_SECONDS = 0
    lock = threading.Lock()
    out = sys.stdout

    def run_one(rid: str) -> None:
        path = files[rid]
        function = f"conformance-{rid}"
        tmp = tempfile.mkdtemp(dir=workdir)
        started = time.monotonic()
        try:
            result = validate_description(
                function_name=function, description_id=rid, test_file=path,
                invoker=EndpointInvoker(client, function, rid), tmp_dir=tmp, region="us-east-1",
                aws_clients=aws_clients, output_dir=args.history_dir or str(workdir / "histories"))
            passed, errors = result.passed, list(result.errors)
        except Exception as error:  # noqa: BLE001 - one requirement's crash must not stop the run
            passed, errors = False, [f"{type(error).__name__}: {error}"]
        entry = {"passed": passed, "errors": errors, "seconds": time.monotonic() - started}
        with lock:
            results[rid] = entry
            mark = "PASS" if passed else "FAIL"
            print(f"{mark} {rid} {entry['seconds']:.1f}s", file=out, flush=True)
            for error in errors[:5]:
                print(f"     {error}", file=out, flush=True)

    # The official code prints progress lines of its own; keep them out of our report.
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        with ThreadPoolExecutor(max_workers=args.jobs) as pool:
            list(pool.map(run_one, sorted(files, key=requirement_sort_key)))
    return results


def report(results: dict[str, dict[str, Any]], files: dict[str, str]) -> None:
    by_suite: dict[str, list[str]] = defaultdict(list)
    for rid, path in files.items():
        by_suite[Path(path).parent.name].append(rid)
    print()
    print(f"{'suite':<20}{'passed':>8}{'failed':>8}")
    for suite in sorted(by_suite, key=lambda s: SUITE_ORDER.index(s) if s in SUITE_ORDER else 99):
        ids = by_suite[suite]
        passed = sum(1 for rid in ids if results.get(rid, {}).get("passed"))
        print(f"{suite:<20}{passed:>8}{len(ids) - passed:>8}")
    print()


if __name__ == "__main__":
    sys.exit(main())
