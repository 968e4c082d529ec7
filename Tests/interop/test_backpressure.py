"""A node refuses API requests beyond --max-in-flight-requests with an AWS throttling error."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

from botocore.exceptions import ClientError

from conftest import DurableServer


def test_requests_beyond_the_cap_get_too_many_requests(durable_binary: Path, tmp_path: Path) -> None:
    server = DurableServer(durable_binary, tmp_path, args=["--max-in-flight-requests", "1"])
    server.start()
    try:
        holder_client = server.client()

        def hold() -> None:
            # A synchronous invoke of an order stays in flight while the order waits for its callback.
            try:
                holder_client.invoke(FunctionName="order-processing", InvocationType="RequestResponse",
                                     Payload=json.dumps({"orderId": "held", "sku": "WIDGET", "quantity": 1, "amountCents": 1}))
            except Exception:  # noqa: BLE001 - ends when the server stops
                pass

        threading.Thread(target=hold, daemon=True).start()
        lam = server.client()
        refusal = None
        deadline = time.monotonic() + 30
        while refusal is None and time.monotonic() < deadline:
            try:
                lam.list_durable_executions_by_function(FunctionName="order-processing")
            except ClientError as error:
                refusal = error
            time.sleep(0.05)
        assert refusal is not None, "no request was refused while the only slot was taken"
        assert refusal.response["Error"]["Code"] == "TooManyRequestsException"
        assert refusal.response["ResponseMetadata"]["HTTPStatusCode"] == 429
        assert refusal.response["ResponseMetadata"]["HTTPHeaders"]["x-amzn-errortype"].startswith("TooManyRequestsException")
        assert "in flight" in refusal.response["Error"]["Message"]
    finally:
        # A graceful stop would wait for the held invoke; the throwaway server need not end cleanly.
        server.kill9()
