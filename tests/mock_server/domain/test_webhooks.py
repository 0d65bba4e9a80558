"""Webhooks end to end: a real local receiver hears every status change, signed, retried on the mock clock."""

from __future__ import annotations

import json
import socket
import time

from tests.mock_server.lifecycle_support import conforms, receiving
from turkeysms.webhooks import construct_event
from turkeysms_mock.pytest_plugin import MockServer

SECRET = "whsec-test"


def _dead_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/gone"  # closed once the probe is: connection refused


def test_each_outcome_is_posted_signed_as_the_spec_describes(turkeysms_mock: MockServer) -> None:
    numbers = ["905321230001", "905321230002", "905321230003"]
    with receiving() as receiver:
        turkeysms_mock.set_webhook(receiver.url, SECRET)
        sms_id = turkeysms_mock.post("/group/send", title="MyCompany", text="Hi", sentto=numbers)["sms_id"]
        turkeysms_mock.advance(1)
        assert receiver.calls == []  # still pending: pending is no change a webhook hears
        turkeysms_mock.advance(1)
        assert len(receiver.calls) == 3 and receiver.signed_by(SECRET)
        assert not receiver.signed_by("another secret")
        events = [construct_event(call.body, call.signature, SECRET) for call in receiver.calls]
        seen = {event.data.phone_number: event for event in events}
        assert {n: (e.data.status, e.data.result_code) for n, e in seen.items()} == {
            numbers[0]: ("delivered", "TS-1064"),
            numbers[1]: ("failed", "TS-1022"),
            numbers[2]: ("out_of_coverage", "TS-1023"),
        }
        assert {event.data.sms_id for event in events} == {sms_id}
        assert {event.event for event in events} == {"sms.status"}
        raw = json.loads(receiver.calls[0].body)
        assert set(raw) == {"event", "created_at", "data"}
        assert set(raw["data"]) == {
            "sms_id",
            "phone_number",
            "status",
            "result_code",
            "sms_status",
            "updated_at",
        }
        history = conforms(
            turkeysms_mock.http.get("/_mock/webhooks", params={"sms_id": sms_id}), "/_mock/webhooks"
        )
        assert [(a["outcome"], a["attempt"], a["response_status"]) for a in history["attempts"]] == [
            ("delivered", 1, 204)
        ] * 3
        assert history["pending"] == []
        turkeysms_mock.advance(3600)
        assert len(receiver.calls) == 3  # each change is sent once


def test_failures_are_retried_with_backoff_on_the_mock_clock(turkeysms_mock: MockServer) -> None:
    with receiving(fail_first=2) as receiver:
        turkeysms_mock.set_webhook(receiver.url, SECRET)
        sms_id = turkeysms_mock.post("/sms/send", title="MyCompany", text="Hi", sentto="905321234567")[
            "sms_id"
        ]
        turkeysms_mock.advance(2)
        assert len(receiver.calls) == 1
        [waiting] = turkeysms_mock.webhooks(sms_id)["pending"]
        assert waiting["attempts"] == 1
        turkeysms_mock.advance(9)  # the first retry waits 10 s
        assert len(receiver.calls) == 1
        turkeysms_mock.advance(1)
        assert len(receiver.calls) == 2
        turkeysms_mock.advance(19)  # then 20 s
        assert len(receiver.calls) == 2
        turkeysms_mock.advance(1)
        assert len(receiver.calls) == 3
        history = turkeysms_mock.webhooks(sms_id)
        assert [(a["attempt"], a["outcome"], a["response_status"]) for a in history["attempts"]] == [
            (3, "delivered", 204),
            (2, "http_error", 500),
            (1, "http_error", 500),
        ]
        assert history["pending"] == []
        # At least once, and the same event every time: identical bytes, each signed.
        assert len({call.body for call in receiver.calls}) == 1 and receiver.signed_by(SECRET)


def test_an_unreachable_receiver_is_given_up_after_the_last_attempt(turkeysms_mock: MockServer) -> None:
    url = _dead_url()
    turkeysms_mock.set_webhook(url, SECRET)
    sms_id = turkeysms_mock.post("/sms/send", title="MyCompany", text="Hi", sentto="905321234567")["sms_id"]
    for _ in range(12):
        turkeysms_mock.advance(3600)
    history = conforms(turkeysms_mock.http.get("/_mock/webhooks"), "/_mock/webhooks")
    attempts = [a for a in history["attempts"] if a["sms_id"] == sms_id]
    assert [a["attempt"] for a in attempts] == list(range(8, 0, -1))
    assert {(a["outcome"], a["url"]) for a in attempts} == {("connection_error", url)}
    assert history["pending"] == []


