"""Verify and parse the delivery-report webhook (X-TurkeySms-Signature, WebhookEvent)."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
from collections.abc import Mapping, Sequence
from typing import Any, Final

from turkeysms._exceptions import TurkeySMSError
from turkeysms_api.models import DeliveryReport, WebhookEvent
from turkeysms_api.types import Unset

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
# The event's `data`, named DeliveryReport in the spec; this module's name for it stays.
WebhookEventData = DeliveryReport


class InvalidWebhookError(TurkeySMSError, ValueError):
    """The webhook body is not a delivery report, its signature is missing or wrong, or it is too old.

    Answer such a request 400 and do not act on it. A ValueError too, as before.
    """


def _bytes(payload: bytes | str) -> bytes:
    # A framework that hands the body over as text decoded it from UTF-8; encoding it back
    # gives the bytes that were signed.
    return payload.encode("utf-8") if isinstance(payload, str) else payload


def _secrets(secret: str | Sequence[str]) -> list[str]:
    return [secret] if isinstance(secret, str) else list(secret)


def sign(payload: bytes | str, secret: str) -> str:
    """The lower-case hex HMAC-SHA256 of `payload` under `secret`, as the API sends it."""
    return hmac.new(secret.encode("utf-8"), _bytes(payload), hashlib.sha256).hexdigest()


def verify_signature(payload: bytes | str, signature: str | None, secret: str | Sequence[str]) -> bool:
    """Whether `signature` is the HMAC of the raw `payload` under `secret` (or any one of several).

    Pass several secrets while rotating: the old one and the new one both verify until
    the old one is dropped. Compare the raw body exactly as received: re-serialising
    parsed JSON changes the bytes. Each comparison takes constant time.
    """
    if not signature:
        return False
    given = signature.strip().lower()
    body = _bytes(payload)
    matched = False
    for candidate in _secrets(secret):
        # Every secret is tried, so the time taken does not tell which one matched.
        if candidate and hmac.compare_digest(sign(body, candidate), given):
            matched = True
    return matched


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


def _check_age(event: WebhookEvent, tolerance: dt.timedelta, now: dt.datetime | None) -> None:
    created = event.created_at
    if isinstance(created, Unset):
        raise InvalidWebhookError("webhook has no created_at to check its age against")
    if created.tzinfo is None:
        raise InvalidWebhookError("webhook created_at has no time zone")
    current = now if now is not None else dt.datetime.now(dt.UTC)
    age = current - created
    if abs(age) > tolerance:
        raise InvalidWebhookError(
            f"webhook created_at {created.isoformat()} is {age.total_seconds():.0f} s from now, "
            f"outside the tolerance of {tolerance.total_seconds():.0f} s (a replay?)"
        )


def construct_event(
    payload: bytes | str,
    signature: str | None,
    secret: str | Sequence[str],
    *,
    tolerance: float | dt.timedelta | None = None,
    now: dt.datetime | None = None,
) -> WebhookEvent:
    """Verify the signature, parse, and optionally refuse an old event: the one call a receiver needs.

    `signature` is the `X-TurkeySms-Signature` header (None when it is missing);
    `secret` one secret or several (rotation). With `tolerance` (seconds or a
    timedelta) an event whose `created_at` is further than that from `now` (default:
    the current time) is refused, so a captured request cannot be replayed later.
    Everything wrong raises InvalidWebhookError.
    """
    if not signature:
        raise InvalidWebhookError(f"the {SIGNATURE_HEADER} header is missing")
    if not verify_signature(payload, signature, secret):
        raise InvalidWebhookError(f"{SIGNATURE_HEADER} does not match the body")
    event = parse_event(payload)
    if tolerance is not None:
        window = tolerance if isinstance(tolerance, dt.timedelta) else dt.timedelta(seconds=tolerance)
        _check_age(event, window, now)
    return event
