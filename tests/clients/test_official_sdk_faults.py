"""The provider's own Python SDK (turkeysms-python 4.0.0) against the mock's faults: what its users meet on a bad day."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.clients.support import KEY, Mock, run_official
from tests.serving import post

pytestmark = pytest.mark.slow

TO = "905321230041"


def fault(mock: Mock, **rule: Any) -> None:
    status, answer = post(mock.base, "/_mock/faults", rule)
    assert status == 201, answer


def run(official_sdk: Path, mock: Mock, *calls: tuple[str, list[Any]]) -> list[dict[str, Any]]:
    return run_official(official_sdk, mock.base + "/", KEY, list(calls)).results


def local_error(answer: dict[str, Any], *fragments: str) -> bool:
    """The official SDK's answer to any transport error or 4xx/5xx: its own LOCAL-ERR dict."""
    message = answer.get("result_message", "")
    return (answer["result_code"], answer["result"]) == ("LOCAL-ERR", False) and all(
        f in message for f in fragments
    )


def test_the_official_sdk_never_resends_a_dropped_send_nor_one_it_gave_up_on(
    official_sdk: Path, mock: Mock
) -> None:
    fault(mock, kind="drop", operation="/sms/send", recipient=TO)
    fault(mock, kind="hang", seconds=1, operation="/sms/send", recipient=TO)
    dropped, hung, sent = run(
        official_sdk, mock, ("send_sms", ["MyCompany", TO, "one"]), ("send_sms", ["MyCompany", TO, "two"]),
        ("send_sms", ["MyCompany", TO, "three"]),
    )  # fmt: skip
    assert local_error(dropped, "aborted") and local_error(hung, "aborted")
    assert (sent["result"], sent["result_code"]) == (True, "TS-1024")
    # Each was carried out once: it does not retry, so its caller cannot tell sent from lost.
    assert sorted(m["text"] for m in mock.messages(TO)) == ["one", "three", "two"]


def test_the_official_sdk_loses_the_code_of_a_refusal_and_the_status_of_a_gateway(
    official_sdk: Path, mock: Mock
) -> None:
    fault(mock, kind="code", code="TS-1060", retry_after=1, operation="/balance/")
    fault(mock, kind="gateway", status=502, operation="/balance/")
    fault(mock, kind="status", status=503, operation="/otp/send")
    limited, gateway, unavailable, balance = run(
        official_sdk, mock, ("get_balance", []), ("get_balance", []), ("send_otp", [TO]), ("get_balance", [])
    )
    assert local_error(limited, "403 Client Error")  # TS-1060 and its Retry-After are gone
    assert local_error(gateway, "502 Server Error") and local_error(unavailable, "503 Server Error")
    assert (balance["result"], balance["result_code"]) == (True, "TS-1040")
    assert mock.messages(TO) == []


def test_the_official_sdk_sees_live_edits_and_waits_out_a_slow_answer(official_sdk: Path, mock: Mock) -> None:
    status, state = post(mock.base, "/_mock/accounts/clients/balance", {"set": {"main": 0}})
    assert (status, state["balance"]["main"]) == (200, 0)
    fault(mock, kind="delay", seconds=0.3, operation="/balance/")
    poor, balance = run(official_sdk, mock, ("send_sms", ["MyCompany", TO, "Hi"]), ("get_balance", []))
    assert local_error(poor, "403 Client Error")  # TS-1027 is lost as well
    assert balance["balance"]["main"] == 0
