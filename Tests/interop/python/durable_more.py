"""More of the official Python SDK on our service: parallel, wait_for_callback, wait_for_condition
and a chained invoke of another worker-served durable function (`durable_more.doubler`)."""

from __future__ import annotations

from typing import Any

from aws_durable_execution_sdk_python import DurableContext, durable_execution
from aws_durable_execution_sdk_python.config import Duration, WaitForCallbackConfig
from aws_durable_execution_sdk_python.waits import WaitForConditionConfig, WaitForConditionDecision


@durable_execution
def doubler(event: dict[str, Any], context: DurableContext) -> dict[str, int]:
    return {"doubled": context.step(lambda _: event["n"] * 2, name="double")}


def poll(state: int, _: Any) -> int:
    return state + 1


def until_two(state: int, attempt: int) -> WaitForConditionDecision:
    # Each further poll is a durable one-second wait, served by the service's timer.
    if state >= 2:
        return WaitForConditionDecision.stop_polling()
    return WaitForConditionDecision.continue_waiting(Duration.from_seconds(1))


@durable_execution
def handler(event: dict[str, Any], context: DurableContext) -> dict[str, Any]:
    branches = context.parallel(
        [lambda c: c.step(lambda _: "a", name="left"), lambda c: c.step(lambda _: "b", name="right")], name="both")
    answer = context.wait_for_callback(
        lambda callback_id, _: None, name="review", config=WaitForCallbackConfig(timeout=Duration.from_seconds(300)))
    doubled = context.invoke(event["doubler"], {"n": 21}, name="call-doubler")
    polled = context.wait_for_condition(poll, config=WaitForConditionConfig(initial_state=0, wait_strategy=until_two),
                                        name="poll")
    return {"branches": branches.get_results(), "answer": answer, "doubled": doubled, "polled": polled}
