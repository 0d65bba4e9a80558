"""The control API under /_mock (spec/control-api.yaml): health, clock, reset, read-back, forced outcomes, webhooks."""

from __future__ import annotations

import functools
import math
import re
from typing import Any

from flask import Blueprint, Response, current_app, request

from turkeysms_spec.documents import CONTROL_API_PATH, load_openapi

from ..domain import inbox, lifecycle, settling, state, urls, webhooks
from ..domain.clock import iso
from ..records import Attempt, Waiting
from . import guard
from .pipeline import InvalidBodyError, backend, parse_body
from .responses import control_error, write

blueprint = Blueprint("control", __name__, url_prefix="/_mock")

DISPATCHER_KEY = "turkeysms_mock_webhooks"
SETTLER_KEY = "turkeysms_mock_settler"
# How long an advance waits by default for the webhook attempts it made due (`wait`, seconds).
DEFAULT_WAIT_S = 5.0
MAX_IDENTIFIER = 2**53 - 1


class RefusedError(Exception):
    """A control request the spec answers with an error: status, slug, message."""

    def __init__(self, status: int, error: str, message: str) -> None:
        super().__init__(message)
        self.status, self.error, self.message = status, error, message


blueprint.before_request(guard.check)


@blueprint.errorhandler(RefusedError)
def _refused(failure: RefusedError) -> Response:
    return control_error(failure.status, failure.error, failure.message)


@functools.cache
def _schema(name: str) -> dict[str, Any]:
    schema: dict[str, Any] = load_openapi(CONTROL_API_PATH)["components"]["schemas"][name]
    return schema


@functools.cache
def _phone_pattern() -> re.Pattern[str]:
    return re.compile(_schema("PhoneNumber")["pattern"])


def dispatcher() -> webhooks.Sender:
    found: webhooks.Sender = current_app.extensions[DISPATCHER_KEY]
    return found


def settler() -> settling.Settler:
    found = current_app.extensions.get(SETTLER_KEY)
    if found is None:
        found = current_app.extensions.setdefault(SETTLER_KEY, settling.Settler(backend(), dispatcher()))
    return found  # type: ignore[no-any-return]


def _invalid(message: str) -> RefusedError:
    return RefusedError(400, "invalid_request", message)


def _body() -> dict[str, Any]:
    mimetype = request.mimetype
    if mimetype and mimetype != "application/json" and not mimetype.endswith("+json"):
        raise RefusedError(415, "unsupported_media_type", "Request body must be JSON (application/json).")
    try:
        body = parse_body(request.get_data(cache=False))
    except InvalidBodyError as invalid:
        raise _invalid(str(invalid)) from invalid
    if not isinstance(body, dict):
        raise _invalid("The body must be a JSON object.")
    return body


def _phone(value: str | None, name: str, *, required: bool) -> str | None:
    # Only an absent parameter is missing: `?to=` is an empty value, and no number (400).
    if value is None:
        if required:
            raise _invalid(f"'{name}' is required.")
        return None
    if not _phone_pattern().fullmatch(value):
        raise _invalid(f"'{name}' must be a phone number in international format, digits only.")
    return value


def _identifier(raw: str | None, name: str) -> int | None:
    if raw is None:
        return None
    if not raw.isascii() or not raw.isdigit() or not 1 <= int(raw) <= MAX_IDENTIFIER:
        raise _invalid(f"'{name}' must be a positive integer.")
    return int(raw)


@blueprint.get("/health")
def health() -> Response:
    return write({"status": "ok", "now": iso(backend().clock.now())})


def _seconds(body: dict[str, Any], name: str, default: float | None = None) -> float:
    value = body.get(name, default)
    limit = _schema("ClockAdvance")["properties"][name]["maximum"]
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or not 0 <= value <= limit
    ):
        raise _invalid(f"'{name}' must be a number of seconds >= 0 and <= {limit}.")
    return float(value)


@blueprint.post("/clock")
def advance_clock() -> Response:
    body = _body()
    seconds = _seconds(body, "advance")
    wait_s = _seconds(body, "wait", DEFAULT_WAIT_S)
    clock = backend().clock
    if seconds:
        clock.advance(seconds)
    # Statuses change before the answer; the webhook attempts that became due are being made in the
    # background, and the answer waits for them at most `wait` seconds, whatever the receivers do.
    settled = settler().settle(wait_s)
    return write({"now": iso(clock.now()), "settled": settled.due == 0, "webhooks_due": settled.due})


@blueprint.post("/reset")
def reset() -> Response:
    _body()  # an object, as the contract says; what it holds is not read
    accounts = state.reset(backend())
    return write({"reset": True, "accounts": accounts})


