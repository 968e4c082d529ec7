"""Drives a real `durable serve` with boto3 and the AWS CLI: every durable route, paging, bad input."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

import pytest
from botocore.exceptions import ClientError

from conftest import DurableServer, callback_id, start_order, wait_for

ORDER = {"orderId": "o-1", "sku": "WIDGET", "quantity": 1, "amountCents": 500}


def error_code(excinfo: pytest.ExceptionInfo[ClientError]) -> str:
    return excinfo.value.response["Error"]["Code"]


def status(excinfo: pytest.ExceptionInfo[ClientError]) -> int:
    return excinfo.value.response["ResponseMetadata"]["HTTPStatusCode"]


def raw(server: DurableServer, method: str, path: str, body: bytes | None = None,
        headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(server.endpoint + path, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_order_with_callback_through_aws_cli(server: DurableServer, lam: Any) -> None:
    arn = start_order(lam, "cli-1")
    cb = callback_id(lam, arn, "ShippingConfirmed")
    server.aws("send-durable-execution-callback-success", "--callback-id", cb,
               "--result", json.dumps({"trackingNumber": "1Z-CLI"}))
    wait_for(lambda: lam.get_durable_execution(DurableExecutionArn=arn)["Status"] == "SUCCEEDED")
    described = json.loads(server.aws("get-durable-execution", "--durable-execution-arn", arn).stdout)
    assert json.loads(described["Result"]) == {"status": "Completed", "orderId": "cli-1", "trackingNumber": "1Z-CLI"}
    history = json.loads(server.aws("get-durable-execution-history", "--durable-execution-arn", arn).stdout)
    types = [e["EventType"] for e in history["Events"]]
    assert types[0] == "ExecutionStarted" and types[-1] == "ExecutionSucceeded"
    assert "CallbackSucceeded" in types
    assert [e["EventId"] for e in history["Events"]] == list(range(1, len(types) + 1))


def test_synchronous_invoke_through_aws_cli(server: DurableServer, lam: Any, tmp_path: Any) -> None:
    out = tmp_path / "out.json"
    # Out of stock fails the order in its first step: a synchronous invoke answers with the error.
    result = server.aws("invoke", "--function-name", "order-processing",
                        "--payload", json.dumps({**ORDER, "sku": "OUT-OF-STOCK"}), str(out))
    answer = json.loads(result.stdout)
    assert answer["StatusCode"] == 200
    assert answer["FunctionError"] == "Unhandled"
    assert "durable-execution" in answer["DurableExecutionArn"]
    body = json.loads(out.read_text())
    assert body["errorType"] == "OutOfStockError"


def test_get_execution_shapes(lam: Any) -> None:
    arn = start_order(lam, "shape-1")
    callback_id(lam, arn, "ShippingConfirmed")
    described = lam.get_durable_execution(DurableExecutionArn=arn)
    assert described["Status"] == "RUNNING"
    assert described["DurableExecutionArn"] == arn
    assert described["FunctionArn"].endswith(":function:order-processing:$LATEST")
    assert json.loads(described["InputPayload"])["orderId"] == "shape-1"
    assert "Result" not in described and "EndTimestamp" not in described
    assert described["Version"] == "$LATEST"


def test_history_paging_reverse_and_data(lam: Any) -> None:
    arn = start_order(lam, "page-1")
    callback_id(lam, arn, "ShippingConfirmed")
    full = lam.get_durable_execution_history(DurableExecutionArn=arn, MaxItems=1000)["Events"]
    assert len(full) >= 6
    pages, marker = [], None
    while True:
        kwargs = {"Marker": marker} if marker else {}
        page = lam.get_durable_execution_history(DurableExecutionArn=arn, MaxItems=2, **kwargs)
        assert len(page["Events"]) <= 2
        pages += page["Events"]
        marker = page.get("NextMarker")
        if not marker:
            break
    assert [e["EventId"] for e in pages] == [e["EventId"] for e in full]
    reverse = lam.get_durable_execution_history(DurableExecutionArn=arn, ReverseOrder=True, MaxItems=1000)["Events"]
    assert [e["EventId"] for e in reverse] == [e["EventId"] for e in reversed(full)]
    without = lam.get_durable_execution_history(DurableExecutionArn=arn, IncludeExecutionData=False)["Events"]
    started = without[0]["ExecutionStartedDetails"]["Input"]
    assert "Payload" not in started and started["Truncated"] is True
    with_data = full[0]["ExecutionStartedDetails"]["Input"]
    assert json.loads(with_data["Payload"])["orderId"] == "page-1"


def test_list_filters_and_paging(lam: Any) -> None:
    arns = [start_order(lam, f"list-{i}", name=f"list-exec-{i}") for i in range(5)]
    for arn in arns:
        callback_id(lam, arn, "ShippingConfirmed")
    seen, marker = [], None
    while True:
        kwargs = {"Marker": marker} if marker else {}
        page = lam.list_durable_executions_by_function(FunctionName="order-processing", MaxItems=2, **kwargs)
        assert len(page["DurableExecutions"]) <= 2
        seen += [e["DurableExecutionArn"] for e in page["DurableExecutions"]]
        marker = page.get("NextMarker")
        if not marker:
            break
    assert set(arns) <= set(seen)
    assert len(seen) == len(set(seen))
    by_name = lam.list_durable_executions_by_function(FunctionName="order-processing", DurableExecutionName="list-exec-3")
    assert [e["DurableExecutionArn"] for e in by_name["DurableExecutions"]] == [arns[3]]
    running = lam.list_durable_executions_by_function(FunctionName="order-processing", Statuses=["RUNNING"], MaxItems=1000)
    assert all(e["Status"] == "RUNNING" for e in running["DurableExecutions"])
    assert set(arns) <= {e["DurableExecutionArn"] for e in running["DurableExecutions"]}
    none = lam.list_durable_executions_by_function(FunctionName="order-processing", Statuses=["TIMED_OUT"])
    assert none["DurableExecutions"] == []
    forward = [e["DurableExecutionArn"] for e in
               lam.list_durable_executions_by_function(FunctionName="order-processing", MaxItems=1000)["DurableExecutions"]]
    backward = [e["DurableExecutionArn"] for e in
                lam.list_durable_executions_by_function(FunctionName="order-processing", MaxItems=1000,
                                                        ReverseOrder=True)["DurableExecutions"]]
    assert backward == list(reversed(forward))
    future = datetime.now(timezone.utc) + timedelta(days=1)
    assert lam.list_durable_executions_by_function(FunctionName="order-processing", StartedAfter=future)["DurableExecutions"] == []
    before_all = lam.list_durable_executions_by_function(FunctionName="order-processing", StartedBefore=future, MaxItems=1000)
    assert set(arns) <= {e["DurableExecutionArn"] for e in before_all["DurableExecutions"]}
    past = datetime.now(timezone.utc) - timedelta(days=1)
    assert lam.list_durable_executions_by_function(FunctionName="order-processing", StartedBefore=past)["DurableExecutions"] == []


def test_name_idempotency_and_conflict(lam: Any) -> None:
    payload = json.dumps({**ORDER, "orderId": "idem-1"})
    first = lam.invoke(FunctionName="order-processing", InvocationType="Event", DurableExecutionName="idem-1", Payload=payload)
    again = lam.invoke(FunctionName="order-processing", InvocationType="Event", DurableExecutionName="idem-1", Payload=payload)
    assert first["DurableExecutionArn"] == again["DurableExecutionArn"]
    with pytest.raises(ClientError) as excinfo:
        lam.invoke(FunctionName="order-processing", InvocationType="Event", DurableExecutionName="idem-1",
                   Payload=json.dumps({**ORDER, "orderId": "different"}))
    assert error_code(excinfo) == "DurableExecutionAlreadyStartedException"
    assert status(excinfo) == 409


def test_callback_failure_and_heartbeat(lam: Any) -> None:
    arn = start_order(lam, "fail-1")
    cb = callback_id(lam, arn, "ShippingConfirmed")
    lam.send_durable_execution_callback_heartbeat(CallbackId=cb)
    lam.send_durable_execution_callback_failure(CallbackId=cb, Error={"ErrorType": "Warehouse.Closed", "ErrorMessage": "no stock"})
    wait_for(lambda: lam.get_durable_execution(DurableExecutionArn=arn)["Status"] == "FAILED")
    events = lam.get_durable_execution_history(DurableExecutionArn=arn, MaxItems=1000)["Events"]
    failed = [e for e in events if e["EventType"] == "CallbackFailed"]
    assert failed[0]["CallbackFailedDetails"]["Error"]["Payload"]["ErrorType"] == "Warehouse.Closed"
    # A closed callback can no longer be completed.
    with pytest.raises(ClientError) as excinfo:
        lam.send_durable_execution_callback_success(CallbackId=cb, Result=b"{}")
    assert error_code(excinfo) == "CallbackTimeoutException"


def test_stop(lam: Any) -> None:
    arn = start_order(lam, "stop-1")
    callback_id(lam, arn, "ShippingConfirmed")

    # Stop once the invocation that started the callback has ended; a stop during it is followed by
    # that invocation's InvocationCompleted, which a loaded machine makes likely.
    def suspended() -> bool:
        events = lam.get_durable_execution_history(DurableExecutionArn=arn, MaxItems=1000)["Events"]
        kinds = [e["EventType"] for e in events]
        return "CallbackStarted" in kinds and kinds[-1] == "InvocationCompleted"
    wait_for(suspended)
    answer = lam.stop_durable_execution(DurableExecutionArn=arn, Error={"ErrorType": "Cancelled", "ErrorMessage": "customer cancelled"})
    assert "StopTimestamp" in answer
    described = lam.get_durable_execution(DurableExecutionArn=arn)
    assert described["Status"] == "STOPPED"
    assert described["Error"]["ErrorMessage"] == "customer cancelled"
    events = lam.get_durable_execution_history(DurableExecutionArn=arn, MaxItems=1000)["Events"]
    assert events[-1]["EventType"] == "ExecutionStopped"


def test_state_and_checkpoint_reject_forged_tokens(lam: Any) -> None:
    arn = start_order(lam, "token-1")
    callback_id(lam, arn, "ShippingConfirmed")
    with pytest.raises(ClientError) as excinfo:
        lam.checkpoint_durable_execution(DurableExecutionArn=arn, CheckpointToken="Zm9yZ2Vk", Updates=[])
    assert error_code(excinfo) == "InvalidParameterValueException"
    assert excinfo.value.response["Error"]["Message"] == "Invalid checkpoint token"
    with pytest.raises(ClientError) as excinfo:
        lam.get_durable_execution_state(DurableExecutionArn=arn, CheckpointToken="Zm9yZ2Vk")
    assert error_code(excinfo) == "InvalidParameterValueException"


def test_unknown_function(lam: Any) -> None:
    with pytest.raises(ClientError) as excinfo:
        lam.invoke(FunctionName="no-such-function", Payload=b"{}")
    assert error_code(excinfo) == "ResourceNotFoundException" and status(excinfo) == 404
    with pytest.raises(ClientError) as excinfo:
        lam.list_durable_executions_by_function(FunctionName="no-such-function")
    assert error_code(excinfo) == "ResourceNotFoundException"


def test_unknown_and_malformed_arns(lam: Any) -> None:
    unknown = "arn:aws:lambda:us-east-1:123456789012:function:order-processing:$LATEST/durable-execution/nope/nope"
    with pytest.raises(ClientError) as excinfo:
        lam.get_durable_execution(DurableExecutionArn=unknown)
    assert error_code(excinfo) == "ResourceNotFoundException" and status(excinfo) == 404
    with pytest.raises(ClientError) as excinfo:
        lam.get_durable_execution_history(DurableExecutionArn=unknown)
    assert error_code(excinfo) == "ResourceNotFoundException"
    with pytest.raises(ClientError) as excinfo:
        lam.stop_durable_execution(DurableExecutionArn=unknown)
    assert error_code(excinfo) == "ResourceNotFoundException"


def test_malformed_arn_raw(server: DurableServer) -> None:
    code, headers, body = raw(server, "GET", "/2025-12-01/durable-executions/not-an-arn")
    assert code == 400
    assert headers.get("X-Amzn-ErrorType") == "InvalidParameterValueException"
    assert "message" in json.loads(body)


def test_unknown_callback_id(lam: Any) -> None:
    with pytest.raises(ClientError) as excinfo:
        lam.send_durable_execution_callback_success(CallbackId="dW5rbm93bg==", Result=b"{}")
    assert error_code(excinfo) == "CallbackTimeoutException"
    with pytest.raises(ClientError) as excinfo:
        lam.send_durable_execution_callback_heartbeat(CallbackId="dW5rbm93bg==")
    assert error_code(excinfo) == "CallbackTimeoutException"


def test_malformed_json_and_names(server: DurableServer, lam: Any) -> None:
    code, headers, _ = raw(server, "POST", "/2015-03-31/functions/order-processing/invocations", body=b"{not json",
                           headers={"X-Amz-Invocation-Type": "Event"})
    assert code == 400 and headers.get("X-Amzn-ErrorType") == "InvalidRequestContentException"
    code, headers, _ = raw(server, "POST", "/2015-03-31/functions/order-processing/invocations", body=b"{}",
                           headers={"X-Amz-Invocation-Type": "Event", "X-Amz-Durable-Execution-Name": "bad name!"})
    assert code == 400 and headers.get("X-Amzn-ErrorType") == "InvalidParameterValueException"
    arn = start_order(lam, "json-1")
    callback_id(lam, arn, "ShippingConfirmed")
    encoded = urllib.request.quote(arn, safe="")
    code, headers, _ = raw(server, "POST", f"/2025-12-01/durable-executions/{encoded}/checkpoint", body=b"[1,2",
                           headers={"Content-Type": "application/json"})
    assert code == 400 and headers.get("X-Amzn-ErrorType") == "InvalidParameterValueException"
    # Nothing was written and the service keeps serving.
    assert lam.get_durable_execution(DurableExecutionArn=arn)["Status"] == "RUNNING"


def test_payload_limits(server: DurableServer, lam: Any) -> None:
    big = b'"' + b"x" * (1024 * 1024 + 10) + b'"'
    code, headers, _ = raw(server, "POST", "/2015-03-31/functions/order-processing/invocations", body=big,
                           headers={"X-Amz-Invocation-Type": "Event"})
    assert code == 413 and headers.get("X-Amzn-ErrorType") == "RequestTooLargeException"
    arn = start_order(lam, "limit-1")
    cb = callback_id(lam, arn, "ShippingConfirmed")
    with pytest.raises(ClientError) as excinfo:
        lam.send_durable_execution_callback_success(CallbackId=cb, Result=b"x" * (262_144 + 1))
    assert status(excinfo) in (400, 413)
    # The callback is still open after the rejected body.
    lam.send_durable_execution_callback_heartbeat(CallbackId=cb)


def lower(headers: dict[str, str]) -> dict[str, str]:
    return {name.lower(): value for name, value in headers.items()}


def test_execution_logs_route_and_cli(server: DurableServer, lam: Any) -> None:
    arn = start_order(lam, "logs-1")
    cb = callback_id(lam, arn, "ShippingConfirmed")
    lam.send_durable_execution_callback_success(CallbackId=cb, Result=json.dumps({"trackingNumber": "1Z-LOG"}))
    wait_for(lambda: lam.get_durable_execution(DurableExecutionArn=arn)["Status"] == "SUCCEEDED")
    path = f"/durable/2025-12-01/durable-executions/{urllib.parse.quote(arn, safe='')}/logs"
    code, headers, body = raw(server, "GET", path)
    assert code == 200 and lower(headers)["content-type"] == "application/json"
    records = json.loads(body)["Records"]
    messages = [r["Message"] for r in records]
    # The step's line once (replays never re-run it), the closing line once, in that order.
    assert messages.count("checking stock") == 1 and messages.count("order completed") == 1
    assert messages.index("checking stock") < messages.index("order completed")
    stock = records[messages.index("checking stock")]
    assert stock["Level"] == "INFO" and stock["ExecutionArn"] == arn and stock["Attempt"] == 1 and stock["OperationId"]
    invocations = {e["InvocationCompletedDetails"]["RequestId"]
                   for e in lam.get_durable_execution_history(DurableExecutionArn=arn, MaxItems=1000)["Events"]
                   if e["EventType"] == "InvocationCompleted"}
    assert {r["RequestId"] for r in records} <= invocations
    assert [r["Timestamp"] for r in records] == sorted(r["Timestamp"] for r in records)
    # Paging: one record per page, markers to the end.
    paged, marker = [], None
    while True:
        code, _, body = raw(server, "GET", path + "?MaxItems=1" + (f"&Marker={marker}" if marker else ""))
        page = json.loads(body)
        assert code == 200 and len(page["Records"]) <= 1
        paged += page["Records"]
        marker = page.get("NextMarker")
        if not marker:
            break
    assert paged == records
    # The CLI: human lines by default, the route's JSON with --json.
    human = server.cli("logs", arn).stdout.splitlines()
    assert len(human) == len(records) and "checking stock" in human[messages.index("checking stock")]
    assert json.loads(server.cli("logs", arn, "--json").stdout)["Records"] == records


def test_execution_logs_errors(server: DurableServer, lam: Any) -> None:
    arn = start_order(lam, "logs-2")
    unknown = arn.rsplit("/", 1)[0] + "/00000000-0000-0000-0000-000000000000"
    code, headers, _ = raw(server, "GET", f"/durable/2025-12-01/durable-executions/{urllib.parse.quote(unknown, safe='')}/logs")
    assert code == 404 and lower(headers)["x-amzn-errortype"] == "ResourceNotFoundException"
    code, headers, _ = raw(server, "GET", "/durable/2025-12-01/durable-executions/not-an-arn/logs")
    assert code == 400 and lower(headers)["x-amzn-errortype"] == "InvalidParameterValueException"
    quoted = urllib.parse.quote(arn, safe="")
    code, headers, _ = raw(server, "GET", f"/durable/2025-12-01/durable-executions/{quoted}/logs?Marker=x")
    assert code == 400 and lower(headers)["x-amzn-errortype"] == "InvalidParameterValueException"
