"""Raw answers: with_raw_response for successes, http_response on every error, validation errors keep the body."""

from __future__ import annotations

import asyncio
import inspect
from typing import Any

import httpx
import pytest

import turkeysms
from turkeysms import APIResponse, TurkeySMS
from turkeysms.types import SendSmsResponse

from .conftest import ANSWERS, KEY, FakeAPI, error_body


def test_with_raw_response_gives_status_headers_body_and_parse(client: TurkeySMS, fake: FakeAPI) -> None:
    fake.script.append(httpx.Response(200, json=ANSWERS["/sms/send"], headers={"X-Request-Id": "r-1"}))
    raw = client.with_raw_response.send_sms("MyCompany", "905321234567", "Hi")
    assert isinstance(raw, APIResponse)
    assert (raw.status_code, raw.headers["x-request-id"], raw.retries_taken) == (200, "r-1", 0)
    assert raw.json()["sms_id"] == 1000007721 and b"1000007721" in raw.content
    parsed = raw.parse()
    assert isinstance(parsed, SendSmsResponse) and parsed.sms_id == 1000007721
    assert raw.parse() is parsed


def test_every_operation_has_a_raw_form(client: TurkeySMS) -> None:
    raw = client.with_raw_response
    assert raw.get_balance().parse().balance.main == 1500
    assert raw.get_status(7).parse().sms_status == "pending"
    public = {name for name in vars(type(raw)) if not name.startswith("_")}
    streaming = {"send_bulk", "iter_report_records"}
    methods = {n for n in vars(TurkeySMS) if not n.startswith("_") and callable(getattr(TurkeySMS, n))}
    assert public == methods - streaming - {"close", "with_options"}


@pytest.mark.parametrize(
    ("client_class", "raw_class"),
    [
        (TurkeySMS, turkeysms.TurkeySMSWithRawResponse),
        (turkeysms.AsyncTurkeySMS, turkeysms.AsyncTurkeySMSWithRawResponse),
    ],
)
def test_raw_signatures_are_the_clients(client_class: type, raw_class: type) -> None:
    for name in (n for n in vars(raw_class) if not n.startswith("_")):
        ours = inspect.signature(getattr(raw_class, name))
        theirs = inspect.signature(getattr(client_class, name))
        assert list(ours.parameters.values()) == list(theirs.parameters.values()), name
        assert ours.return_annotation == f"APIResponse[{theirs.return_annotation}]", name
        assert inspect.iscoroutinefunction(getattr(raw_class, name)) == inspect.iscoroutinefunction(
            getattr(client_class, name)
        )


def test_retries_taken_counts_retries(client: TurkeySMS, fake: FakeAPI) -> None:
    fake.script.append(httpx.Response(503, text="busy"))
    assert client.with_raw_response.get_balance().retries_taken == 1


def test_an_api_error_carries_its_http_response(client: TurkeySMS, fake: FakeAPI) -> None:
    fake.script.append(httpx.Response(403, json=error_body("TS-1027"), headers={"X-Request-Id": "r-2"}))
    with pytest.raises(turkeysms.InsufficientBalanceError) as raised:
        client.send_sms("MyCompany", "905321234567", "Hi")
    error = raised.value
    assert error.http_response is not None and error.http_response.headers["x-request-id"] == "r-2"
    assert error.request is not None and error.request.url.path == "/sms/send"
    assert KEY not in str(error) and KEY not in repr(error)


def test_a_connection_error_names_the_url_and_has_the_request(client: TurkeySMS, fake: FakeAPI) -> None:
    fake.script += [httpx.ConnectError("refused")] * 4
    with pytest.raises(turkeysms.APIConnectionError, match="POST http://fake/balance/") as raised:
        client.get_balance()
    assert raised.value.http_response is None and raised.value.retries_taken == 3
    assert raised.value.retryable  # nothing left: sending again is safe


def test_validation_error_keeps_status_and_body(client: TurkeySMS, fake: FakeAPI) -> None:
    fake.script.append(httpx.Response(200, json={"result": True, "balance": "lots", "api_key": KEY}))
    with pytest.raises(turkeysms.APIResponseValidationError) as raised:
        client.get_balance()
    error = raised.value
    assert error.status_code == 200 and error.body is not None and error.body["balance"] == "lots"
    assert error.body["api_key"] != KEY and error.http_response is not None and not error.retryable
    fake.script.append(httpx.Response(200, text="<html>oops</html>"))
    with pytest.raises(turkeysms.APIResponseValidationError) as raised:
        client.get_balance()
    assert raised.value.body is None and raised.value.http_response is not None
    assert raised.value.http_response.text == "<html>oops</html>"


@pytest.mark.parametrize(
    ("answer", "idempotent", "retryable"),
    [
        (httpx.Response(504, text="gateway"), False, False),  # a send may have gone out
        (httpx.Response(504, text="gateway"), True, True),
        (httpx.Response(500, text="boom"), False, True),
        (httpx.Response(403, json=error_body("TS-1060")), False, True),
        (httpx.Response(403, json=error_body("TS-1027")), False, False),
        (httpx.ReadTimeout("slow"), False, False),
        (httpx.ReadTimeout("slow"), True, True),
        (httpx.ConnectError("refused"), False, True),
    ],
)
def test_retryable_tells_the_truth(
    fake: FakeAPI, sleeps: list[float], answer: Any, idempotent: bool, retryable: bool
) -> None:
    fake.script.append(answer)
    http = httpx.Client(transport=httpx.MockTransport(fake), base_url="http://fake")
    client = TurkeySMS(KEY, http_client=http, max_retries=0)
    call = client.get_balance if idempotent else lambda: client.send_sms("MyCompany", "905321234567", "x")
    with pytest.raises(turkeysms.TurkeySMSError) as raised:
        call()
    assert raised.value.retryable is retryable


def test_async_raw_response(make_async: Any) -> None:
    async def scenario() -> APIResponse[Any]:
        async with make_async() as sdk:
            return await sdk.with_raw_response.send_otp("905321234567")

    raw = asyncio.run(scenario())
    assert raw.status_code == 200 and raw.parse().otp_code == "4821"
