"""The control API under /_mock (spec/control-api.yaml): health, clock, reset, read-back, forced outcomes, webhooks."""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from flask import Blueprint, Response, current_app, request

from ..domain import inbox, lifecycle, settling, state, urls, webhooks
from ..domain.clock import iso
from ..domain.errors import ApiError
from ..domain.numbers import is_international
from ..records import Attempt, Waiting
from . import control_spec, guard
from .control_bodies import answers_refusals, invalid
from .pipeline import InvalidBodyError, backend, is_json_media_type, parse_body
from .responses import RefusedError, control_error, write
from .validation import RequestValidator

blueprint = Blueprint("control", __name__, url_prefix="/_mock")

DISPATCHER_KEY = "turkeysms_mock_webhooks"
SETTLER_KEY = "turkeysms_mock_settler"


blueprint.before_request(guard.check)


answers_refusals(blueprint)


def dispatcher() -> webhooks.Sender:
    found: webhooks.Sender = current_app.extensions[DISPATCHER_KEY]
    return found


def settler() -> settling.Settler:
    found = current_app.extensions.get(SETTLER_KEY)
    if found is None:
        found = current_app.extensions.setdefault(SETTLER_KEY, settling.Settler(backend(), dispatcher()))
    return found  # type: ignore[no-any-return]


def _checked(validator: RequestValidator, values: Mapping[str, Any]) -> dict[str, Any]:
    """The values the spec's schema admits (defaults filled in); any refusal is the control API's 400."""
    try:
        checked: dict[str, Any] = validator.validate(values)
    except ApiError as failure:
        raise invalid(failure.message or "The request is not what spec/control-api.yaml describes.") from None
    return checked


def _body(path: str) -> dict[str, Any]:
    if not is_json_media_type(request.mimetype):
        raise RefusedError(415, "unsupported_media_type", "Request body must be JSON (application/json).")
    try:
        body = parse_body(request.get_data(cache=False))
    except InvalidBodyError as problem:
        raise invalid(str(problem)) from problem
    if not isinstance(body, dict):
        raise invalid("The body must be a JSON object.")
    return _checked(control_spec.body(path), body)


def _query(path: str) -> dict[str, Any]:
    """The query parameters, each given once and all declared in control-api.yaml: a misspelt filter is
    a 400, never silently ignored (the answer would list what was not asked for)."""
    known = control_spec.parameter_names(path, "get", "query")
    for name in request.args:
        if name not in known:
            raise invalid(f"Unknown query parameter '{name}'; this call takes {', '.join(sorted(known))}.")
        if len(request.args.getlist(name)) > 1:
            raise invalid(f"'{name}' is given more than once.")
    # Only an absent parameter is missing: `?to=` is an empty value, and no number (400).
    return _checked(control_spec.parameters(path, "get", "query"), request.args.to_dict(flat=True))


@blueprint.get("/health")
def health() -> Response:
    # Readiness: an instance whose database is gone must leave the load balancer's pool.
    if not state.ready(backend()):
        return control_error(503, "unavailable", "The database does not answer.")
    return write({"status": "ok", "now": iso(backend().clock.now())})


@blueprint.post("/clock")
def advance_clock() -> Response:
    body = _body("/_mock/clock")
    seconds, wait_s = float(body["advance"]), float(body["wait"])
    clock = backend().clock
    if seconds:
        clock.advance(seconds)
    # Statuses change before the answer; the webhook attempts that became due are being made in the
    # background, and the answer waits for them at most `wait` seconds, whatever the receivers do.
    settled = settler().settle(wait_s)
    return write({"now": iso(clock.now()), "settled": settled.due == 0, "webhooks_due": settled.due})


@blueprint.post("/reset")
def reset() -> Response:
    _body("/_mock/reset")  # an object, as the contract says; what it holds is not read
    accounts = state.reset(backend())
    return write({"reset": True, "accounts": accounts})


