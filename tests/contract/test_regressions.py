"""Regression tests for the mock-server bugs the contract suite found, one per fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.contract.contract import KEY, contract_app

pytestmark = pytest.mark.contract


@pytest.mark.parametrize(
    ("path", "body", "code"),
    [
        ("/auth/check", {"response_type": None}, "TS-1033"),
        ("/balance/", {"response_type": None}, "TS-1033"),
        ("/groups/list", {"search": None}, "TS-1033"),
        (
            "/sms/send",
            {"title": "MyCompany", "text": "Hi", "sentto": "905321234567", "scheduled_time": None},
            "TS-1033",
        ),
        ("/sms/send", {"title": "MyCompany", "text": "Hi", "sentto": None}, "TS-1025"),
    ],
)
def test_a_present_null_is_a_wrong_type_not_an_absent_field(
    tmp_path: Path, path: str, body: dict[str, object], code: str
) -> None:
    """Found by schemathesis (ST201): `"response_type": null` was accepted as if absent, though no
    field of the contract is nullable (D7: a wrong type answers 400 with the field's code)."""
    client = contract_app(tmp_path).test_client()
    response = client.post(path, json={"api_key": KEY, **body})
    assert (response.status_code, response.get_json()["result_code"]) == (400, code)


def test_control_messages_refuse_an_empty_to(tmp_path: Path) -> None:
    """Found by schemathesis on control-api.yaml (ST201): `?to=` was read as no filter and answered 200."""
    client = contract_app(tmp_path).test_client()
    response = client.get("/_mock/messages", query_string={"to": ""})
    assert (response.status_code, response.get_json()["error"]) == (400, "invalid_request")


@pytest.mark.parametrize("status", [{}, [], ["failed"]])
def test_control_force_status_refuses_an_unhashable_status(tmp_path: Path, status: object) -> None:
    """Found by schemathesis on control-api.yaml (ST101): `{"status": {}}` raised TypeError, a 500."""
    client = contract_app(tmp_path).test_client()
    response = client.post("/_mock/messages/1/status", json={"status": status})
    assert (response.status_code, response.get_json()["error"]) == (400, "invalid_request")
