"""Each fault kind and each live account edit through the control spec: the control call holds its contract
(schemathesis' checks on the answer) and the public API then behaves as the edit or the fault says."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from flask import Flask
from flask.testing import FlaskClient
from schemathesis.config import SchemathesisConfig

from tests.conftest import both_engines
from tests.contract.contract import CONFIG_PATH, CONTROL_API_PATH, KEY, OPENAPI_PATH, contract_app
from tests.contract.hooks import positive_rejections_are_state
from tests.valid_bodies import valid_body
from turkeysms_spec.catalogue import RESULT_CODES

control = schemathesis.openapi.from_path(CONTROL_API_PATH, config=SchemathesisConfig.from_path(CONFIG_PATH))
public = schemathesis.openapi.from_path(OPENAPI_PATH, config=SchemathesisConfig.from_path(CONFIG_PATH))
SEND = {"api_key": KEY, "title": "MyCompany", "text": "Hello", "sentto": "905321234567"}


pytestmark = both_engines  # the fault rules and account edits are rows every instance reads


@pytest.fixture
def app(tmp_path: Path, database_target: str) -> Flask:
    return contract_app(tmp_path, DATABASE=database_target)


def call(app: Flask, path: str, method: str, body: Any = None, **path_parameters: str) -> Any:
    """One control call, checked against control-api.yaml by schemathesis; its JSON answer."""
    operation = control[path][method]
    arguments: dict[str, Any] = {"path_parameters": path_parameters or None}
    if body is not None:
        arguments.update(body=body, media_type="application/json")
    case = operation.Case(**arguments)
    return case.call_and_validate(app=app).json()


def sends(client: FlaskClient) -> int:
    messages: list[Any] = client.get("/_mock/messages").get_json()["messages"]
    return len(messages)


def main_balance(client: FlaskClient, key: str = KEY) -> int:
    balance: int = client.post("/balance/", json={"api_key": key}).get_json()["balance"]["main"]
    return balance


def test_a_code_fault_answers_the_documented_envelope_and_holds_the_public_contract(app: Flask) -> None:
    rule = call(app, "/_mock/faults", "POST", {"kind": "code", "code": "TS-1060", "retry_after": 2})
    assert (rule["status"], rule["remaining"]) == (403, 1)
    client = app.test_client()
    limited = client.post("/balance/", json={"api_key": KEY})  # a rule without operation meets any
    assert (limited.status_code, limited.headers["Retry-After"]) == (403, "2")
    assert limited.get_json() == {
        "result": False,
        "result_code": "TS-1060",
        "result_message": RESULT_CODES["TS-1060"].message,
    }
    before = main_balance(client)
    rule = call(app, "/_mock/faults", "POST", {"kind": "code", "code": "TS-1027", "operation": "/sms/send"})
    case = public["/sms/send"]["POST"].Case(body=SEND, media_type="application/json")
    # The answer is one openapi.yaml documents, at the catalogue's status; only the domain check that a
    # refusal must follow from the account's state is off: here a fault, not the state, refuses.
    response = case.call_and_validate(app=app, excluded_checks=[positive_rejections_are_state])
    assert (response.status_code, response.json()["result_code"]) == (
        RESULT_CODES["TS-1027"].http_status,
        "TS-1027",
    )
    assert sends(client) == 0 and main_balance(client) == before
    assert [f["remaining"] for f in call(app, "/_mock/faults", "GET")["faults"]] == [0, 0]


@pytest.mark.parametrize(
    ("fault", "status", "media_type"),
    [
        ({"kind": "status", "status": 500}, 500, "text/plain"),
        ({"kind": "gateway", "status": 503, "retry_after": 30}, 503, "text/html"),
        ({"kind": "delay", "seconds": 0}, 200, "application/json"),
    ],
)
def test_answering_faults(app: Flask, fault: dict[str, Any], status: int, media_type: str) -> None:
    call(app, "/_mock/faults", "POST", {**fault, "operation": "/sms/send", "api_key": KEY})
    client = app.test_client()
    answer = client.post("/sms/send", json=SEND)
    assert (answer.status_code, answer.mimetype) == (status, media_type)
    assert answer.headers.get("Retry-After") == (
        str(fault["retry_after"]) if "retry_after" in fault else None
    )
    assert sends(client) == (1 if status == 200 else 0)


@pytest.mark.parametrize(
    ("fault", "committed"),
    [
        ({"kind": "drop"}, 1),
        ({"kind": "drop", "commit": False}, 0),
        ({"kind": "hang", "seconds": 0}, 1),
        ({"kind": "hang", "seconds": 0, "commit": False}, 0),
        ({"kind": "gateway", "status": 504, "commit": True}, 1),
    ],
)
def test_unanswered_faults_commit_as_told(app: Flask, fault: dict[str, Any], committed: int) -> None:
    call(app, "/_mock/faults", "POST", {**fault, "recipient": "905321234567"})
    client = app.test_client()
    if fault["kind"] in ("drop", "hang"):
        with pytest.raises(BrokenPipeError):  # in-process, the WSGI server's cue to close the connection
            client.post("/sms/send", json=SEND)
    else:
        assert client.post("/sms/send", json=SEND).status_code == 504
    assert sends(client) == committed
    assert client.post("/sms/send", json=SEND).status_code == 200  # the rule was for one request


def test_fault_rules_are_listed_removed_and_cleared(app: Flask) -> None:
    first = call(app, "/_mock/faults", "POST", {"kind": "drop", "count": 3})
    call(app, "/_mock/faults", "POST", {"kind": "delay", "seconds": 1})
    assert [f["kind"] for f in call(app, "/_mock/faults", "GET")["faults"]] == ["delay", "drop"]
    assert call(app, "/_mock/faults/{fault_id}", "DELETE", fault_id=str(first["id"])) == {"cleared": 1}
    assert call(app, "/_mock/faults/{fault_id}", "DELETE", fault_id=str(first["id"]))["error"] == "not_found"
    assert call(app, "/_mock/faults", "DELETE") == {"cleared": 1}
    call(app, "/_mock/faults", "POST", {"kind": "drop"})
    assert app.test_client().post("/_mock/reset", json={}).status_code == 200
    assert call(app, "/_mock/faults", "GET") == {"faults": []}


@pytest.mark.parametrize(
    "refused",
    [
        {"kind": "code"},
        {"kind": "code", "code": "TS-1024"},  # a success is not a fault
        {"kind": "code", "code": "TS-1081", "operation": "/sms/send"},  # not documented there
        {"kind": "code", "code": "TS-1060", "commit": True},
        {"kind": "status"},
        {"kind": "gateway", "status": 500},
        {"kind": "delay"},
        {"kind": "delay", "seconds": 21},
        {"kind": "drop", "seconds": 1},
        {"kind": "hang", "seconds": 1, "count": 0},
        {"kind": "drop", "operation": "/nowhere"},
        {"kind": "drop", "retryafter": 1},
    ],
)
def test_inconsistent_fault_rules_are_refused(app: Flask, refused: dict[str, Any]) -> None:
    assert call(app, "/_mock/faults", "POST", refused)["error"] == "invalid_request"


Edit = Callable[[Flask], Any]


def _public(app: Flask, path: str, key: str = KEY) -> str:
    client = app.test_client()
    body = valid_body(
        path, lambda target, **fields: client.post(target, json={"api_key": key, **fields}).get_json()
    )
    code: str = client.post(path, json={"api_key": key, **body}).get_json()["result_code"]
    return code


@pytest.mark.parametrize(
    ("edit", "path", "key", "code"),
    [
        (lambda app: call(app, "/_mock/accounts/{account}", "PATCH", {"status": "suspended"}, account="contract"),
         "/sms/send", KEY, "TS-1030"),
        (lambda app: call(app, "/_mock/accounts/{account}", "PATCH", {"international": False}, account="contract"),
         "international", KEY, "TS-1032"),
        (lambda app: call(app, "/_mock/accounts/{account}", "PATCH", {"rate_limit_per_minute": 1}, account="contract"),
         "twice", KEY, "TS-1060"),
        (lambda app: call(app, "/_mock/accounts/{account}/balance", "POST", {"set": {"main": 0}}, account="contract"),
         "/sms/send", KEY, "TS-1027"),
        (lambda app: call(app, "/_mock/accounts/{account}/balance", "POST", {"add": {"main": 3}}, account="poor"),
         "/sms/send", "key-poor", "TS-1024"),
        (lambda app: call(app, "/_mock/accounts/{account}/keys", "POST", {"key": "new-key", "permissions": ["post_request", "check_balance"]}, account="contract"),
         "/balance/", "new-key", "TS-1040"),
        (lambda app: call(app, "/_mock/accounts/{account}/keys", "PATCH", {"key": KEY, "status": "inactive"}, account="contract"),
         "/balance/", KEY, "TS-1031"),
        (lambda app: call(app, "/_mock/accounts/{account}/keys", "PATCH", {"key": KEY, "permissions": ["post_request"]}, account="contract"),
         "/balance/", KEY, "TS-1065"),
        (lambda app: call(app, "/_mock/accounts/{account}/sender-ids", "POST", {"title": "Fresh", "status": "inactive"}, account="contract"),
         "fresh", KEY, "TS-1028"),
        (lambda app: call(app, "/_mock/accounts/{account}/sender-ids", "PATCH", {"title": "MyCompany", "status": "inactive"}, account="contract"),
         "/sms/send", KEY, "TS-1028"),
    ],
)  # fmt: skip
def test_each_account_edit_holds_its_contract_and_takes_effect(
    app: Flask, edit: Edit, path: str, key: str, code: str
) -> None:
    edit(app)
    client = app.test_client()
    if path == "international":
        answer = client.post("/sms/send", json={**SEND, "sentto": "447911123456"}).get_json()["result_code"]
    elif path == "twice":
        client.post("/balance/", json={"api_key": KEY})
        answer = client.post("/balance/", json={"api_key": KEY}).get_json()["result_code"]
    elif path == "fresh":
        answer = client.post("/sms/send", json={**SEND, "title": "Fresh"}).get_json()["result_code"]
    else:
        answer = client.post(path, json={**SEND, "api_key": key} if path == "/sms/send" else {"api_key": key})
        answer = answer.get_json()["result_code"]
    assert answer == code


def test_account_edits_are_refused_as_documented(app: Flask) -> None:
    assert (
        call(app, "/_mock/accounts/{account}", "PATCH", {"status": "active"}, account="nobody")["error"]
        == "not_found"
    )
    assert (
        call(app, "/_mock/accounts/{account}/keys", "POST", {"key": KEY}, account="other")["error"]
        == "conflict"
    )
    assert (
        call(app, "/_mock/accounts/{account}/sender-ids", "POST", {"title": "MyCompany"}, account="contract")[
            "error"
        ]
        == "conflict"
    )
    assert (
        call(
            app,
            "/_mock/accounts/{account}/keys",
            "PATCH",
            {"key": "key-other", "status": "inactive"},
            account="contract",
        )["error"]
        == "not_found"
    )
    too_much = {"add": {"main": 10**15}}
    assert (
        call(app, "/_mock/accounts/{account}/balance", "POST", too_much, account="contract")["error"]
        == "invalid_request"
    )
    names = [account["name"] for account in call(app, "/_mock/accounts", "GET")["accounts"]]
    assert names[:2] == ["contract", "other"]


def test_a_body_that_is_not_one_json_object_is_refused(app: Flask) -> None:
    client = app.test_client()
    for raw in (b"", b"{nope", b'{"kind": "drop", "kind": "hang"}', b"[]"):
        answer = client.post("/_mock/faults", data=raw, content_type="application/json")
        assert (answer.status_code, answer.get_json()["error"]) == (400, "invalid_request"), raw
