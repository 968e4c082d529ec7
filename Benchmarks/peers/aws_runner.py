"""W1–W4 on the official AWS local runner (`aws-durable-execution-sdk-python-testing`'s
DurableFunctionTestRunner, unmodified) with its in-memory or SQLite store, the handlers written with
the official Python SDK. Usage: aws_runner.py --store memory|sqlite [--workloads W1,W2,W3,W4]."""

from __future__ import annotations

import argparse
import tempfile
import threading
import uuid
from pathlib import Path

from aws_durable_execution_sdk_python import DurableContext, StepContext, durable_execution
from aws_durable_execution_sdk_python.config import Duration
from aws_durable_execution_sdk_python_testing import DurableFunctionTestRunner
from aws_durable_execution_sdk_python_testing.stores.sqlite import SQLiteExecutionStore

from common import bounded, emit, now, w4_results


def identity(value: int):
    return lambda _step_context: value


@durable_execution
def w1(event: int, context: DurableContext) -> int:
    total = 0
    for index in range(event):
        total += context.step(identity(index), name=f"s{index}")
    return total


@durable_execution
def w2(event: int, context: DurableContext) -> int:
    total = 0
    for index in range(10):
        total += context.step(identity(index), name=f"s{index}")
    return total


def map_item(context: DurableContext, item: int, _index: int, _items) -> int:
    return context.step(identity(item), name="item")


@durable_execution
def w3(event: int, context: DurableContext) -> int:
    result = context.map(list(range(event)), map_item, name="items")
    return len(result.get_results())


@durable_execution
def w4(event: int, context: DurableContext) -> int:
    context.wait(Duration.from_seconds(1), name="pause")
    return context.step(identity(event), name="after")


def make_runner(handler, store: str, folder: Path, skip_time: bool = True) -> DurableFunctionTestRunner:
    backing = None
    if store == "sqlite":
        backing = SQLiteExecutionStore.create_and_initialize(folder / f"{uuid.uuid4().hex}.db")
    return DurableFunctionTestRunner(handler=handler, store=backing, skip_time=skip_time)


def check(result) -> None:
    if str(result.status) not in ("InvocationStatus.SUCCEEDED", "SUCCEEDED"):
        raise RuntimeError(f"execution ended {result.status}: {result.error}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--store", choices=["memory", "sqlite"], default="memory")
    parser.add_argument("--workloads", default="W1,W2,W3,W4")
    parser.add_argument("--w1-steps", type=int, default=1000)
    args = parser.parse_args()
    peer = f"aws-runner-{args.store}"
    selected = set(args.workloads.upper().split(","))
    folder = Path(tempfile.mkdtemp(prefix="aws-runner-"))

    if "W1" in selected:
        with make_runner(w1, args.store, folder) as runner:
            start = now()
            check(runner.run(input=str(args.w1_steps), execution_name=f"w1-{uuid.uuid4().hex[:8]}", execution_timeout=3600))
            emit("W1", peer, "steps/s", args.w1_steps / (now() - start), "steps/s")

    if "W2" in selected:
        with make_runner(w2, args.store, folder) as runner:
            def one(index: int) -> None:
                check(runner.run(input=str(index), execution_name=f"w2-{index}-{uuid.uuid4().hex[:8]}", execution_timeout=3600))
            start = now()
            bounded(1000, 64, one)
            seconds = now() - start
            emit("W2", peer, "executions/s", 1000 / seconds, "exec/s")
            emit("W2", peer, "steps/s", 10_000 / seconds, "steps/s")

    if "W3" in selected:
        with make_runner(w3, args.store, folder) as runner:
            start = now()
            check(runner.run(input="500", execution_name=f"w3-{uuid.uuid4().hex[:8]}", execution_timeout=3600))
            seconds = now() - start
            emit("W3", peer, "items/s", 500 / seconds, "items/s")
            emit("W3", peer, "total ms", seconds * 1000, "ms")

    if "W4" in selected:
        # Real time: the wait must really last a second.
        with make_runner(w4, args.store, folder, skip_time=False) as runner:
            starts = [0.0] * 200
            ends = [0.0] * 200
            barrier = threading.Barrier(200)

            def one(index: int) -> None:
                barrier.wait()
                starts[index] = now()
                check(runner.run(input=str(index), execution_name=f"w4-{index}-{uuid.uuid4().hex[:8]}", execution_timeout=3600))
                ends[index] = now()
            bounded(200, 200, one)
            w4_results(peer, starts, ends)


if __name__ == "__main__":
    main()
