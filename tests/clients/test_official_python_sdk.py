"""The provider's own Python SDK (turkeysms-python 4.0.0, from PyPI) run for real against the served mock."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.clients.support import BALANCE, KEY, Mock, run_official

pytestmark = pytest.mark.slow

SMS_TO, OTP_TO, CUSTOM_TO, BLOCKED = "905321230001", "905321230011", "905321230021", "905321230031"


def test_every_method_of_the_official_sdk_works_against_the_mock(official_sdk: Path, mock: Mock) -> None:
    run = run_official(
        official_sdk,
        mock.base + "/",  # the SDK appends "sms/send" etc. to BASE_URL
        KEY,
        [
            ("send_sms", ["MyCompany", SMS_TO, "Hello from the official SDK"]),
            ("send_otp", [OTP_TO]),
            ("send_detailed_otp", ["MyCompany", CUSTOM_TO, "Your code: TS-CODE"]),
            ("get_balance", []),
            ("add_to_blacklist", [BLOCKED]),
            ("get_sms_status", ["$0.sms_id"]),
        ],
    )
    # The subprocess imported the provider's package, and nothing of this repository was importable.
    assert run.module.startswith(str(official_sdk)), run.module
    repository = str(Path(__file__).resolve().parents[2])
    assert not [entry for entry in run.path if entry.startswith(repository)], run.path
    sent, otp, custom, balance, blocked, status = run.results

    # send_sms posts `mobile`, not `sentto`: the mock takes it as the recipient.
    assert (sent["result"], sent["result_code"], sent["sms_lang"]) == (True, "TS-1024", "English")
    [inboxed] = mock.messages(SMS_TO)
    assert (inboxed["sms_id"], inboxed["text"], inboxed["title"]) == (
        sent["sms_id"],
        "Hello from the official SDK",
        "MyCompany",
    )

    assert (otp["result"], otp["result_code"]) == (True, "TS-1024")
    readback = mock.otp(OTP_TO)
    assert (readback["code"], readback["sms_id"]) == (otp["otp_code"], otp["sms_id"])
    assert len(otp["otp_code"]) == 4  # the SDK's default digits

    # send_detailed_otp sends no `digits`: the spec's default (4) applies.
    assert (custom["result"], custom["result_code"]) == (True, "TS-1024")
    custom_readback = mock.otp(CUSTOM_TO)
    assert custom_readback["code"] == custom["otp_code"]
    assert custom_readback["text"] == f"Your code: {custom['otp_code']}"

    spent = sent["number_of_sms"] + otp["number_of_sms"] + custom["number_of_sms"]
    assert (balance["result"], balance["result_code"]) == (True, "TS-1040")
    assert balance["balance"] == {"main": BALANCE["main"] - spent, "international": BALANCE["international"]}

    assert (blocked["status"], blocked["result_code"]) == ("success", "TS-1141")
    assert mock.post("/blacklist/status", number=BLOCKED)[1]["is_blocked"] is True

    # A pending message is a successful query: result true, the delivery state in result_code.
    assert (status["status"], status["result"], status["result_code"]) == ("success", True, "TS-1023")
    assert status["sms_status"] == "Message is waiting to be delivered"


def test_the_official_sdk_reads_a_delivered_status_with_an_integer_or_a_string_id(
    official_sdk: Path, mock: Mock
) -> None:
    sms_id = mock.post("/sms/send", title="MyCompany", text="Hi", sentto=SMS_TO)[1]["sms_id"]
    mock.advance(60)
    run = run_official(
        official_sdk, mock.base + "/", KEY, [("get_sms_status", [sms_id]), ("get_sms_status", [str(sms_id)])]
    )
    for answer in run.results:
        assert (answer["status"], answer["result"], answer["result_code"]) == ("success", True, "TS-1064")
        assert answer["sms_status"] == "Number received the message"


def test_the_official_sdk_loses_the_code_of_a_refusal(official_sdk: Path, mock: Mock) -> None:
    # What our drop-in fixes (tests/turkeysms/test_compat.py): raise_for_status turns every 4xx into LOCAL-ERR.
    [refused] = run_official(official_sdk, mock.base + "/", "no-such-key", [("get_balance", [])]).results
    assert refused["result_code"] == "LOCAL-ERR"
    assert "401" in refused["result_message"]
