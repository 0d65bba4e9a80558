"""The X-Mock-Fault header and stored rules on the public API in-process: parsing, matching, what each answers."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask.testing import FlaskClient

from tests.mock_server.conftest import Api, send
from turkeysms_mock import create_app
from turkeysms_mock.api import faulty

NUMBER = "905321234567"


@pytest.mark.parametrize(
    ("header", "status", "code"),
    [
        ("code=TS-1060", 403, "TS-1060"),
        ("CODE=TS-1027 ; retry_after=5", 403, "TS-1027"),
        ("status=599", 599, None),
        ("gateway", 502, None),
        ("gateway=504; commit=true", 504, None),
        ("delay=0", 200, "TS-1024"),
    ],
)
def test_the_header_asks_for_a_fault(api: Api, header: str, status: int, code: str | None) -> None:
    answer = api.client.post(
        "/sms/send",
        json={"api_key": api.key, "title": "MyCompany", "text": "Hi", "sentto": NUMBER},
        headers={faulty.HEADER: header},
    )
    assert answer.status_code == status
    assert (answer.get_json() or {}).get("result_code") == code


@pytest.mark.parametrize(
    ("header", "problem"),
    [
        ("explode", "the kind must be one of"),
        ("code", "needs 'code'"),
        ("code=TS-9999", "error code of the catalogue"),
        ("code=TS-1086", "does not document TS-1086"),  # /sms/send never answers it
        ("status=404", "less than the minimum of 500"),
        ("delay=soon", "'soon' is not a valid seconds"),
        ("delay=30", "greater than the maximum of 20"),
        ("drop=1", "takes no value"),
        ("drop; seconds=1", "does not apply to a drop fault"),
        ("hang=1; commit=maybe", "not a valid commit"),
        ("hang=1; commit", "is not name=value"),
        ("code=TS-1060; commit=true", "does not apply to a code fault"),
    ],
)
def test_a_malformed_header_answers_ts_1033_naming_the_problem(api: Api, header: str, problem: str) -> None:
    answer = api.client.post(
        "/sms/send",
        json={"api_key": api.key, "title": "MyCompany", "text": "Hi", "sentto": NUMBER},
        headers={faulty.HEADER: header},
    )
    body = answer.get_json()
    assert (answer.status_code, body["result_code"]) == (400, "TS-1033")
    assert body["result_message"].startswith(f"{faulty.HEADER}: ") and problem in body["result_message"]


def test_a_code_fault_answers_in_php_when_asked(api: Api) -> None:
    answer = api.client.post(
        "/balance/",
        json={"api_key": api.key, "response_type": "php"},
        headers={faulty.HEADER: "code=TS-1060"},
    )
    assert answer.mimetype == "application/vnd.php.serialized" and b"TS-1060" in answer.data


def rule(client: FlaskClient, **fields: object) -> None:
    assert client.post("/_mock/faults", json=fields).status_code == 201


def test_rules_match_operation_key_and_recipient_and_the_oldest_applies_first(
    client: FlaskClient, api: Api
) -> None:
    rule(client, kind="code", code="TS-1025", operation="/sms/send", recipient="905321230000")
    rule(client, kind="code", code="TS-1060", api_key="key-other")
    rule(client, kind="status", status=500, operation="/sms/send", count=2)
    rule(client, kind="status", status=501, operation="/sms/send")
    other = api("/balance/", key="key-other")
    assert other.get_json()["result_code"] == "TS-1060"
    to_other = api("/sms/send", title="MyCompany", text="Hi", sentto=NUMBER)
    assert to_other.status_code == 500  # not the recipient of the first rule
    bulk = api("/group/send", title="MyCompany", text="Hi", sentto=[NUMBER, "905321230000"])
    assert bulk.status_code == 200  # the first rule is for /sms/send only
    to_it = api("/sms/send", title="MyCompany", text="Hi", sentto="905321230000")
    assert to_it.get_json()["result_code"] == "TS-1025"
    statuses = [api("/sms/send", title="MyCompany", text="Hi", sentto=NUMBER).status_code for _ in range(3)]
    assert statuses == [500, 501, 200]
    remaining = {f["id"]: f["remaining"] for f in client.get("/_mock/faults").get_json()["faults"]}
    assert remaining == {1: 0, 2: 0, 3: 0, 4: 0}


def test_the_header_wins_and_uses_no_rule(client: FlaskClient, api: Api) -> None:
    rule(client, kind="status", status=500)
    answer = client.post("/balance/", json={"api_key": "key-all"}, headers={faulty.HEADER: "code=TS-1060"})
    assert answer.get_json()["result_code"] == "TS-1060"
    assert client.get("/_mock/faults").get_json()["faults"][0]["remaining"] == 1


def test_a_body_that_is_not_json_meets_no_fault(client: FlaskClient) -> None:
    rule(client, kind="status", status=500)
    assert client.post("/balance/", data=b"{nope", content_type="application/json").status_code == 400
    assert client.get("/_mock/faults").get_json()["faults"][0]["remaining"] == 1


def test_a_delay_waits_then_answers(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    waits: list[float] = []
    monkeypatch.setattr(faulty.time, "sleep", waits.append)
    answer = api.client.post(
        "/sms/send",
        json={"api_key": api.key, "title": "MyCompany", "text": "Hi", "sentto": NUMBER},
        headers={faulty.HEADER: "delay=1.5"},
    )
    assert (answer.status_code, waits) == (200, [1.5])
    assert send(api)["result_code"] == "TS-1024"


def test_fault_rules_and_account_edits_pass_the_control_guard(tmp_path: Path) -> None:
    app = create_app({"DATABASE": str(tmp_path / "guarded.sqlite3"), "CONTROL_TOKEN": "tok"})
    client = app.test_client()
    calls = [
        ("POST", "/_mock/faults", {"kind": "drop"}),
        ("GET", "/_mock/faults", None),
        ("DELETE", "/_mock/faults", None),
        ("GET", "/_mock/accounts", None),
        ("POST", "/_mock/accounts/demo/balance", {"add": {"main": 1}}),
        ("PATCH", "/_mock/accounts/demo", {"status": "suspended"}),
    ]
    for method, path, body in calls:
        assert client.open(path, method=method, json=body).status_code == 401, path
        foreign = {"X-Mock-Token": "tok", "Origin": "https://evil.example"}
        assert client.open(path, method=method, json=body, headers=foreign).status_code == 403, path
        assert client.open(path, method=method, json=body, headers={"X-Mock-Token": "tok"}).status_code < 300


def _guarded(tmp_path: Path) -> FlaskClient:
    return create_app({"DATABASE": str(tmp_path / "guarded.sqlite3"), "CONTROL_TOKEN": "tok"}).test_client()


def test_behind_a_control_token_the_header_needs_it_and_without_it_nothing_is_done(tmp_path: Path) -> None:
    client = _guarded(tmp_path)
    sent = {"api_key": "test-key", "title": "TurkeySMS", "text": "Hi", "sentto": NUMBER}
    balance = client.post("/balance/", json={"api_key": "test-key"}).get_json()["balance"]
    for token in ({}, {"X-Mock-Token": "wrong"}):
        refused = client.post("/sms/send", json=sent, headers={faulty.HEADER: "drop", **token})
        body = refused.get_json()
        assert (refused.status_code, body["result_code"]) == (400, "TS-1033")
        assert body["result_message"] == (
            "X-Mock-Fault: this mock has a control token; send it as X-Mock-Token with the fault header."
        )
    assert client.post("/balance/", json={"api_key": "test-key"}).get_json()["balance"] == balance
    listed = client.get("/_mock/messages", headers={"X-Mock-Token": "tok"}).get_json()["messages"]
    assert listed == []  # nothing was sent, nothing billed
    for token in ({"X-Mock-Token": "tok"}, {"Authorization": "Bearer tok"}):
        answer = client.post(
            "/balance/", json={"api_key": "test-key"}, headers={faulty.HEADER: "status=503", **token}
        )
        assert answer.status_code == 503


def test_without_a_control_token_the_header_needs_nothing_more(api: Api) -> None:
    answer = api.client.post("/balance/", json={"api_key": api.key}, headers={faulty.HEADER: "status=503"})
    assert answer.status_code == 503
