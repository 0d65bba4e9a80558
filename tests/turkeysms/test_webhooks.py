"""Webhook signatures are verified in constant time over the raw body; bodies parse into WebhookEvent."""

from __future__ import annotations

import hashlib
import hmac
import json

import pytest

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