def test_report_0_sends_no_webhook_but_forced_changes_do(turkeysms_mock: MockServer) -> None:
    with receiving() as receiver:
        turkeysms_mock.set_webhook(receiver.url, SECRET)
        quiet = turkeysms_mock.post(
            "/sms/send", title="MyCompany", text="Hi", sentto="905321230001", report=0
        )
        loud = turkeysms_mock.post("/sms/send", title="MyCompany", text="Hi", sentto="905321230004")
        turkeysms_mock.advance(5)
        turkeysms_mock.force_status(quiet["sms_id"], "failed")
        turkeysms_mock.force_status(loud["sms_id"], "failed")
        turkeysms_mock.advance(0)
        events = [construct_event(call.body, call.signature, SECRET).data for call in receiver.calls]
        assert [(e.sms_id, e.status) for e in events] == [
            (loud["sms_id"], "delivered"),
            (loud["sms_id"], "failed"),
        ]
        assert turkeysms_mock.webhooks(quiet["sms_id"]) == {"attempts": [], "pending": []}
        # A forced status equal to the current one is no change.
        turkeysms_mock.force_status(loud["sms_id"], "failed")
        turkeysms_mock.advance(0)
        assert len(receiver.calls) == 2


def test_a_cleared_webhook_hears_nothing(turkeysms_mock: MockServer) -> None:
    with receiving() as receiver:
        turkeysms_mock.set_webhook(receiver.url, SECRET)
        turkeysms_mock.set_webhook(None)
        turkeysms_mock.post("/sms/send", title="MyCompany", text="Hi", sentto="905321230001")
        turkeysms_mock.advance(5)
        assert receiver.calls == [] and turkeysms_mock.webhooks()["pending"] == []


def test_the_background_dispatcher_delivers_without_a_clock_move(turkeysms_mock: MockServer) -> None:
    with receiving() as receiver:
        turkeysms_mock.set_webhook(receiver.url, SECRET)
        sms_id = turkeysms_mock.post("/sms/send", title="MyCompany", text="Hi", sentto="905321230001")[
            "sms_id"
        ]
        turkeysms_mock.force_status(sms_id, "delivered")
        deadline = time.monotonic() + 5
        while not receiver.calls and time.monotonic() < deadline:
            time.sleep(0.02)
        assert len(receiver.calls) == 1


def test_a_rotated_secret_signs_the_retries_of_older_events(turkeysms_mock: MockServer) -> None:
    with receiving(fail_first=1) as receiver:
        turkeysms_mock.set_webhook(receiver.url, SECRET)
        turkeysms_mock.post("/sms/send", title="MyCompany", text="Hi", sentto="905321230001")
        turkeysms_mock.advance(2)
        assert receiver.signed_by(SECRET)  # the first attempt, answered 500 by the receiver
        turkeysms_mock.set_webhook(receiver.url, "rotated-secret")
        turkeysms_mock.advance(10)  # the retry of the event queued before the rotation
        first, retry = receiver.calls
        assert retry.body == first.body
        event = construct_event(retry.body, retry.signature, "rotated-secret")
        assert event.data.status == "delivered"
        assert retry.signature != first.signature


def test_a_moved_url_receives_the_retries_and_a_cleared_one_drops_them(turkeysms_mock: MockServer) -> None:
    with receiving(fail_first=1) as old, receiving() as new:
        turkeysms_mock.set_webhook(old.url, SECRET)
        sms_id = turkeysms_mock.post("/sms/send", title="MyCompany", text="Hi", sentto="905321230001")[
            "sms_id"
        ]
        turkeysms_mock.advance(2)
        turkeysms_mock.set_webhook(new.url, SECRET)
        turkeysms_mock.advance(10)
        assert (len(old.calls), len(new.calls)) == (1, 1) and new.signed_by(SECRET)
        assert [a["url"] for a in turkeysms_mock.webhooks(sms_id)["attempts"]] == [new.url, old.url]
    with receiving(fail_first=1) as receiver:
        turkeysms_mock.set_webhook(receiver.url, SECRET)
        sms_id = turkeysms_mock.post("/sms/send", title="MyCompany", text="Hi", sentto="905321230011")[
            "sms_id"
        ]
        turkeysms_mock.advance(2)
        turkeysms_mock.set_webhook(None)
        turkeysms_mock.advance(3600)
        assert len(receiver.calls) == 1 and turkeysms_mock.webhooks(sms_id)["pending"] == []
