"""The SDK against the mock's faults over a real socket: what it retries, what it never sends twice, what it raises."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import turkeysms
from turkeysms import AsyncTurkeySMS, TurkeySMS
from turkeysms_mock.pytest_plugin import MockServer

NUMBER = "905321234567"


@pytest.fixture
def sdk(turkeysms_mock: MockServer, sleeps: list[float]) -> Iterator[TurkeySMS]:
    """A client of the fixture's mock whose retry waits are recorded, not slept."""
    with TurkeySMS(turkeysms_mock.api_key, base_url=turkeysms_mock.base_url, timeout=5) as client:
        yield client


def sent(mock: MockServer) -> int:
    return len(mock.messages(to=NUMBER))


def test_rate_limit_is_retried_after_the_retry_after_it_names(
    sdk: TurkeySMS, turkeysms_mock: MockServer, sleeps: list[float]
) -> None:
    turkeysms_mock.fault("code", code="TS-1060", retry_after=3, operation="/sms/send", count=2)
    assert sdk.send_sms("MyCompany", NUMBER, "Hi").sms_id
    assert sleeps == [3, 3]  # the header's value, not the jittered backoff
    assert sent(turkeysms_mock) == 1
    assert turkeysms_mock.faults()[0]["remaining"] == 0


def test_a_rate_limit_that_lasts_surfaces_as_rate_limit_error(
    sdk: TurkeySMS, turkeysms_mock: MockServer, sleeps: list[float]
) -> None:
    turkeysms_mock.fault("code", code="TS-1060", operation="/balance/", count=10)
    with pytest.raises(turkeysms.RateLimitError) as raised:
        sdk.get_balance()
    assert (raised.value.code, raised.value.status_code) == ("TS-1060", 403)
    assert len(sleeps) == sdk.max_retries
    assert turkeysms_mock.faults()[0]["remaining"] == 10 - 1 - sdk.max_retries


def test_a_documented_code_raises_its_typed_error_and_bills_nothing(
    sdk: TurkeySMS, turkeysms_mock: MockServer, sleeps: list[float]
) -> None:
    before = sdk.get_balance().balance.main
    turkeysms_mock.fault("code", code="TS-1027", operation="/sms/send")
    with pytest.raises(turkeysms.InsufficientBalanceError):
        sdk.send_sms("MyCompany", NUMBER, "Hi")
    assert sleeps == [] and sent(turkeysms_mock) == 0
    assert sdk.get_balance().balance.main == before


def test_a_503_is_retried_and_the_send_goes_out_once(
    sdk: TurkeySMS, turkeysms_mock: MockServer, sleeps: list[float]
) -> None:
    turkeysms_mock.fault("status", status=503, operation="/sms/send")
    assert sdk.send_sms("MyCompany", NUMBER, "Hi").sms_id
    assert len(sleeps) == 1 and sent(turkeysms_mock) == 1


def test_a_gateway_page_is_a_status_error(sdk: TurkeySMS, turkeysms_mock: MockServer) -> None:
    turkeysms_mock.fault("gateway", status=502, count=1 + sdk.max_retries)
    with pytest.raises(turkeysms.APIStatusError) as raised:
        sdk.get_balance()
    assert (raised.value.status_code, raised.value.code) == (502, None)


def test_a_committed_504_is_never_sent_again(
    sdk: TurkeySMS, turkeysms_mock: MockServer, sleeps: list[float]
) -> None:
    turkeysms_mock.fault("gateway", status=504, commit=True, operation="/sms/send")
    with pytest.raises(turkeysms.APIStatusError):
        sdk.send_sms("MyCompany", NUMBER, "Hi")
    assert sleeps == [] and sent(turkeysms_mock) == 1


def test_a_send_answered_by_a_dropped_connection_is_not_sent_twice(
    sdk: TurkeySMS, turkeysms_mock: MockServer, sleeps: list[float]
) -> None:
    turkeysms_mock.fault("drop", operation="/sms/send", recipient=NUMBER)
    with pytest.raises(turkeysms.APIConnectionError, match="not retried"):
        sdk.send_sms("MyCompany", NUMBER, "Hi")
    assert sleeps == [] and sent(turkeysms_mock) == 1  # committed, billed, and sent only once
    assert sdk.send_sms("MyCompany", NUMBER, "again").sms_id  # the rule is used up


