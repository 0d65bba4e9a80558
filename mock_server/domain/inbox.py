"""What recipients received, as tests read it back: messages with their status now, and OTP codes."""

from __future__ import annotations

from dataclasses import dataclass

from ..records import Delivery, Received
from ..store import inbox
from . import delivery
from .backend import Backend


@dataclass(frozen=True, slots=True)
class Message:
    received: Received
    status: str
    status_changed_at: float | None  # when it entered `status`; None while scheduled


def describe(received: Received, now: float) -> Message:
    timeline = Delivery(
        received.recipient, received.parts, received.send_at, received.due_at, received.outcome
    )
    status = delivery.status_at(timeline, now)
    changed = {delivery.SCHEDULED: None, delivery.PENDING: received.send_at}.get(status, received.due_at)
    return Message(received, status, changed)


@dataclass(frozen=True, slots=True)
class MessageQuery:
    """Which received messages to list: every filter optional; `before` continues a listing."""

    limit: int
    to: str | None = None
    sms_id: int | None = None
    status: str | None = None
    since: float | None = None
    before: int | None = None  # a recipient id: only older ones


@dataclass(frozen=True, slots=True)
class MessagePage:
    messages: list[Message]
    next_before: int | None  # where the next page starts; None when this one is the last


def messages(backend: Backend, query: MessageQuery) -> MessagePage:
    now = backend.clock.now()
    with backend.database.read() as connection:
        # One row more than asked tells whether another page follows.
        found = inbox.received(
            connection,
            number=query.to,
            sms_id=query.sms_id,
            status=query.status,
            now=now,
            since=query.since,
            before=query.before,
            limit=query.limit + 1,
        )
    page = [describe(item, now) for item in found[: query.limit]]
    more = len(found) > query.limit
    return MessagePage(page, page[-1].received.recipient_id if more else None)


def latest_otp(backend: Backend, mobile: str) -> Received | None:
    with backend.database.read() as connection:
        return inbox.latest_otp(connection, mobile)
