"""Durable and plain functions for the version-pinning and plain-function interop tests.

Each worker is told which build it is (`HANDLER_VERSION`) and appends the execution ARN of every
invocation it receives to `SEEN_LOG`, so a test can tell which version's workers ran which replay.
"""

from __future__ import annotations

import json
import os
from typing import Any

from aws_durable_execution_sdk_python import DurableContext, durable_execution
from aws_durable_execution_sdk_python.config import CallbackConfig, Duration


def _record(event: dict[str, Any]) -> None:
    seen = os.environ.get("SEEN_LOG")
    if seen:
        with open(seen, "a", encoding="utf-8") as log:
            log.write(f"{event.get('DurableExecutionArn', '-')}\n")


@durable_execution
def _pinned(event: dict[str, Any], context: DurableContext) -> dict[str, Any]:
    build = os.environ["HANDLER_VERSION"]
    start = context.step(lambda _: f"{build}-start", name="start")
    callback = context.create_callback(name="release", config=CallbackConfig(timeout=Duration.from_seconds(300)))
    released = json.loads(callback.result())
    end = context.step(lambda _: f"{build}-end", name="finish")
    return {"start": start, "end": end, "released": released, "order": event.get("order")}


def pinned(event: dict[str, Any], lambda_context: Any) -> Any:
    """The durable function whose executions must stay on the version they started on."""
    _record(event)
    return _pinned(event, lambda_context)


def plain(event: dict[str, Any], _: Any) -> dict[str, Any]:
    """A plain (non-durable) Lambda handler."""
    if event.get("fail"):
        raise ValueError("asked to fail")
    return {"echo": event, "build": os.environ.get("HANDLER_VERSION", "latest")}


@durable_execution
def caller(event: dict[str, Any], context: DurableContext) -> dict[str, Any]:
    """A durable function calling a plain one through a chained invoke."""
    answer = context.invoke(event["target"], {"n": 21}, name="call-plain")
    return {"answer": answer}
