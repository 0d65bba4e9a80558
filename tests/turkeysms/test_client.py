"""TurkeySMS: every method's request and typed result, settings, and the 200-with-error envelopes."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest

import turkeysms
from turkeysms import TurkeySMS
from turkeysms_api.models import ReportRecord

from .conftest import KEY, FakeAPI, error_body


def test_every_method_sends_its_operation_and_parses_its_model(client: TurkeySMS, fake: FakeAPI) -> None:
    assert client.check_auth().account_summary.balance.main == 1500
    assert client.get_balance().balance.international == 250
    assert client.list_sender_ids().sender_ids[0].title == "TurkeySMS"
    assert client.send_sms("MyCompany", "905321234567", "Hi").sms_id == 1000007721
    assert client.send_otp("905321234567", digits=4).otp_code == "4821"
    assert client.send_custom_otp("MyCompany", "905321234567", "Code: TS-CODE", digits=6).otp_code == "482133"
    assert [
        r.response.sms_id for r in client.send_bulk("MyCompany", ["905321234567"], "Hi") if r.response
    ] == [9]
    assert client.send_mixed("MyCompany", [("905321234567", "Hi A"), ("905321234568", "Hi B")]).sms_id == 10
    assert client.create_group("VIP").group.id == 5
    assert client.rename_group(5, "VVIP").new_name == "VVIP"
    assert client.delete_group(5).result_code == "TS-1088"
    assert client.list_groups(search="V").groups[0].name == "VIP"
    assert client.add_contact(5, "905321234567", name="Ada", f_01="x").group_id == 5
    assert client.get_report(9).pending_count == 1
    assert client.get_report_page(9, 2).pagination.current_page == 2
    assert client.get_status(9).result_code == "TS-1023"
    assert client.blacklist_add("905321234567").status == "success"
    assert client.blacklist_status("905321234567").is_blocked is False
    assert fake.paths() == [
        "/auth/check",
        "/balance/",
        "/senderid/check",
        "/sms/send",
        "/otp/send",
        "/otp/detailed",
        "/group/send",
        "/group/sendMixed",
        "/groups/create",
        "/groups/edit",
        "/groups/delete",
        "/groups/list",
        "/contacts/add",
        "/reports/basic",
        "/reports/detailed",
        "/sms/status",
        "/blacklist/add",
        "/blacklist/status",
    ]
    assert all(body["api_key"] == KEY for _, body in fake.requests)


def test_request_bodies_carry_the_arguments(client: TurkeySMS, fake: FakeAPI) -> None:
    client.send_sms("MyCompany", "905321234567", "Hi", sms_lang=1, content_type=2, report=False)
    client.send_mixed("MyCompany", [("905321234567", "A"), ("905321234568", "B")])
    client.add_contact(5, "905321234567", name="Ada", f_03="z")
    client.send_otp("905321234567", digits=6, lang=0)
    sms, mixed, contact, otp = (body for _, body in fake.requests)
    assert sms == {
        "api_key": KEY,
        "title": "MyCompany",
        "sentto": "905321234567",
        "text": "Hi",
        "sms_lang": 1,
        "content_type": 2,
        "report": 0,
    }
    assert mixed["sentto"] == ["905321234567", "905321234568"] and mixed["text"] == ["A", "B"]
    assert contact == {
        "api_key": KEY,
        "group_id": 5,
        "gsm_number": "905321234567",
        "name": "Ada",
        "f_03": "z",
    }
    assert otp == {"api_key": KEY, "mobile": "905321234567", "digits": 6, "lang": 0}


def test_scheduled_at_is_sent_in_istanbul_time(client: TurkeySMS, fake: FakeAPI) -> None:
    utc = dt.datetime(2026, 12, 31, 21, 30, tzinfo=dt.UTC)
    client.send_sms("MyCompany", "905321234567", "Happy new year", scheduled_at=utc)
    body = fake.requests[0][1]
    assert (body["scheduled_sms"], body["scheduled_date"], body["scheduled_time"]) == (
        1,
        "2027-01-01",
        "00:30",
    )


def test_naive_scheduled_at_is_istanbul_wall_time_rounded_up_to_the_minute(
    client: TurkeySMS, fake: FakeAPI
) -> None:
    client.send_sms("MyCompany", "905321234567", "x", scheduled_at=dt.datetime(2026, 5, 1, 9, 59, 30))
    body = fake.requests[0][1]
    assert (body["scheduled_date"], body["scheduled_time"]) == ("2026-05-01", "10:00")


def test_iter_report_records_walks_every_page_lazily(client: TurkeySMS, fake: FakeAPI) -> None:
    records = client.iter_report_records(9)
    first = next(records)
    assert isinstance(first, ReportRecord)
    assert len(fake.requests) == 1  # nothing fetched ahead of need
    rest = list(records)
    assert len(rest) + 1 == 9
    assert [body["page"] for _, body in fake.requests] == [1, 2, 3]
    assert rest[-1].phone_number == "905300030002"


def test_iter_report_records_stops_on_an_empty_page(client: TurkeySMS, fake: FakeAPI) -> None:
    fake.report_pages = 0
    assert list(client.iter_report_records(9)) == []
    assert len(fake.requests) == 1


@pytest.mark.parametrize(
    ("path", "body"),
    [
        (
            "/sms/status",
            {
                "status": "success",
                "result_code": "TS-1022",
                "result_message": "failed",
                "result": False,
                "sender_id": "MyCompany",
                "sms_status": "failed",
                "sms_balance": "1 SMS",
            },
        ),
        (
            "/blacklist/status",
            {
                "status": "success",
                "result_code": "TS-1143",
                "is_blocked": True,
                "block_date": "2026-04-03",
                "block_time": "17:50",
            },
        ),
    ],
)
def test_status_codes_with_result_false_are_answers_not_errors(
    client: TurkeySMS, fake: FakeAPI, path: str, body: dict[str, object]
) -> None:
    fake.script.append(httpx.Response(200, json=body))
    answer = client.get_status(1) if path == "/sms/status" else client.blacklist_status("905321234567")
    assert answer.result_code == body["result_code"]


def test_result_false_at_http_200_raises_the_mapped_error(client: TurkeySMS, fake: FakeAPI) -> None:
    fake.script.append(httpx.Response(200, json=error_body("TS-1027", "Insufficient balance")))
    with pytest.raises(turkeysms.InsufficientBalanceError) as caught:
        client.send_sms("MyCompany", "905321234567", "Hi")
    assert (caught.value.code, caught.value.status_code) == ("TS-1027", 200)


def test_blacklist_status_other_than_success_raises(client: TurkeySMS, fake: FakeAPI) -> None:
    fake.script.append(
        httpx.Response(200, json={"status": "error", "result_code": "TS-1144", "result_message": "bad"})
    )
    with pytest.raises(turkeysms.InvalidRequestError):
        client.blacklist_add("12")


def test_a_2xx_body_that_does_not_parse_raises_validation_error(client: TurkeySMS, fake: FakeAPI) -> None:
    fake.script.append(httpx.Response(200, json={"result": True, "result_code": "TS-1040"}))
    with pytest.raises(turkeysms.APIResponseValidationError, match="BalanceResponse"):
        client.get_balance()
    fake.script.append(httpx.Response(200, text="<html>maintenance</html>"))
    with pytest.raises(turkeysms.APIResponseValidationError):
        client.get_balance()


def test_settings_fall_back_to_environment_then_production(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TURKEYSMS_API_KEY", "env-key")
    monkeypatch.setenv("TURKEYSMS_BASE_URL", "http://127.0.0.1:9/")
    with TurkeySMS() as sdk:
        assert sdk.base_url == "http://127.0.0.1:9"
        assert sdk._key() == "env-key"
    monkeypatch.delenv("TURKEYSMS_BASE_URL")
    with TurkeySMS("arg-key") as sdk:
        assert sdk.base_url == "https://api.turkeysms.com.tr"
        assert sdk._key() == "arg-key"


def test_missing_key_is_refused_up_front(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TURKEYSMS_API_KEY", raising=False)
    with pytest.raises(ValueError, match="TURKEYSMS_API_KEY"):
        TurkeySMS()


def test_default_timeout_is_finite() -> None:
    with TurkeySMS("k") as sdk:
        assert sdk.timeout.read is not None and sdk.timeout.connect is not None
        assert sdk._http.timeout == sdk.timeout
    with TurkeySMS("k", timeout=2.5) as sdk:
        assert sdk.timeout.read == 2.5


def test_bad_enum_values_are_refused_before_sending(client: TurkeySMS, fake: FakeAPI) -> None:
    with pytest.raises(ValueError):
        client.send_sms("MyCompany", "905321234567", "Hi", sms_lang=7)
    assert fake.requests == []
