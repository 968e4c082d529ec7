"""The Lambda function management APIs (functions, versions, aliases) through boto3, the AWS CLI and
`durable functions`, with AWS's routes, shapes and errors, against a real `durable serve`."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import urllib.request
import zipfile
from typing import Any

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from conftest import DurableServer

ROLE = "arn:aws:iam::123456789012:role/worker"
ARN = "arn:aws:lambda:us-east-1:123456789012:function:"


def zip_bytes(text: str = "def handler(event, context):\n    return event\n") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("handler.py", text)
    return buffer.getvalue()


def create(lam: Any, name: str, durable: dict[str, int] | None = None, **extra: Any) -> dict[str, Any]:
    kwargs: dict[str, Any] = {"FunctionName": name, "Runtime": "python3.13", "Role": ROLE, "Handler": "handler.handler",
                              "Code": {"ZipFile": zip_bytes()}, **extra}
    if durable is not None:
        kwargs["DurableConfig"] = durable
    return lam.create_function(**kwargs)


def error_of(call: Any) -> tuple[str, int, str]:
    with pytest.raises(ClientError) as raised:
        call()
    error = raised.value.response
    return error["Error"]["Code"], error["ResponseMetadata"]["HTTPStatusCode"], error["Error"]["Message"]


@pytest.fixture()
def raw(server: DurableServer) -> Any:
    """A client that sends what it is given: the service, not botocore, must reject bad input."""
    return boto3.client("lambda", endpoint_url=server.endpoint, region_name="us-east-1", aws_access_key_id="test",
                        aws_secret_access_key="test", config=Config(parameter_validation=False, retries={"max_attempts": 1}))


def test_create_get_and_list(lam: Any) -> None:
    created = create(lam, "fn-create", {"ExecutionTimeout": 600, "RetentionPeriodInDays": 3}, Timeout=30, MemorySize=256,
                     Description="first", Environment={"Variables": {"A": "1"}})
    assert created["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert created["FunctionName"] == "fn-create"
    assert created["FunctionArn"] == ARN + "fn-create"
    assert created["Version"] == "$LATEST"
    assert created["DurableConfig"] == {"ExecutionTimeout": 600, "RetentionPeriodInDays": 3}
    assert created["Timeout"] == 30 and created["MemorySize"] == 256 and created["Description"] == "first"
    assert created["Environment"] == {"Variables": {"A": "1"}}
    assert created["State"] == "Active" and created["LastUpdateStatus"] == "Successful"
    assert created["CodeSha256"] == base64.b64encode(hashlib.sha256(zip_bytes()).digest()).decode()
    assert created["CodeSize"] == len(zip_bytes())
    assert created["LastModified"].endswith("+0000")

    got = lam.get_function(FunctionName="fn-create")
    assert got["Configuration"] == {k: v for k, v in created.items() if k != "ResponseMetadata"}
    assert got["Code"]["RepositoryType"] == "S3"
    assert lam.get_function_configuration(FunctionName=ARN + "fn-create")["RevisionId"] == created["RevisionId"]

    # Defaults: Timeout 3, MemorySize 128, DurableConfig's retention 14 days.
    defaults = create(lam, "fn-defaults", {"ExecutionTimeout": 60})
    assert (defaults["Timeout"], defaults["MemorySize"]) == (3, 128)
    assert defaults["DurableConfig"] == {"ExecutionTimeout": 60, "RetentionPeriodInDays": 14}

    names = [f["FunctionName"] for f in lam.list_functions()["Functions"]]
    # Functions compiled into the service are listed beside the created ones, in name order.
    assert {"fn-create", "fn-defaults", "order-processing"} <= set(names)
    assert names == sorted(names)
    paged: list[str] = []
    marker = None
    while True:
        page = lam.list_functions(MaxItems=1, **({"Marker": marker} if marker else {}))
        assert len(page["Functions"]) <= 1
        paged += [f["FunctionName"] for f in page["Functions"]]
        marker = page.get("NextMarker")
        if not marker:
            break
    assert paged == names
    compiled = lam.get_function(FunctionName="order-processing")["Configuration"]
    assert compiled["DurableConfig"]["ExecutionTimeout"] == 8 * 86400


def test_create_errors(lam: Any, raw: Any) -> None:
    create(lam, "fn-twice", {"ExecutionTimeout": 60})
    assert error_of(lambda: create(lam, "fn-twice", {"ExecutionTimeout": 60})) == (
        "ResourceConflictException", 409, "Function already exist: fn-twice")
    assert error_of(lambda: create(lam, "order-processing", {}))[:2] == ("ResourceConflictException", 409)
    code, status, message = error_of(lambda: create(raw, "fn-bad-timeout", None, Timeout=0))
    assert (code, status) == ("InvalidParameterValueException", 400) and "timeout" in message
    code, status, message = error_of(lambda: create(raw, "fn-bad-durable", {"ExecutionTimeout": 0}))
    assert (code, status) == ("InvalidParameterValueException", 400) and "executionTimeout" in message
    assert error_of(lambda: create(raw, "fn-bad-retention", {"ExecutionTimeout": 5, "RetentionPeriodInDays": 91}))[:2] == (
        "InvalidParameterValueException", 400)
    assert error_of(lambda: raw.create_function(FunctionName="fn-bad-role", Runtime="python3.13", Role="not-a-role",
                                                Handler="h.h", Code={"ZipFile": b"x"}))[:2] == ("InvalidParameterValueException", 400)
    assert error_of(lambda: raw.create_function(FunctionName="fn-bad-runtime", Runtime="cobol", Role=ROLE,
                                                Handler="h.h", Code={"ZipFile": b"x"}))[:2] == ("InvalidParameterValueException", 400)
    assert error_of(lambda: raw.create_function(FunctionName="bad name!", Runtime="python3.13", Role=ROLE,
                                                Handler="h.h", Code={"ZipFile": b"x"}))[:2] == ("InvalidParameterValueException", 400)
    assert error_of(lambda: raw.create_function(FunctionName="fn-no-code", Runtime="python3.13", Role=ROLE,
                                                Handler="h.h", Code={}))[:2] == ("InvalidParameterValueException", 400)
    # Nothing half-created.
    assert error_of(lambda: lam.get_function(FunctionName="fn-bad-timeout"))[:2] == ("ResourceNotFoundException", 404)


def test_malformed_bodies_are_aws_errors(server: DurableServer) -> None:
    def post(path: str, body: bytes, method: str = "POST") -> tuple[int, str, dict[str, Any]]:
        request = urllib.request.Request(server.endpoint + path, data=body, method=method,
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request) as response:
                return response.status, "", json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as error:
            return error.code, error.headers["X-Amzn-ErrorType"], json.loads(error.read())

    status, kind, body = post("/2015-03-31/functions", b"{not json")
    assert (status, kind) == (400, "InvalidParameterValueException") and body["message"]
    status, kind, _ = post("/2015-03-31/functions", b'{"FunctionName": 7}')
    assert (status, kind) == (400, "InvalidParameterValueException")
    status, kind, _ = post("/2015-03-31/functions", b'{"Role": "arn:aws:iam::123456789012:role/r"}')
    assert (status, kind) == (400, "InvalidParameterValueException")
    status, kind, _ = post("/2015-03-31/functions/nope/configuration", b'{"Timeout": 5}', method="PUT")
    assert (status, kind) == (404, "ResourceNotFoundException")


def test_get_missing_function(lam: Any) -> None:
    assert error_of(lambda: lam.get_function(FunctionName="fn-missing")) == (
        "ResourceNotFoundException", 404, f"Function not found: {ARN}fn-missing")
    assert error_of(lambda: lam.delete_function(FunctionName="fn-missing"))[:2] == ("ResourceNotFoundException", 404)


def test_update_configuration(lam: Any) -> None:
    created = create(lam, "fn-update", {"ExecutionTimeout": 60})
    updated = lam.update_function_configuration(FunctionName="fn-update", Timeout=20, Description="second",
                                                DurableConfig={"ExecutionTimeout": 120, "RetentionPeriodInDays": 2})
    assert updated["Timeout"] == 20 and updated["Description"] == "second"
    assert updated["DurableConfig"] == {"ExecutionTimeout": 120, "RetentionPeriodInDays": 2}
    assert updated["RevisionId"] != created["RevisionId"]
    assert lam.get_function(FunctionName="fn-update")["Configuration"]["Timeout"] == 20
    # A stale RevisionId loses nothing: the update is refused.
    assert error_of(lambda: lam.update_function_configuration(FunctionName="fn-update", Timeout=9,
                                                              RevisionId=created["RevisionId"]))[:2] == ("PreconditionFailedException", 412)
    assert lam.get_function(FunctionName="fn-update")["Configuration"]["Timeout"] == 20
    # DurableConfig can only be set when a function is created.
    create(lam, "fn-update-plain")
    assert error_of(lambda: lam.update_function_configuration(FunctionName="fn-update-plain",
                                                              DurableConfig={"ExecutionTimeout": 60}))[:2] == ("InvalidParameterValueException", 400)
    assert error_of(lambda: lam.update_function_configuration(FunctionName="fn-missing", Timeout=5))[:2] == ("ResourceNotFoundException", 404)


def test_versions_snapshot_settings(lam: Any) -> None:
    create(lam, "fn-versions", {"ExecutionTimeout": 60}, Timeout=10)
    v1 = lam.publish_version(FunctionName="fn-versions", Description="one")
    assert v1["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert (v1["Version"], v1["FunctionArn"], v1["Description"]) == ("1", ARN + "fn-versions:1", "one")
    # Nothing changed: publishing again answers the same version.
    assert lam.publish_version(FunctionName="fn-versions")["Version"] == "1"
    lam.update_function_configuration(FunctionName="fn-versions", Timeout=40, DurableConfig={"ExecutionTimeout": 900})
    v2 = lam.publish_version(FunctionName="fn-versions")
    assert (v2["Version"], v2["Timeout"], v2["DurableConfig"]["ExecutionTimeout"]) == ("2", 40, 900)
    # Version 1 keeps the settings it was published with.
    one = lam.get_function(FunctionName="fn-versions", Qualifier="1")["Configuration"]
    assert (one["Version"], one["Timeout"], one["DurableConfig"]["ExecutionTimeout"]) == ("1", 10, 60)
    assert lam.get_function(FunctionName="fn-versions:2")["Configuration"]["Timeout"] == 40
    assert error_of(lambda: lam.get_function(FunctionName="fn-versions", Qualifier="7")) == (
        "ResourceNotFoundException", 404, f"Function not found: {ARN}fn-versions:7")

    versions = lam.list_versions_by_function(FunctionName="fn-versions")["Versions"]
    assert [v["Version"] for v in versions] == ["$LATEST", "1", "2"]
    assert versions[0]["FunctionArn"] == ARN + "fn-versions:$LATEST"
    paged, marker = [], None
    while True:
        page = lam.list_versions_by_function(FunctionName="fn-versions", MaxItems=1, **({"Marker": marker} if marker else {}))
        paged += [v["Version"] for v in page["Versions"]]
        marker = page.get("NextMarker")
        if not marker:
            break
    assert paged == ["$LATEST", "1", "2"]
    every = [(f["FunctionName"], f["Version"]) for f in lam.list_functions(FunctionVersion="ALL")["Functions"]
             if f["FunctionName"] == "fn-versions"]
    assert every == [("fn-versions", "$LATEST"), ("fn-versions", "1"), ("fn-versions", "2")]
    assert error_of(lambda: lam.publish_version(FunctionName="fn-versions", RevisionId="stale"))[:2] == ("PreconditionFailedException", 412)
    assert error_of(lambda: lam.publish_version(FunctionName="fn-missing"))[:2] == ("ResourceNotFoundException", 404)
    # Publish=True on create answers version 1.
    published = create(lam, "fn-published", {"ExecutionTimeout": 60}, Publish=True)
    assert (published["Version"], published["FunctionArn"]) == ("1", ARN + "fn-published:1")


def test_aliases(lam: Any, raw: Any) -> None:
    create(lam, "fn-alias", {"ExecutionTimeout": 60})
    lam.publish_version(FunctionName="fn-alias")
    lam.update_function_configuration(FunctionName="fn-alias", Timeout=7)
    lam.publish_version(FunctionName="fn-alias")
    alias = lam.create_alias(FunctionName="fn-alias", Name="live", FunctionVersion="1", Description="prod")
    assert alias["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert (alias["AliasArn"], alias["Name"], alias["FunctionVersion"], alias["Description"]) == (
        ARN + "fn-alias:live", "live", "1", "prod")
    assert lam.get_alias(FunctionName="fn-alias", Name="live")["RevisionId"] == alias["RevisionId"]
    # GetFunction through the alias shows the version it names.
    assert lam.get_function(FunctionName="fn-alias", Qualifier="live")["Configuration"]["Version"] == "1"
    moved = lam.update_alias(FunctionName="fn-alias", Name="live", FunctionVersion="2")
    assert moved["FunctionVersion"] == "2" and moved["Description"] == "prod"
    assert error_of(lambda: lam.update_alias(FunctionName="fn-alias", Name="live", FunctionVersion="1",
                                             RevisionId=alias["RevisionId"]))[:2] == ("PreconditionFailedException", 412)
    lam.create_alias(FunctionName="fn-alias", Name="canary", FunctionVersion="$LATEST")
    assert [a["Name"] for a in lam.list_aliases(FunctionName="fn-alias")["Aliases"]] == ["canary", "live"]
    assert [a["Name"] for a in lam.list_aliases(FunctionName="fn-alias", FunctionVersion="2")["Aliases"]] == ["live"]
    page = lam.list_aliases(FunctionName="fn-alias", MaxItems=1)
    assert [a["Name"] for a in page["Aliases"]] == ["canary"] and page["NextMarker"]
    assert [a["Name"] for a in lam.list_aliases(FunctionName="fn-alias", Marker=page["NextMarker"])["Aliases"]] == ["live"]

    assert error_of(lambda: lam.create_alias(FunctionName="fn-alias", Name="live", FunctionVersion="1")) == (
        "ResourceConflictException", 409, f"Alias already exists: {ARN}fn-alias:live")
    assert error_of(lambda: lam.create_alias(FunctionName="fn-alias", Name="ghost", FunctionVersion="9"))[:2] == ("ResourceNotFoundException", 404)
    assert error_of(lambda: raw.create_alias(FunctionName="fn-alias", Name="123", FunctionVersion="1"))[:2] == ("InvalidParameterValueException", 400)
    assert error_of(lambda: lam.create_alias(FunctionName="fn-missing", Name="live", FunctionVersion="1"))[:2] == ("ResourceNotFoundException", 404)
    assert error_of(lambda: lam.get_alias(FunctionName="fn-alias", Name="nope")) == (
        "ResourceNotFoundException", 404, f"Alias not found: {ARN}fn-alias:nope")
    # A version an alias names cannot be deleted; $LATEST never alone.
    assert error_of(lambda: lam.delete_function(FunctionName="fn-alias", Qualifier="2"))[:2] == ("ResourceConflictException", 409)
    assert error_of(lambda: lam.delete_function(FunctionName="fn-alias", Qualifier="$LATEST"))[:2] == ("InvalidParameterValueException", 400)
    lam.delete_alias(FunctionName="fn-alias", Name="canary")
    assert error_of(lambda: lam.get_alias(FunctionName="fn-alias", Name="canary"))[:2] == ("ResourceNotFoundException", 404)
    assert lam.delete_function(FunctionName="fn-alias", Qualifier="1")["StatusCode"] == 204
    assert [v["Version"] for v in lam.list_versions_by_function(FunctionName="fn-alias")["Versions"]] == ["$LATEST", "2"]
    lam.delete_function(FunctionName="fn-alias")
    assert error_of(lambda: lam.get_alias(FunctionName="fn-alias", Name="live"))[:2] == ("ResourceNotFoundException", 404)
    # A function compiled into the service stays.
    assert error_of(lambda: lam.delete_function(FunctionName="order-processing"))[:2] == ("ResourceConflictException", 409)


def test_compiled_function_versions_and_alias_pin_executions(lam: Any) -> None:
    version = lam.publish_version(FunctionName="order-processing")["Version"]
    lam.create_alias(FunctionName="order-processing", Name="pinned", FunctionVersion=version)
    response = lam.invoke(FunctionName="order-processing", Qualifier="pinned", InvocationType="Event",
                          Payload=json.dumps({"orderId": "o-pin", "sku": "WIDGET", "quantity": 1, "amountCents": 1}))
    arn = response["DurableExecutionArn"]
    assert f":function:order-processing:{version}/durable-execution/" in arn
    assert response["ExecutedVersion"] == version
    described = lam.get_durable_execution(DurableExecutionArn=arn)
    assert described["Version"] == version and described["FunctionArn"].endswith(f":order-processing:{version}")
    listed = lam.list_durable_executions_by_function(FunctionName="order-processing", Qualifier="pinned")["DurableExecutions"]
    assert arn in [e["DurableExecutionArn"] for e in listed]
    assert error_of(lambda: lam.invoke(FunctionName="order-processing", Qualifier="no-such-alias", Payload=b"{}"))[:2] == (
        "ResourceNotFoundException", 404)
    lam.stop_durable_execution(DurableExecutionArn=arn)


def test_aws_cli(server: DurableServer, tmp_path: Any) -> None:
    package = tmp_path / "code.zip"
    package.write_bytes(zip_bytes())
    created = json.loads(server.aws("create-function", "--function-name", "fn-cli", "--runtime", "python3.13", "--role", ROLE,
                                    "--handler", "handler.handler", "--zip-file", f"fileb://{package}", "--timeout", "15",
                                    "--durable-config", "ExecutionTimeout=300,RetentionPeriodInDays=5").stdout)
    assert created["DurableConfig"] == {"ExecutionTimeout": 300, "RetentionPeriodInDays": 5}
    assert json.loads(server.aws("get-function", "--function-name", "fn-cli").stdout)["Configuration"]["Timeout"] == 15
    assert "fn-cli" in [f["FunctionName"] for f in json.loads(server.aws("list-functions").stdout)["Functions"]]
    updated = json.loads(server.aws("update-function-configuration", "--function-name", "fn-cli", "--timeout", "25").stdout)
    assert updated["Timeout"] == 25
    assert json.loads(server.aws("publish-version", "--function-name", "fn-cli").stdout)["Version"] == "1"
    versions = json.loads(server.aws("list-versions-by-function", "--function-name", "fn-cli").stdout)["Versions"]
    assert [v["Version"] for v in versions] == ["$LATEST", "1"]
    assert json.loads(server.aws("create-alias", "--function-name", "fn-cli", "--name", "live",
                                 "--function-version", "1").stdout)["AliasArn"] == ARN + "fn-cli:live"
    assert json.loads(server.aws("update-alias", "--function-name", "fn-cli", "--name", "live",
                                 "--description", "moved").stdout)["Description"] == "moved"
    assert json.loads(server.aws("get-alias", "--function-name", "fn-cli", "--name", "live").stdout)["FunctionVersion"] == "1"
    assert [a["Name"] for a in json.loads(server.aws("list-aliases", "--function-name", "fn-cli").stdout)["Aliases"]] == ["live"]
    server.aws("delete-alias", "--function-name", "fn-cli", "--name", "live")
    server.aws("delete-function", "--function-name", "fn-cli")
    failed = server.aws("get-function", "--function-name", "fn-cli", check=False)
    assert failed.returncode != 0 and "ResourceNotFoundException" in failed.stderr
    bad = server.aws("create-function", "--function-name", "fn-cli-bad", "--runtime", "python3.13", "--role", ROLE,
                     "--handler", "h.h", "--zip-file", f"fileb://{package}", "--durable-config", "ExecutionTimeout=99999999", check=False)
    assert bad.returncode != 0 and "InvalidParameterValueException" in bad.stderr


def test_durable_cli(server: DurableServer) -> None:
    server.cli("functions", "create", "fn-ours", "--timeout", "12", "--execution-timeout", "90", "--env", "K=V")
    got = json.loads(server.cli("functions", "get", "fn-ours", "--json").stdout)["Configuration"]
    assert (got["Timeout"], got["DurableConfig"]["ExecutionTimeout"], got["Environment"]["Variables"]) == (12, 90, {"K": "V"})
    server.cli("functions", "update", "fn-ours", "--timeout", "13")
    assert json.loads(server.cli("functions", "publish", "fn-ours", "--json").stdout)["Version"] == "1"
    listed = server.cli("functions", "versions", "fn-ours").stdout
    assert "$LATEST" in listed and "\n1 " in listed
    server.cli("functions", "alias", "create", "fn-ours", "live", "--version", "1")
    server.cli("functions", "update", "fn-ours", "--timeout", "14")
    server.cli("functions", "publish", "fn-ours")
    moved = json.loads(server.cli("functions", "alias", "update", "fn-ours", "live", "--version", "2", "--json").stdout)
    assert moved["FunctionVersion"] == "2"
    assert json.loads(server.cli("functions", "alias", "get", "fn-ours", "live", "--json").stdout)["FunctionVersion"] == "2"
    assert "live" in server.cli("functions", "alias", "list", "fn-ours").stdout
    names = [f["FunctionName"] for f in json.loads(server.cli("functions", "list", "--json").stdout)["Functions"]]
    assert "fn-ours" in names and "order-processing" in names
    missing = server.cli("functions", "get", "fn-nope", check=False)
    assert missing.returncode == 2 and "ResourceNotFoundException" in missing.stderr
    server.cli("functions", "create", "fn-ours-plain", "--plain")
    assert json.loads(server.cli("functions", "get", "fn-ours-plain", "--json").stdout)["Configuration"].get("DurableConfig") is None
    server.cli("functions", "alias", "delete", "fn-ours", "live")
    server.cli("functions", "delete", "fn-ours")
    # Without --function, every durable function's executions are listed.
    server.cli("executions", "list")
