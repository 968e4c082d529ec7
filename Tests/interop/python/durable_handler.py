"""A durable function written with the official AWS Durable Execution SDK for Python, run by the
official runtime client (`python -m awslambdaric durable_handler.handler`) against our service.

It exercises every kind of operation the interop test checks: steps (one that fails once and is
retried), a wait, a callback completed from outside, a child context and a map.
"""

from __future__ import annotations

import json
import os
import time
from typing import Any

from aws_durable_execution_sdk_python import DurableContext, StepContext, durable_execution
from aws_durable_execution_sdk_python.config import CallbackConfig, Duration, MapConfig, StepConfig
from aws_durable_execution_sdk_python.retries import RetryDecision


def retry_quickly(error: Exception, attempts_made: int) -> RetryDecision:
    """Retries twice after one second: the service's retry timer, not a sleep in the worker."""
    if attempts_made < 3:
        return RetryDecision.retry(Duration.from_seconds(1))
    return RetryDecision.no_retry()


def flaky(step_context: StepContext) -> int:
    # The first attempt fails, so the history shows StepFailed-then-retry before StepSucceeded.
    if step_context.attempt < 2:
        raise RuntimeError("transient failure")
    return step_context.attempt


def slow(_: StepContext) -> str:
    # The crash test kills the worker while it sleeps here (DURABLE_TEST_SLOW_STEP seconds).
    time.sleep(float(os.environ.get("DURABLE_TEST_SLOW_STEP", "0")))
    return "slow-done"


def square(context: DurableContext, item: int, index: int, items: Any) -> int:
    return context.step(lambda _: item * item, name=f"square-{index}")


def child(context: DurableContext) -> int:
    return context.step(lambda _: 21 * 2, name="inner")


@durable_execution
def handler(event: dict[str, Any], context: DurableContext) -> dict[str, Any]:
    greeting = context.step(lambda _: f"hello {event['name']}", name="greet")
    attempts = context.step(flaky, name="flaky", config=StepConfig(retry_strategy=retry_quickly))
    slow_result = context.step(slow, name="slow")
    context.wait(Duration.from_seconds(1), name="pause")
    callback = context.create_callback(name="approval", config=CallbackConfig(timeout=Duration.from_seconds(300)))
    approval = json.loads(callback.result())
    inner = context.run_in_child_context(child, name="child")
    squares = context.map([1, 2, 3], square, name="squares", config=MapConfig(max_concurrency=2))
    return {
        "greeting": greeting,
        "attempts": attempts,
        "slow": slow_result,
        "approval": approval,
        "inner": inner,
        "squares": squares.get_results(),
    }