def test_a_read_answered_by_a_dropped_connection_is_retried(
    sdk: TurkeySMS, turkeysms_mock: MockServer, sleeps: list[float]
) -> None:
    turkeysms_mock.fault("drop", operation="/balance/")
    assert sdk.get_balance().balance.main == 1500
    assert len(sleeps) == 1


def test_a_hung_send_times_out_and_is_not_sent_again(turkeysms_mock: MockServer, sleeps: list[float]) -> None:
    turkeysms_mock.fault("hang", seconds=20, operation="/sms/send")
    with (
        TurkeySMS(turkeysms_mock.api_key, base_url=turkeysms_mock.base_url, timeout=0.5) as sdk,
        pytest.raises(turkeysms.APITimeoutError),
    ):
        sdk.send_sms("MyCompany", NUMBER, "Hi")
    assert sleeps == [] and sent(turkeysms_mock) == 1


def test_a_slow_answer_within_the_timeout_is_just_slow(sdk: TurkeySMS, turkeysms_mock: MockServer) -> None:
    turkeysms_mock.fault("delay", seconds=0.2, operation="/sms/send")
    assert sdk.send_sms("MyCompany", NUMBER, "Hi").sms_id
    assert sent(turkeysms_mock) == 1


def test_the_async_client_does_not_resend_a_dropped_send(
    turkeysms_mock: MockServer, sleeps: list[float]
) -> None:
    turkeysms_mock.fault("drop", operation="/otp/send")

    async def run() -> None:
        async with AsyncTurkeySMS(turkeysms_mock.api_key, base_url=turkeysms_mock.base_url) as sdk:
            with pytest.raises(turkeysms.APIConnectionError):
                await sdk.send_otp(NUMBER)

    asyncio.run(run())
    assert sleeps == [] and sent(turkeysms_mock) == 1


def test_live_account_edits_reach_the_sdk(sdk: TurkeySMS, turkeysms_mock: MockServer) -> None:
    turkeysms_mock.set_balance(main=0)
    with pytest.raises(turkeysms.InsufficientBalanceError):
        sdk.send_sms("MyCompany", NUMBER, "Hi")
    assert turkeysms_mock.top_up(main=5) == {"main": 5, "international": 250}
    assert sdk.send_sms("MyCompany", NUMBER, "Hi").number_of_sms == 1
    turkeysms_mock.edit_sender_id("MyCompany", "inactive")
    with pytest.raises(turkeysms.SenderIdError):
        sdk.send_sms("MyCompany", NUMBER, "Hi")
    turkeysms_mock.add_sender_id("Campaign")
    assert sdk.send_sms("Campaign", NUMBER, "Hi").sms_id
    turkeysms_mock.suspend()
    with pytest.raises(turkeysms.AccountError):
        sdk.get_balance()
    turkeysms_mock.reactivate()
    turkeysms_mock.edit_account(international=False)
    with pytest.raises(turkeysms.PermissionDeniedError):
        sdk.send_sms("Campaign", "447911123456", "Hi")
    turkeysms_mock.edit_key(permissions=["post_request", "send_single_sms"])
    with pytest.raises(turkeysms.PermissionDeniedError):
        sdk.get_balance()
    turkeysms_mock.edit_key(status="inactive")
    with pytest.raises(turkeysms.AuthenticationError):
        sdk.get_balance()


def test_a_key_added_live_works_at_once_and_a_rate_limit_applies(
    turkeysms_mock: MockServer, sleeps: list[float]
) -> None:
    turkeysms_mock.add_key("second-key", permissions=["post_request", "check_balance"])
    turkeysms_mock.edit_account(rate_limit_per_minute=1)
    with TurkeySMS("second-key", base_url=turkeysms_mock.base_url) as sdk:
        assert sdk.get_balance().balance.main == 1500
        with pytest.raises(turkeysms.RateLimitError):
            sdk.get_balance()
    assert len(sleeps) == 2  # retried, as TS-1060 should be, before it surfaced


def test_the_readme_resilience_example_runs(turkeysms_mock: MockServer, sleeps: list[float]) -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    block = readme.split("A resilience test in ten lines:\n\n```python\n", 1)[1].split("```", 1)[0]
    assert len(block.strip().splitlines()) == 10
    namespace: dict[str, Any] = {"TurkeySMS": TurkeySMS, "turkeysms": turkeysms, "pytest": pytest}
    exec(block, namespace)  # the README's own code, run as written
    namespace["test_survives_a_bad_day"](turkeysms_mock)
    assert sleeps == [1]
