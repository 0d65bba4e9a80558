"""The API key never shows: not in repr, str, exception text, exception bodies or log records."""

from __future__ import annotations

import logging
import pickle

import httpx
import pytest

import turkeysms
from turkeysms import TurkeySMS
from turkeysms._config import resolve_settings
from turkeysms._requests import SendOptions, build_send_sms
from turkeysms._secret import Secret

from .conftest import KEY, FakeAPI


def test_client_repr_and_str_hide_the_key(client: TurkeySMS) -> None:
    assert KEY not in repr(client) and KEY not in str(client)
    assert KEY not in repr(vars(client))
    assert KEY not in repr(resolve_settings(KEY, None, 1.0, 0))


def test_prepared_calls_hide_the_key() -> None:
    call = build_send_sms(KEY, "T", "905321234567", "x", SendOptions.build(None, None, None, None))
    assert KEY not in repr(call)


def test_secret_refuses_to_be_pickled() -> None:
    with pytest.raises(TypeError):
        pickle.dumps(Secret(KEY))


def test_errors_and_logs_never_carry_the_key(
    client: TurkeySMS, fake: FakeAPI, caplog: pytest.LogCaptureFixture
) -> None:
    # A server that echoes the request, key included, into its error and a retryable failure before it.
    echo = {"result": False, "result_code": "TS-1031", "result_message": f"bad key {KEY}", "api_key": KEY}
    fake.script += [httpx.Response(503, json={"echo": KEY}), httpx.Response(401, json=echo)]
    caplog.set_level(logging.DEBUG)
    with pytest.raises(turkeysms.AuthenticationError) as caught:
        client.get_balance()
    error = caught.value
    for text in (str(error), repr(error), error.message, repr(error.body)):
        assert KEY not in text
    assert error.body is not None and error.body["api_key"] == "**redacted**"
    assert caplog.records, "the retry should have been logged"
    for record in caplog.records:
        assert KEY not in record.getMessage()


def test_transport_errors_never_carry_the_key(client: TurkeySMS, fake: FakeAPI) -> None:
    fake.script.append(httpx.ReadTimeout(f"timed out sending {KEY}"))
    with pytest.raises(turkeysms.APITimeoutError) as caught:
        client.send_sms("MyCompany", "905321234567", "x")
    assert KEY not in str(caught.value)
