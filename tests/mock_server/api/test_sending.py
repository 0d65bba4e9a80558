"""Sending over HTTP: billing by parts × recipients, whole or nothing, blacklist, answer fields."""

from __future__ import annotations

from flask import Flask

from tests.mock_server.conftest import Api, backend, send
from turkeysms.segments import estimate


def balance(api: Api) -> dict[str, int]:
    found: dict[str, int] = api.ok("/balance/")["balance"]
    return found


def test_single_send_bills_its_parts_and_reports_them(api: Api) -> None:
    text = "ş" * 200  # Turkish locking shift with sms_lang 1: 155/149 a part
    answer = send(api, text=text, sms_lang=1, content_type=1)
    parts = estimate(text, 1).parts
    assert parts > 1
    assert answer["number_of_sms"] == parts
    assert (answer["sms_lang"], answer["content_type"], answer["country"]) == (
        "Turkish",
        "High Quality",
        "Turkey-TR",
    )
    assert balance(api) == {"main": 1000 - parts, "international": 100}


def test_sms_ids_are_unique_and_increasing(api: Api) -> None:
    ids = [send(api)["sms_id"] for _ in range(5)]
    assert ids == sorted(set(ids))
    assert ids[0] >= 1_000_000_000


def test_international_number_draws_on_international_balance(api: Api) -> None:
    answer = send(api, to="4915112345678", sms_lang=0)
    assert answer["country"].endswith("-DE")
    assert balance(api) == {"main": 1000, "international": 99}


def test_bulk_bills_parts_times_recipients(api: Api) -> None:
    numbers = [f"90532123456{i}" for i in range(4)]
    answer = api.ok("/group/send", title="MyCompany", text="A" * 161, sentto=numbers, sms_lang=0)
    assert (answer["number_of_sms"], answer["number_of_recipients"]) == (8, 4)
    assert balance(api)["main"] == 992


def test_a_send_that_cannot_be_paid_whole_is_refused_whole(api: Api) -> None:
    # 13 parts each: the domestic credits suffice, the 8 × 13 = 104 international ones do not (100).
    numbers = ["905321234567", *(f"4479111234{i:02d}" for i in range(8))]
    response = api("/group/send", title="MyCompany", text="x" * 2000, sentto=numbers, sms_lang=0)
    assert response.get_json()["result_code"] == "TS-1027"
    assert balance(api) == {"main": 1000, "international": 100}
    assert api("/sms/status", sms_id=1_000_000_000).get_json()["result_code"] == "TS-1052"


def test_mixed_bills_each_text(api: Api) -> None:
    answer = api.ok(
        "/group/sendMixed",
        title="MyCompany",
        text=["short", "y" * 161],
        sentto=["905321234567", "905321234568"],
        sms_lang=0,
    )
    assert answer["number_of_sms"] == 3
    assert balance(api)["main"] == 997


def test_mixed_with_mismatched_lengths_sends_nothing(api: Api) -> None:
    response = api("/group/sendMixed", title="MyCompany", text=["a"], sentto=["905321234567", "905321234568"])
    assert (response.status_code, response.get_json()["result_code"]) == (400, "TS-1025")
    assert balance(api)["main"] == 1000


def test_blacklisted_number_never_receives_a_single_send(api: Api) -> None:
    api.ok("/blacklist/add", number="905321234567")
    response = api("/sms/send", title="MyCompany", text="Hi", sentto="905321234567")
    assert (response.status_code, response.get_json()["result_code"]) == (400, "TS-1025")
    assert "blacklisted" in response.get_json()["result_message"]
    otp = api("/otp/send", mobile="905321234567")
    assert otp.get_json()["result_code"] == "TS-1025"
    assert balance(api)["main"] == 1000


def test_bulk_and_mixed_skip_blacklisted_numbers_unbilled(api: Api) -> None:
    api.ok("/blacklist/add", number="905321234567")
    for path, text in (("/group/send", "Hi"), ("/group/sendMixed", ["Hi", "Hey"])):
        answer = api.ok(
            path, title="MyCompany", text=text, sentto=["905321234567", "905321234568"], sms_lang=0
        )
        assert answer["blacklisted"] == ["905321234567"]
        assert (answer["number_of_recipients"], answer["number_of_sms"]) == (1, 1)
        report = api.ok("/reports/detailed", raporid=answer["sms_id"])
        assert [line["phone_number"] for line in report["data"]] == ["905321234568"]
    assert balance(api)["main"] == 998


def test_blacklist_is_per_account(api: Api) -> None:
    api.ok("/blacklist/add", number="905321234567")
    assert api.ok("/blacklist/status", key="key-other", number="905321234567")["result_code"] == "TS-1142"
    assert api.ok("/sms/send", key="key-other", title="MyCompany", text="Hi", sentto="905321234567")["result"]


def test_otp_codes_have_the_requested_digits_and_land_in_the_text(api: Api) -> None:
    answer = api.ok("/otp/send", mobile="905321234567", digits=6, lang=0)
    assert len(answer["otp_code"]) == 6 and answer["otp_code"].isdigit()
    custom = api.ok("/otp/detailed", mobile="905321234567", title="MyCompany", text="Code TS-CODE", digits=5)
    assert len(custom["otp_code"]) == 5


def test_scheduled_send_waits_for_its_time(api: Api, app: Flask) -> None:
    clock = backend(app).clock
    answer = send(api, scheduled_sms=1, scheduled_date="2099-01-01", scheduled_time="09:00")
    clock.advance(3600)
    status = api.ok("/sms/status", sms_id=answer["sms_id"])
    assert (status["result_code"], status["sms_status"]) == ("TS-1023", "Message is scheduled")


def test_scheduled_in_the_past_goes_out_at_once(api: Api, app: Flask) -> None:
    answer = send(api, scheduled_sms=1, scheduled_date="2001-01-01", scheduled_time="09:00")
    backend(app).clock.advance(2)
    assert api.ok("/sms/status", sms_id=answer["sms_id"])["result_code"] == "TS-1064"


def test_scheduled_without_date_is_a_format_error(api: Api) -> None:
    response = api("/sms/send", title="MyCompany", text="Hi", sentto="905321234567", scheduled_sms=1)
    assert (response.status_code, response.get_json()["result_code"]) == (400, "TS-1033")
