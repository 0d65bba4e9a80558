"""Delivery follows the mock clock: status and reports move from pending to delivered."""

from __future__ import annotations

from flask import Flask

from tests.mock_server.conftest import Api, backend, send


def test_status_and_reports_follow_the_clock(api: Api, app: Flask) -> None:
    sms_id = api.ok("/group/send", title="MyCompany", text="Hi", sentto=["905321234567", "905321234568"])[
        "sms_id"
    ]
    pending = api.ok("/sms/status", sms_id=sms_id)
    assert (pending["status"], pending["result"], pending["result_code"]) == ("success", True, "TS-1023")
    assert api.ok("/reports/basic", raporid=sms_id)["pending_count"] == 2
    backend(app).clock.advance(1.9)
    assert api.ok("/sms/status", sms_id=sms_id)["result_code"] == "TS-1023"
    backend(app).clock.advance(0.2)
    delivered = api.ok("/sms/status", sms_id=sms_id)
    assert (delivered["result"], delivered["result_code"], delivered["sms_status"]) == (
        True,
        "TS-1064",
        "Number received the message",
    )
    assert delivered["sms_balance"] == "2 SMS"
    summary = api.ok("/reports/basic", raporid=sms_id)
    assert summary == {
        "result": True,
        "rapor_id": sms_id,
        "total_numbers": 2,
        "success_count": 2,
        "failed_count": 0,
        "pending_count": 0,
    }
    lines = api.ok("/reports/detailed", raporid=sms_id)["data"]
    assert {line["sms_status"] for line in lines} == {"Number received the message"}


def test_detailed_report_pages_500_records(api: Api) -> None:
    numbers = [f"9053{i:08d}" for i in range(1000)]
    sms_id = api.ok("/group/send", title="MyCompany", text="Hi", sentto=numbers, sms_lang=0)["sms_id"]
    first = api.ok("/reports/detailed", raporid=sms_id)
    assert first["pagination"] == {"current_page": 1, "total_pages": 2, "total_records": 1000}
    assert len(first["data"]) == 500
    second = api.ok("/reports/detailed", raporid=sms_id, page=2)
    assert [line["phone_number"] for line in second["data"]] == numbers[500:1000]
    past = api.ok("/reports/detailed", raporid=sms_id, page=3)
    assert (past["data"], past["pagination"]["total_pages"]) == ([], 2)


def test_accounts_never_see_each_others_messages_or_groups(api: Api) -> None:
    sms_id = send(api)["sms_id"]
    group = api.ok("/groups/create", group_name="Private")["group"]["id"]
    for path, body in (
        ("/sms/status", {"sms_id": sms_id}),
        ("/reports/basic", {"raporid": sms_id}),
        ("/reports/detailed", {"raporid": sms_id}),
    ):
        assert api(path, key="key-other", **body).get_json()["result_code"] == "TS-1052"
    for path, body in (
        ("/groups/edit", {"new_name": "Mine"}),
        ("/groups/delete", {}),
        ("/contacts/add", {"gsm_number": "905051234567"}),
    ):
        assert api(path, key="key-other", group_id=group, **body).get_json()["result_code"] == "TS-1086"
    assert api.ok("/groups/list", key="key-other")["groups"] == []