@blueprint.get("/otp")
def latest_otp() -> Response:
    mobile = _phone(request.args.get("mobile"), "mobile", required=True)
    assert mobile is not None
    found = inbox.latest_otp(backend(), mobile)
    if found is None or found.otp_code is None:
        raise RefusedError(404, "not_found", f"No OTP was sent to {mobile}.")
    return write(
        {
            "code": found.otp_code,
            "mobile": found.recipient,
            "sms_id": found.sms_id,
            "text": found.text,
            "created_at": iso(found.created_at),
        }
    )


def _message(item: inbox.Message) -> dict[str, Any]:
    received = item.received
    scheduled = received.send_at > received.created_at
    return {
        "sms_id": received.sms_id,
        "recipient": received.recipient,
        "title": received.title,
        "text": received.text,
        "parts": received.parts,
        "encoding": received.encoding,
        "status": item.status,
        "created_at": iso(received.created_at),
        "scheduled_at": iso(received.send_at) if scheduled else None,
        "status_changed_at": None if item.status_changed_at is None else iso(item.status_changed_at),
    }


@blueprint.get("/messages")
def list_messages() -> Response:
    to = _phone(request.args.get("to"), "to", required=False)
    raw_limit = request.args.get("limit", "100")
    if not raw_limit.isascii() or not raw_limit.isdigit() or not 1 <= int(raw_limit) <= 1000:
        raise _invalid("'limit' must be an integer from 1 to 1000.")
    found = inbox.messages(backend(), to, int(raw_limit))
    return write({"messages": [_message(item) for item in found]})


@blueprint.post("/messages/<raw_id>/status")
def force_status(raw_id: str) -> Response:
    sms_id = _identifier(raw_id, "sms_id")
    assert sms_id is not None
    body = _body()
    status = body.get("status")
    if not isinstance(status, str) or status not in lifecycle.FORCEABLE:
        raise _invalid(f"'status' must be one of {', '.join(sorted(lifecycle.FORCEABLE))}.")
    recipient = body.get("recipient")
    if recipient is not None and not isinstance(recipient, str):
        raise _invalid("'recipient' must be a phone number.")
    number = _phone(recipient, "recipient", required=False)
    try:
        changed = lifecycle.force(backend(), sms_id, status, number)
    except lifecycle.UnknownMessageError as missing:
        raise RefusedError(404, "not_found", str(missing)) from missing
    dispatcher().wake()
    now = backend().clock.now()
    return write({"messages": [_message(inbox.describe(item, now)) for item in changed]})


def _webhook_url(value: Any) -> str | None:
    if value is None:
        return None
    if not urls.usable_url(value):
        raise _invalid(
            "'url' must be an http(s) URL of at most 2048 characters without spaces or control"
            " characters (CR, LF), or null."
        )
    return str(value)


@blueprint.post("/webhook")
def set_webhook() -> Response:
    body = _body()
    if "url" not in body:
        raise _invalid("'url' is required (null clears the webhook).")
    api_key, secret = body.get("api_key"), body.get("secret", "")
    if not isinstance(api_key, str) or not 1 <= len(api_key) <= 256:
        raise _invalid("'api_key' must be a string of 1 to 256 characters.")
    if not isinstance(secret, str) or len(secret) > 256:
        raise _invalid("'secret' must be a string of at most 256 characters.")
    url = _webhook_url(body["url"])
    account = webhooks.configure(backend(), api_key, url, secret)
    if account is None:
        raise RefusedError(404, "not_found", "No account has this API key.")
    return write({"account": account, "url": url})


def _attempt(attempt: Attempt) -> dict[str, Any]:
    return {
        "event_id": attempt.event_id,
        "sms_id": attempt.sms_id,
        "recipient": attempt.recipient,
        "status": attempt.status,
        "url": attempt.url,
        "attempt": attempt.attempt,
        "outcome": attempt.outcome,
        "response_status": attempt.response_status,
        "error": attempt.error,
        "attempted_at": iso(attempt.attempted_at),
    }


def _waiting(waiting: Waiting) -> dict[str, Any]:
    return {
        "event_id": waiting.event_id,
        "sms_id": waiting.sms_id,
        "attempts": waiting.attempts,
        "next_attempt_at": iso(waiting.next_attempt_at),
    }


@blueprint.get("/webhooks")
def list_webhook_attempts() -> Response:
    sms_id = _identifier(request.args.get("sms_id"), "sms_id")
    # Changes that came due since the last sweep show up as pending at once.
    lifecycle.sweep(backend())
    found = webhooks.history(backend(), sms_id)
    return write(
        {"attempts": [_attempt(a) for a in found.attempts], "pending": [_waiting(w) for w in found.pending]}
    )
