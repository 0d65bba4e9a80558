"""Verify and parse the delivery-report webhook (X-TurkeySms-Signature, WebhookEvent)."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping
from typing import Any, Final

from turkeysms_api.models import WebhookEvent, WebhookEventData

__all__ = [
    "SIGNATURE_HEADER",
    "InvalidWebhookError",
    "WebhookEvent",
    "WebhookEventData",
    "construct_event",
    "parse_event",
    "sign",
    "verify_signature",
]

SIGNATURE_HEADER: Final = "X-TurkeySms-Signature"


class InvalidWebhookError(ValueError):
    """The webhook body is not a delivery report, or its signature does not match."""


def sign(payload: bytes, secret: str) -> str:
    """The lower-case hex HMAC-SHA256 of `payload` under `secret`, as the API sends it."""
    return hmac.new(secret.encode("utf-8"), payload, hashlib.sha256).hexdigest()


def verify_signature(payload: bytes, signature: str, secret: str) -> bool:
    """Whether `signature` is the HMAC of the raw `payload` bytes under `secret`.

    Compare the raw body exactly as received: re-serialising parsed JSON changes
    the bytes. The comparison takes constant time, so timing leaks nothing.
    """
    if not secret:
        return False
    expected = sign(payload, secret)
    return hmac.compare_digest(expected, signature.strip().lower())


def parse_event(payload: bytes | str | Mapping[str, Any]) -> WebhookEvent:
    """A delivery report as a typed WebhookEvent; raises InvalidWebhookError when it is none."""
    if isinstance(payload, Mapping):
        data: Any = payload
    else:
        try:
            data = json.loads(payload)
        except ValueError as error:
            raise InvalidWebhookError(f"webhook body is not JSON: {error}") from error
    if not isinstance(data, Mapping):
        raise InvalidWebhookError("webhook body is not a JSON object")
    try:
        return WebhookEvent.from_dict(data)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise InvalidWebhookError(
            f"webhook body is not a delivery report: {type(error).__name__}: {error}"
        ) from error


def construct_event(payload: bytes, signature: str | None, secret: str) -> WebhookEvent:
    """Verify the signature, then parse: the one call a webhook receiver needs."""
    if signature is None or not verify_signature(payload, signature, secret):
        raise InvalidWebhookError(f"{SIGNATURE_HEADER} does not match the body")
    return parse_event(payload)
