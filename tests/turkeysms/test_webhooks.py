"""Webhook signatures are verified in constant time over the raw body; bodies parse into WebhookEvent."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json

import pytest

import turkeysms
from turkeysms import webhooks
from turkeysms.webhooks import InvalidWebhookError, construct_event, parse_event, verify_signature

SECRET = "whsec-123"
BODY = json.dumps(
    {
        "event": "sms.status",
        "created_at": "2026-04-03T12:00:05+03:00",
        "data": {
            "sms_id": 1000007721,
            "phone_number": "905321234567",
            "status": "delivered",
            "result_code": "TS-1064",
            "sms_status": "Number received the message",
            "updated_at": "2026-04-03T12:00:05+03:00",
            "operator": "new field",
        },
    }
).encode()
GOOD = hmac.new(SECRET.encode(), BODY, hashlib.sha256).hexdigest()


def test_a_correct_signature_verifies_in_either_case() -> None:
    assert verify_signature(BODY, GOOD, SECRET)
    assert verify_signature(BODY, GOOD.upper(), SECRET)
    assert webhooks.sign(BODY, SECRET) == GOOD


@pytest.mark.parametrize(
    ("body", "signature", "secret"),
    [
        (BODY + b" ", GOOD, SECRET),
        (BODY, GOOD, "other-secret"),
        (BODY, GOOD[:-1] + ("0" if GOOD[-1] != "0" else "1"), SECRET),
        (BODY, "", SECRET),
        (BODY, GOOD, ""),
    ],
)
def test_anything_else_fails(body: bytes, signature: str, secret: str) -> None:
    assert not verify_signature(body, signature, secret)


def test_parse_gives_a_typed_event_and_keeps_unknown_fields() -> None:
    event = parse_event(BODY)
    assert event.event == "sms.status"
    assert event.data.sms_id == 1000007721 and event.data.status == "delivered"
    assert event.data.additional_properties == {"operator": "new field"}
    assert parse_event(json.loads(BODY)).data.sms_id == 1000007721


@pytest.mark.parametrize(
    "body", [b"not json", b"[1]", b'{"event": "sms.status"}', b'{"event": "x", "data": {"status": 1}}']
)
def test_parse_refuses_what_is_not_a_delivery_report(body: bytes) -> None:
    with pytest.raises(InvalidWebhookError):
        parse_event(body)


def test_construct_event_checks_the_signature_first() -> None:
    assert construct_event(BODY, GOOD, SECRET).data.status == "delivered"
    with pytest.raises(InvalidWebhookError, match="X-TurkeySms-Signature"):
        construct_event(BODY, "0" * 64, SECRET)
    with pytest.raises(InvalidWebhookError):
        construct_event(BODY, None, SECRET)


def test_str_bodies_verify_like_their_utf8_bytes() -> None:
    text = '{"event":"sms.status","data":{"sms_id":1,"status":"delivered","sms_status":"Gönderildi"}}'
    signature = webhooks.sign(text.encode("utf-8"), SECRET)
    assert verify_signature(text, signature, SECRET)
    assert construct_event(text, signature, SECRET).data.sms_status == "Gönderildi"


def test_a_missing_signature_is_a_clean_failure() -> None:
    assert not verify_signature(BODY, None, SECRET)
    for missing in (None, ""):
        with pytest.raises(InvalidWebhookError, match="header is missing"):
            construct_event(BODY, missing, SECRET)


def test_several_secrets_verify_during_rotation() -> None:
    new = "whsec-new"
    assert verify_signature(BODY, GOOD, [new, SECRET])
    assert verify_signature(BODY, webhooks.sign(BODY, new), [new, SECRET])
    assert not verify_signature(BODY, GOOD, [new, "third"])
    assert not verify_signature(BODY, GOOD, [])
    assert construct_event(BODY, GOOD, (new, SECRET)).data.sms_id == 1000007721


def test_tolerance_refuses_replays_and_events_without_a_time() -> None:
    created = dt.datetime.fromisoformat("2026-04-03T12:00:05+03:00")
    assert construct_event(BODY, GOOD, SECRET, tolerance=300, now=created + dt.timedelta(seconds=299))
    with pytest.raises(InvalidWebhookError, match="tolerance of 300 s"):
        construct_event(BODY, GOOD, SECRET, tolerance=300, now=created + dt.timedelta(seconds=301))
    with pytest.raises(InvalidWebhookError, match="tolerance"):
        construct_event(
            BODY, GOOD, SECRET, tolerance=dt.timedelta(minutes=5), now=created - dt.timedelta(hours=1)
        )
    undated = json.dumps({"event": "sms.status", "data": {"sms_id": 1, "status": "failed"}}).encode()
    with pytest.raises(InvalidWebhookError, match="no created_at"):
        construct_event(undated, webhooks.sign(undated, SECRET), SECRET, tolerance=300)
    # Without a tolerance an old event is accepted: the default does not depend on the clock.
    assert construct_event(undated, webhooks.sign(undated, SECRET), SECRET).data.sms_id == 1


def test_the_error_is_a_turkeysms_error_and_exported() -> None:
    assert issubclass(InvalidWebhookError, turkeysms.TurkeySMSError)
    assert turkeysms.InvalidWebhookError is InvalidWebhookError
    with pytest.raises(turkeysms.TurkeySMSError):
        construct_event(BODY, "bad", SECRET)
