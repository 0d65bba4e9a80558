"""Retries under injected faults: what is retried, how long it waits, and what never is."""

from __future__ import annotations

import httpx
import pytest

import turkeysms
from turkeysms import TurkeySMS
from turkeysms._retry import RetryPolicy, parse_retry_after

from .conftest import ANSWERS, FakeAPI, error_body

OK_BALANCE = httpx.Response(200, json=ANSWERS["/balance/"])
OK_SEND = httpx.Response(200, json=ANSWERS["/sms/send"])


def connect_error() -> httpx.ConnectError:
    return httpx.ConnectError("connection refused")


def test_connection_failures_before_sending_are_retried_even_for_a_send(
    client: TurkeySMS, fake: FakeAPI, sleeps: list[float]
) -> None:
    fake.script += [connect_error(), httpx.ConnectTimeout("slow"), OK_SEND]
    assert client.send_sms("MyCompany", "905321234567", "Hi").sms_id == 1000007721
    assert len(fake.requests) == 3 and len(sleeps) == 2


def test_read_timeout_on_a_send_is_never_retried(
    client: TurkeySMS, fake: FakeAPI, sleeps: list[float]
) -> None:
    fake.script += [httpx.ReadTimeout("no answer"), OK_SEND]
    with pytest.raises(turkeysms.APITimeoutError, match="not retried"):
        client.send_sms("MyCompany", "905321234567", "Hi")
    assert len(fake.requests) == 1 and sleeps == []


@pytest.mark.parametrize(
    "fault", [httpx.ReadTimeout("t"), httpx.RemoteProtocolError("closed"), httpx.ReadError("reset")]
)
def test_bulk_chunk_is_not_resent_after_the_request_may_have_left(
    client: TurkeySMS, fake: FakeAPI, fault: Exception
) -> None:
    fake.script.append(fault)
    with pytest.raises(turkeysms.BulkAbortedError) as raised:
        list(client.send_bulk("MyCompany", ["905321234567", "905321234568"], "Hi"))
    assert len(fake.requests) == 1
    assert isinstance(raised.value.error, turkeysms.APIConnectionError)
    assert raised.value.chunks_in_doubt == (0,) and not raised.value.error.retryable


def test_read_timeout_on_a_read_is_retried(client: TurkeySMS, fake: FakeAPI, sleeps: list[float]) -> None:
    fake.script += [httpx.ReadTimeout("no answer"), OK_BALANCE]
    assert client.get_balance().balance.main == 1500
    assert len(fake.requests) == 2


def test_5xx_and_rate_limit_are_retried_with_growing_jittered_delays(
    client: TurkeySMS, fake: FakeAPI, sleeps: list[float]
) -> None:
    fake.script += [
        httpx.Response(503, text="busy"),
        httpx.Response(403, json=error_body("TS-1060")),
        httpx.Response(500, json={"oops": 1}),
        OK_SEND,
    ]
    assert client.send_sms("MyCompany", "905321234567", "Hi").sms_id == 1000007721
    assert len(sleeps) == 3
    for attempt, delay in enumerate(sleeps):
        ceiling = 0.5 * 2**attempt
        assert 0.75 * ceiling <= delay <= ceiling


def test_gateway_timeout_on_a_send_is_not_retried(client: TurkeySMS, fake: FakeAPI) -> None:
    fake.script += [httpx.Response(504, text="gateway timeout"), OK_SEND]
    with pytest.raises(turkeysms.APIStatusError):
        client.send_sms("MyCompany", "905321234567", "Hi")
    assert len(fake.requests) == 1


def test_retry_after_is_honoured(client: TurkeySMS, fake: FakeAPI, sleeps: list[float]) -> None:
    fake.script += [httpx.Response(403, json=error_body("TS-1060"), headers={"Retry-After": "7"}), OK_BALANCE]
    client.get_balance()
    assert sleeps == [7.0]


def test_retries_give_up_after_max_retries_with_the_last_error(
    client: TurkeySMS, fake: FakeAPI, sleeps: list[float]
) -> None:
    fake.script += [httpx.Response(403, json=error_body("TS-1060"))] * 4
    with pytest.raises(turkeysms.RateLimitError) as caught:
        client.get_balance()
    assert caught.value.retryable
    assert len(fake.requests) == 4 and len(sleeps) == 3


def test_connection_failure_after_retries_becomes_api_connection_error(
    client: TurkeySMS, fake: FakeAPI
) -> None:
    fake.script += [connect_error() for _ in range(4)]
    with pytest.raises(turkeysms.APIConnectionError) as caught:
        client.get_balance()
    assert isinstance(caught.value.__cause__, httpx.ConnectError)


def test_client_errors_are_not_retried(client: TurkeySMS, fake: FakeAPI, sleeps: list[float]) -> None:
    fake.script.append(httpx.Response(400, json=error_body("TS-1025")))
    with pytest.raises(turkeysms.InvalidRequestError):
        client.send_sms("MyCompany", "1", "Hi")
    assert len(fake.requests) == 1 and sleeps == []


def test_max_retries_zero_sends_once(fake: FakeAPI) -> None:
    fake.script += [connect_error(), OK_BALANCE]
    http = httpx.Client(transport=httpx.MockTransport(fake), base_url="http://f")
    with TurkeySMS("k", http_client=http, max_retries=0) as sdk, pytest.raises(turkeysms.APIConnectionError):
        sdk.get_balance()
    assert len(fake.requests) == 1


def test_policy_caps_and_parses() -> None:
    policy = RetryPolicy(max_retries=10)
    assert policy.delay(20) <= 8.0
    assert policy.delay(0, retry_after=3.0) == 3.0
    assert policy.delay(0, retry_after=3600.0) <= 0.5  # an absurd Retry-After falls back to backoff
    assert parse_retry_after("2.5") == 2.5
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0
    assert parse_retry_after("soon") is None
