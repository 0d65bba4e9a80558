"""The control API end to end over a real socket: clock, magic outcomes, schedules, OTP and inbox read-back, reset, forced status."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from flask.testing import FlaskClient

from tests.mock_server.lifecycle_support import conforms
from turkeysms_mock.domain.clock import ISTANBUL
from turkeysms_mock.pytest_plugin import MockServer

NUMBER = "905321234567"


def send(mock: MockServer, to: str = NUMBER, text: str = "Hello", **extra: object) -> int:
    answer = mock.post("/sms/send", title="MyCompany", text=text, sentto=to, **extra)
    assert answer["result_code"] == "TS-1024", answer
    sms_id: int = answer["sms_id"]
    return sms_id


def status_of(mock: MockServer, sms_id: int) -> tuple[str, str]:
    answer = mock.post("/sms/status", sms_id=sms_id)
    return answer["result_code"], answer["sms_status"]


def test_clock_advances_reads_and_refuses_going_back(turkeysms_mock: MockServer) -> None:
    http = turkeysms_mock.http
    before = datetime.fromisoformat(
        conforms(http.post("/_mock/clock", json={"advance": 0}), "/_mock/clock", "post")["now"]
    )
    after = datetime.fromisoformat(
        conforms(http.post("/_mock/clock", json={"advance": 3600}), "/_mock/clock", "post")["now"]
    )
    assert timedelta(seconds=3600) <= after - before < timedelta(seconds=3610)
    assert after.utcoffset() == timedelta(hours=3)
    health = conforms(http.get("/_mock/health"), "/_mock/health")
    assert datetime.fromisoformat(health["now"]) >= after
    for bad in ({"advance": -1}, {"advance": "60"}, {"advance": True}, {}, {"advance": 1e12}):
        refused = conforms(http.post("/_mock/clock", json=bad), "/_mock/clock", "post")
        assert refused["error"] == "invalid_request"
    not_json = http.post("/_mock/clock", content=b"advance=1", headers={"Content-Type": "text/plain"})
    assert conforms(not_json, "/_mock/clock", "post")["error"] == "unsupported_media_type"
    assert (
        http.post("/_mock/clock", content=b"{nope", headers={"Content-Type": "application/json"}).status_code
        == 400
    )
    wrong_method = http.get("/_mock/clock")
    assert (wrong_method.status_code, wrong_method.json()["error"]) == (405, "method_not_allowed")
    assert http.get("/_mock/nothing").json()["error"] == "not_found"


@pytest.mark.parametrize(
    ("number", "code", "text", "status"),
    [
        ("905321230002", "TS-1022", "Number did not receive the message", "failed"),
        ("905321230003", "TS-1023", "Number out of coverage, message not received yet", "out_of_coverage"),
        ("905321239999", "TS-1064", "Number received the message", "delivered"),
    ],
)
def test_magic_numbers_decide_the_outcome(
    turkeysms_mock: MockServer, number: str, code: str, text: str, status: str
) -> None:
    sms_id = send(turkeysms_mock, number)
    assert status_of(turkeysms_mock, sms_id) == ("TS-1023", "Message is waiting to be delivered")
    assert turkeysms_mock.messages(to=number)[0]["status"] == "pending"
    turkeysms_mock.advance(2)
    assert status_of(turkeysms_mock, sms_id) == (code, text)
    summary = turkeysms_mock.post("/reports/basic", raporid=sms_id)
    assert (summary["success_count"], summary["failed_count"], summary["pending_count"]) == (
        int(status == "delivered"),
        int(status == "failed"),
        int(status == "out_of_coverage"),
    )
    assert turkeysms_mock.post("/reports/detailed", raporid=sms_id)["data"][0]["sms_status"] == text
    assert turkeysms_mock.messages(to=number)[0]["status"] == status


def test_a_bulk_send_with_one_failure_reports_each_recipient(turkeysms_mock: MockServer) -> None:
    numbers = ["905321230001", "905321230002", "905321230003"]
    sms_id = turkeysms_mock.post("/group/send", title="MyCompany", text="Hi", sentto=numbers)["sms_id"]
    turkeysms_mock.advance(60)
    # D10: not final while one recipient is out of coverage.
    assert status_of(turkeysms_mock, sms_id)[0] == "TS-1023"
    lines = turkeysms_mock.post("/reports/detailed", raporid=sms_id)["data"]
    assert [line["sms_status"] for line in lines] == [
        "Number received the message",
        "Number did not receive the message",
        "Number out of coverage, message not received yet",
    ]
    turkeysms_mock.force_status(sms_id, "delivered", recipient="905321230003")
    assert status_of(turkeysms_mock, sms_id)[0] == "TS-1022"  # failed wins once all are final


def test_a_scheduled_message_waits_for_its_istanbul_time(turkeysms_mock: MockServer) -> None:
    now = datetime.fromisoformat(turkeysms_mock.advance(0)).astimezone(ISTANBUL)
    at = (now + timedelta(hours=2)).replace(second=0, microsecond=0)
    sms_id = send(
        turkeysms_mock,
        scheduled_sms=1,
        scheduled_date=at.strftime("%Y-%m-%d"),
        scheduled_time=at.strftime("%H:%M"),
    )
    assert status_of(turkeysms_mock, sms_id) == ("TS-1023", "Message is scheduled")
    [message] = turkeysms_mock.messages(to=NUMBER)
    assert (message["status"], datetime.fromisoformat(message["scheduled_at"])) == ("scheduled", at)
    assert message["status_changed_at"] is None
    turkeysms_mock.advance((at - now).total_seconds() - 60)
    assert status_of(turkeysms_mock, sms_id)[1] == "Message is scheduled"
    turkeysms_mock.advance(61)
    assert status_of(turkeysms_mock, sms_id)[1] == "Message is waiting to be delivered"
    turkeysms_mock.advance(2)
    assert status_of(turkeysms_mock, sms_id) == ("TS-1064", "Number received the message")
    assert turkeysms_mock.messages(to=NUMBER)[0]["status"] == "delivered"


def test_otp_send_then_read_back(turkeysms_mock: MockServer) -> None:
    answer = turkeysms_mock.post("/otp/send", mobile=NUMBER, digits=6, lang=0)
    otp = conforms(turkeysms_mock.http.get("/_mock/otp", params={"mobile": NUMBER}), "/_mock/otp")
    assert otp["code"] == answer["otp_code"] == turkeysms_mock.otp(NUMBER)
    assert len(otp["code"]) == 6 and otp["code"] in otp["text"]
    assert (otp["sms_id"], otp["mobile"]) == (answer["sms_id"], NUMBER)
    second = turkeysms_mock.post("/otp/send", mobile=NUMBER, digits=4)
    assert turkeysms_mock.otp(NUMBER) == second["otp_code"]  # the latest wins
    [newest, _older] = turkeysms_mock.messages(to=NUMBER)
    assert (newest["sms_id"], newest["title"]) == (second["sms_id"], "TurkeySMS")


def test_detailed_otp_fills_the_code_and_line_breaks(turkeysms_mock: MockServer) -> None:
    answer = turkeysms_mock.post(
        "/otp/detailed",
        mobile=NUMBER,
        title="MyCompany",
        text="Your code: TS-CODETS-LDo not share it.",
        digits=5,
    )
    code = turkeysms_mock.otp(NUMBER)
    assert code == answer["otp_code"] and len(code) == 5
    [message] = turkeysms_mock.messages(to=NUMBER)
    assert message["text"] == f"Your code: {code}\nDo not share it."
    assert message["title"] == "MyCompany"
    missing = turkeysms_mock.post("/otp/detailed", mobile=NUMBER, title="MyCompany", text="no code here")
    assert missing["result_code"] == "TS-1026"
    unknown_sender = turkeysms_mock.post("/otp/detailed", mobile=NUMBER, title="Nobody", text="TS-CODE")
    assert unknown_sender["result_code"] == "TS-1029"


def test_otp_read_back_errors(turkeysms_mock: MockServer) -> None:
    http = turkeysms_mock.http
    none_yet = conforms(http.get("/_mock/otp", params={"mobile": "905550000000"}), "/_mock/otp")
    assert none_yet["error"] == "not_found"
    send(turkeysms_mock, "905550000000")  # a plain SMS carries no code
    assert http.get("/_mock/otp", params={"mobile": "905550000000"}).status_code == 404
    for params in ({}, {"mobile": "+905321234567"}, {"mobile": "abc"}):
        assert conforms(http.get("/_mock/otp", params=params), "/_mock/otp")["error"] == "invalid_request"


def test_inbox_lists_newest_first_with_every_field(turkeysms_mock: MockServer) -> None:
    first = send(turkeysms_mock, text="Merhaba dünya")
    second = send(turkeysms_mock, "905320000001", text="ş" * 200)
    listed = conforms(turkeysms_mock.http.get("/_mock/messages"), "/_mock/messages")["messages"]
    assert [(m["sms_id"], m["recipient"]) for m in listed] == [(second, "905320000001"), (first, NUMBER)]
    assert listed[0]["parts"] > 1 and listed[1]["text"] == "Merhaba dünya"
    assert {m["encoding"] for m in listed} <= {
        "GSM-7",
        "GSM-7 Turkish single shift",
        "GSM-7 Turkish locking shift",
        "UCS-2",
    }
    assert [m["sms_id"] for m in turkeysms_mock.messages(to=NUMBER)] == [first]
    assert len(turkeysms_mock.messages(limit=1)) == 1
    for params in ({"limit": 0}, {"limit": 1001}, {"limit": "x"}, {"to": "12"}):
        bad = turkeysms_mock.http.get("/_mock/messages", params=params)
        assert conforms(bad, "/_mock/messages")["error"] == "invalid_request"


def test_reset_returns_every_worker_to_the_seed(turkeysms_mock: MockServer) -> None:
    sms_id = send(turkeysms_mock)
    spent = turkeysms_mock.post("/balance/")
    assert spent["result"] is True, spent
    turkeysms_mock.set_webhook("http://127.0.0.1:9/never", "s")
    moved = datetime.fromisoformat(turkeysms_mock.advance(86400))
    done = conforms(turkeysms_mock.http.post("/_mock/reset", json={}), "/_mock/reset", "post")
    assert done == {"reset": True, "accounts": 1}
    assert turkeysms_mock.messages() == []
    assert turkeysms_mock.post("/sms/status", sms_id=sms_id)["result_code"] == "TS-1052"
    assert turkeysms_mock.post("/balance/") != spent
    assert datetime.fromisoformat(turkeysms_mock.advance(0)) < moved - timedelta(hours=23)
    assert turkeysms_mock.webhooks() == {"attempts": [], "pending": []}
    assert send(turkeysms_mock) == sms_id  # ids start over, as from the seed


def test_forced_status_for_all_or_one_recipient(turkeysms_mock: MockServer) -> None:
    numbers = ["905321230011", "905321230012"]
    sms_id = turkeysms_mock.post("/group/send", title="MyCompany", text="Hi", sentto=numbers)["sms_id"]
    http = turkeysms_mock.http
    one = conforms(
        http.post(f"/_mock/messages/{sms_id}/status", json={"status": "failed", "recipient": numbers[1]}),
        "/_mock/messages/{sms_id}/status",
        "post",
    )["messages"]
    assert [(m["recipient"], m["status"]) for m in one] == [(numbers[1], "failed")]
    assert status_of(turkeysms_mock, sms_id)[0] == "TS-1023"  # the other is still pending
    every = turkeysms_mock.force_status(sms_id, "out_of_coverage")
    assert [m["status"] for m in every] == ["out_of_coverage", "out_of_coverage"]
    turkeysms_mock.advance(3600)
    assert status_of(turkeysms_mock, sms_id)[0] == "TS-1023"  # a forced outcome is kept
    path = "/_mock/messages/{sms_id}/status"
    for url, body, status, error in (
        (f"/_mock/messages/{sms_id + 100}/status", {"status": "failed"}, 404, "not_found"),
        (
            f"/_mock/messages/{sms_id}/status",
            {"status": "failed", "recipient": "905000000000"},
            404,
            "not_found",
        ),
        (f"/_mock/messages/{sms_id}/status", {"status": "pending"}, 400, "invalid_request"),
        (f"/_mock/messages/{sms_id}/status", {}, 400, "invalid_request"),
        ("/_mock/messages/0/status", {"status": "failed"}, 400, "invalid_request"),
    ):
        refused = http.post(url, json=body)
        assert (refused.status_code, conforms(refused, path, "post")["error"]) == (status, error)


def test_set_webhook_validates_and_answers_the_account(turkeysms_mock: MockServer) -> None:
    http = turkeysms_mock.http
    body = {"api_key": turkeysms_mock.api_key, "url": "http://127.0.0.1:9000/hook", "secret": "s"}
    assert conforms(http.post("/_mock/webhook", json=body), "/_mock/webhook", "post") == {
        "account": "demo",
        "url": "http://127.0.0.1:9000/hook",
    }
    cleared = conforms(http.post("/_mock/webhook", json={**body, "url": None}), "/_mock/webhook", "post")
    assert cleared["url"] is None
    for bad, status in (
        ({**body, "api_key": "unknown"}, 404),
        ({**body, "url": "ftp://x/y"}, 400),
        ({**body, "url": "not a url"}, 400),
        ({**body, "url": "http://[::1/hook"}, 400),  # urlsplit raises on a broken IPv6 literal
        ({**body, "url": "http://[x]/hook"}, 400),
        ({"api_key": turkeysms_mock.api_key}, 400),
        ({**body, "secret": 5}, 400),
    ):
        refused = http.post("/_mock/webhook", json=bad)
        assert refused.status_code == status
        conforms(refused, "/_mock/webhook", "post")
    assert http.get("/_mock/webhooks", params={"sms_id": "x"}).status_code == 400


@pytest.mark.parametrize(
    ("lang", "words", "encoding"),
    [
        (0, "Your verification code is", "GSM-7"),
        (1, "Doğrulama kodunuz", "GSM-7 Turkish single shift"),
        (2, "رمز التحقق", "UCS-2"),
        (None, "رمز التحقق", "UCS-2"),  # lang defaults to 2 (Unicode): the Arabic text, D31
    ],
)
def test_otp_text_follows_its_language(
    turkeysms_mock: MockServer, lang: int | None, words: str, encoding: str
) -> None:
    extra = {} if lang is None else {"lang": lang}
    answer = turkeysms_mock.post("/otp/send", mobile=NUMBER, **extra)
    message = turkeysms_mock.messages(to=NUMBER)[0]
    assert message["text"].startswith(words)
    assert message["text"].endswith(answer["otp_code"])
    assert message["encoding"] == encoding


def test_an_inactive_key_owns_no_webhook(client: FlaskClient) -> None:
    # The one key lookup (the pipeline's): the webhook call no longer finds accounts by inactive keys.
    body = {"url": "http://127.0.0.1:9000/hook", "secret": "s"}
    refused = client.post("/_mock/webhook", json={"api_key": "key-inactive", **body})
    assert (refused.status_code, refused.get_json()["error"]) == (404, "not_found")
    assert client.post("/_mock/webhook", json={"api_key": "key-all", **body}).status_code == 200


def test_control_requests_are_checked_against_the_control_spec(client: FlaskClient) -> None:
    # Driven by spec/control-api.yaml through the request validator: a URL the standard library cannot
    # split was a 500 when checked by hand; a null recipient is no phone number (the schema's word).
    hook = {"api_key": "key-all", "url": "http://[::1", "secret": "s"}
    refused = client.post("/_mock/webhook", json=hook)
    assert (refused.status_code, refused.get_json()["error"]) == (400, "invalid_request")
    assert "'url'" in refused.get_json()["message"]
    listed = client.get("/_mock/messages", query_string={"limit": "1001"})
    assert (listed.status_code, listed.get_json()["error"]) == (400, "invalid_request")
    assert "'limit'" in listed.get_json()["message"]
    forced = client.post("/_mock/messages/1/status", json={"status": "failed", "recipient": None})
    assert (forced.status_code, forced.get_json()["error"]) == (400, "invalid_request")
