"""The fixture's fault and account helpers, and that each test starts with no rule and the seed's accounts."""

from __future__ import annotations

import pytest

from turkeysms_mock.pytest_plugin import MockServer


@pytest.mark.parametrize("round_", [1, 2])
def test_each_test_starts_clean(turkeysms_mock: MockServer, round_: int) -> None:
    # Either round leaves changes behind; the other must not see them.
    assert turkeysms_mock.faults() == []
    assert turkeysms_mock.accounts()[0]["balance"] == {"main": 1500, "international": 250}
    turkeysms_mock.fault("drop", count=round_)
    turkeysms_mock.top_up(main=round_)


def test_rules_are_listed_and_cleared(turkeysms_mock: MockServer) -> None:
    rule = turkeysms_mock.fault("code", code="TS-1060", retry_after=2, operation="/balance/", count=3)
    assert (rule["kind"], rule["status"], rule["remaining"]) == ("code", 403, 3)
    assert turkeysms_mock.post("/balance/")["result_code"] == "TS-1060"
    assert turkeysms_mock.faults()[0]["remaining"] == 2
    assert turkeysms_mock.clear_faults() == 1
    assert turkeysms_mock.post("/balance/")["result_code"] == "TS-1040"


def test_account_helpers_answer_the_state_after(turkeysms_mock: MockServer) -> None:
    assert turkeysms_mock.account == "demo"
    turkeysms_mock.set_webhook("http://127.0.0.1:9/hook", "s3cret")
    assert turkeysms_mock.accounts()[0]["webhook_url"] == "http://127.0.0.1:9/hook"
    assert turkeysms_mock.set_balance(international=0) == {"main": 1500, "international": 0}
    state = turkeysms_mock.add_key(
        "read-only", permissions=["post_request", "check_balance"], status="inactive"
    )
    assert [key["status"] for key in state["keys"]] == ["active", "inactive"]
    assert turkeysms_mock.suspend()["status"] == "suspended"
    with pytest.raises(AssertionError, match="404"):
        turkeysms_mock.suspend(account="nobody")
