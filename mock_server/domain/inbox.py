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


def messages(backend: Backend, to: str | None, limit: int) -> list[Message]:
    now = backend.clock.now()
    with backend.database.read() as connection:
        found = inbox.received(connection, to, limit)
    return [describe(item, now) for item in found]


def latest_otp(backend: Backend, mobile: str) -> Received | None:
    with backend.database.read() as connection:
        return inbox.latest_otp(connection, mobile)
