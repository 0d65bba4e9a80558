"""The control API (spec/control-api.yaml) held against the mock the same way: schemathesis in-process."""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from flask import Flask
from schemathesis import Case
from schemathesis.config import SchemathesisConfig

from tests.contract.contract import CONFIG_PATH, CONTROL_API_PATH, contract_app

schema = schemathesis.openapi.from_path(CONTROL_API_PATH, config=SchemathesisConfig.from_path(CONFIG_PATH))


@pytest.fixture(scope="module")
def control_app(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    """Its own mock: /_mock/reset and the clock must not disturb the public API's property tests."""
    return contract_app(tmp_path_factory.mktemp("control-mock"))


@schema.parametrize()
def test_control_operation_holds_its_contract(case: Case, control_app: Flask) -> None:
    case.call_and_validate(app=control_app)


def test_control_api_answers_the_public_state(tmp_path: Path) -> None:
    """The control API reads back what the public API did: an OTP sent is the OTP read back."""
    client = contract_app(tmp_path, DATABASE=":memory:").test_client()
    sent = client.post("/otp/send", json={"api_key": "contract-key", "mobile": "905321234567"}).get_json()
    read = client.get("/_mock/otp", query_string={"mobile": "905321234567"}).get_json()
    assert (read["code"], read["sms_id"]) == (sent["otp_code"], sent["sms_id"])