@blueprint.get("/otp")
def latest_otp() -> Response:
    mobile = _query("/_mock/otp")["mobile"]
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
        "account": received.account,
        "recipient": received.recipient,
        "country": received.country,
        "title": received.title,
        "text": received.text,
        "otp_code": received.otp_code,
        "parts": received.parts,
        "encoding": received.encoding,
        # D20: each part is one credit, from the international balance for numbers outside Turkey.
        "credits": received.parts,
        "balance": "international" if is_international(received.recipient) else "main",
        "status": item.status,
        "created_at": iso(received.created_at),
        "scheduled_at": iso(received.send_at) if scheduled else None,
        "status_changed_at": None if item.status_changed_at is None else iso(item.status_changed_at),
    }


# A cursor is opaque to callers: the recipient row a listing continues under, tagged and encoded.
_CURSOR_TAG = "before:"


def _cursor(before: int) -> str:
    return base64.urlsafe_b64encode(f"{_CURSOR_TAG}{before}".encode()).decode().rstrip("=")


def _before(raw: str | None) -> int | None:
    """The recipient id a cursor continues under; the spec's pattern has checked its alphabet."""
    if raw is None:
        return None
    try:
        decoded = base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)).decode("ascii")
    except (binascii.Error, UnicodeDecodeError):
        decoded = ""
    number = decoded.removeprefix(_CURSOR_TAG)
    if decoded == number or not re.fullmatch(r"[1-9][0-9]{0,15}", number):
        raise invalid("'cursor' must be a next_cursor this mock answered.")
    return int(number)


def _since(raw: str | None) -> float | None:
    if raw is None:
        return None
    try:
        moment = datetime.fromisoformat(raw)
        if moment.tzinfo is not None:
            return moment.timestamp()
    except (ValueError, OverflowError, OSError):
        pass
    raise invalid("'since' must be a date-time with its offset, e.g. 2026-11-24T18:00:00+03:00.")


@blueprint.get("/messages")
def list_messages() -> Response:
    query = _query("/_mock/messages")
    wanted = inbox.MessageQuery(
        limit=query["limit"],
        to=query.get("to"),
        sms_id=query.get("sms_id"),
        status=query.get("status"),
        since=_since(query.get("since")),
        before=_before(query.get("cursor")),
    )
    page = inbox.messages(backend(), wanted)
    after = None if page.next_before is None else _cursor(page.next_before)
    return write({"messages": [_message(item) for item in page.messages], "next_cursor": after})


@blueprint.post("/messages/<raw_id>/status")
def force_status(raw_id: str) -> Response:
    path = "/_mock/messages/{sms_id}/status"
    sms_id = _checked(control_spec.parameters(path, "post", "path"), {"sms_id": raw_id})["sms_id"]
    body = _body(path)
    try:
        changed = lifecycle.force(backend(), sms_id, body["status"], body.get("recipient"))
    except lifecycle.UnknownMessageError as missing:
        raise RefusedError(404, "not_found", str(missing)) from missing
    dispatcher().wake()
    now = backend().clock.now()
    return write({"messages": [_message(inbox.describe(item, now)) for item in changed]})


@blueprint.post("/webhook")
def set_webhook() -> Response:
    body = _body("/_mock/webhook")
    url = body["url"]
    # Beyond the schema, the domain's rule for every webhook URL (the seed's too): no CR, LF or spaces.
    if url is not None and not urls.usable_url(url):
        raise invalid(
            "'url' must be an http(s) URL of at most 2048 characters without spaces or control"
            " characters (CR, LF), or null."
        )
    account = webhooks.configure(backend(), body["api_key"], url, body.get("secret", ""))
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
        "signed": attempt.signed,
    }


def _waiting(waiting: Waiting) -> dict[str, Any]:
    return {
        "event_id": waiting.event_id,
        "sms_id": waiting.sms_id,
        "recipient": waiting.recipient,
        "status": waiting.status,
        "attempts": waiting.attempts,
        "next_attempt_at": iso(waiting.next_attempt_at),
    }


@blueprint.get("/webhooks")
def list_webhook_attempts() -> Response:
    sms_id = _query("/_mock/webhooks").get("sms_id")
    # Changes that came due since the last sweep show up as pending at once.
    lifecycle.sweep(backend())
    found = webhooks.history(backend(), sms_id)
    return write(
        {"attempts": [_attempt(a) for a in found.attempts], "pending": [_waiting(w) for w in found.pending]}
    )
