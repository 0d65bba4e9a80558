"""The contract suite's own checks are not vacuous: each passes on a good answer and fails on a bad one."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from flask.testing import FlaskClient
from schemathesis import Case, Response

from tests.contract import hooks
from tests.contract.contract import KEY, SCHEMATHESIS_SPEC_PATH, contract_app

schema = schemathesis.openapi.from_path(SCHEMATHESIS_SPEC_PATH)
Check = Callable[[Any, Response, Case], bool | None]


@pytest.fixture
def client(tmp_path: Path) -> FlaskClient:
    return contract_app(tmp_path, DATABASE=":memory:").test_client()


def case(path: str, **body: Any) -> Case:
    return schema[path]["POST"].Case(body={"api_key": KEY, **body}, media_type="application/json")


def answer(client: FlaskClient, built: Case, **rewrite: Any) -> Response:
    """The mock's real answer to `built`, with its status or JSON fields rewritten to break it."""
    response = Response.from_any(client.post(built.operation.path, json=built.body))
    if "status" in rewrite:
        response.status_code = rewrite.pop("status")
    if rewrite:
        payload = {**json.loads(response.content), **rewrite}
        response.content = json.dumps(payload).encode()
    return response


SEND = {"title": "MyCompany", "text": "Merhaba dünya", "sentto": "905321234567", "sms_lang": 1}


def test_answer_matches_catalogue(client: FlaskClient) -> None:
    check: Check = hooks.answer_matches_catalogue
    sent = case("/sms/send", **SEND)
    assert check(None, answer(client, sent), sent)
    with pytest.raises(AssertionError, match="not among the codes"):
        check(None, answer(client, sent, result_code="TS-1080"), sent)
    with pytest.raises(AssertionError, match="HTTP 200; the catalogue says"):
        check(None, answer(client, sent, result_code="TS-1025"), sent)
    with pytest.raises(AssertionError, match="result=False"):
        check(None, answer(client, sent, result=False), sent)
    groupless = case("/groups/delete", group_id=424242)
    with pytest.raises(AssertionError, match="TS-1086 answered with HTTP 400"):
        check(None, answer(client, groupless, status=400), groupless)
    listed = case("/groups/list")
    with pytest.raises(AssertionError, match="without a result_code"):
        check(None, answer(client, listed, result_code=None), listed)


def test_positive_rejections_are_state(client: FlaskClient) -> None:
    check: Check = hooks.positive_rejections_are_state
    unknown_group = case("/groups/delete", group_id=424242)
    assert check(None, answer(client, unknown_group), unknown_group)  # 404 TS-1086: state
    unknown_title = case("/sms/send", **{**SEND, "title": "Nobody"})
    assert check(None, answer(client, unknown_title), unknown_title)  # 403 TS-1029: state
    sent = case("/sms/send", **SEND)
    with pytest.raises(AssertionError, match="no state of the account explains"):
        check(None, answer(client, sent, status=400, result_code="TS-1034"), sent)
    with pytest.raises(AssertionError, match="no state of the account explains"):
        check(None, answer(client, sent, status=400, result_code="TS-1025"), sent)  # not blacklisted


def test_number_of_sms_is_the_estimate(client: FlaskClient) -> None:
    check: Check = hooks.number_of_sms_is_the_estimate
    long = case("/sms/send", **{**SEND, "text": "ğ" * 200})  # Turkish single shift: 2 parts
    assert check(None, answer(client, long), long)
    with pytest.raises(AssertionError, match="!= the estimate 2"):
        check(None, answer(client, long, number_of_sms=1), long)
    bulk = case("/group/send", title="MyCompany", text="Hi", sentto=["905321234567", "905321234568"])
    assert check(None, answer(client, bulk), bulk)
    with pytest.raises(AssertionError, match="!= the estimate 2"):
        check(None, answer(client, bulk, number_of_sms=1), bulk)
    with pytest.raises(AssertionError, match="number_of_recipients"):
        check(None, answer(client, bulk, number_of_recipients=1), bulk)
    otp = case("/otp/detailed", mobile="905321234567", title="MyCompany", text="Code TS-CODE", digits=6)
    assert check(None, answer(client, otp), otp)
    with pytest.raises(AssertionError, match="has not 6 digits"):
        check(None, answer(client, otp, otp_code="1234"), otp)


def test_before_call_keeps_negative_keys_negative() -> None:
    """Only a well-formed api_key is replaced: a missing or wrong-typed one stays the case's negative part."""
    for original, expected in [("whatever", KEY), (123, 123), ("", ""), ("k" * 257, "k" * 257)]:
        built = case("/balance/")
        built.body["api_key"] = original
        hooks.before_call(None, built, {})
        assert built.body["api_key"] == expected


def test_php_unserialize_reads_what_the_mock_writes(client: FlaskClient) -> None:
    raw = client.post("/balance/", json={"api_key": KEY, "response_type": "php"}).get_data()
    assert hooks.php_unserialize(raw)["balance"]["main"] > 0
    with pytest.raises(ValueError, match="trailing"):
        hooks.php_unserialize(raw + b"x")
