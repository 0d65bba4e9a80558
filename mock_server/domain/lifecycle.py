"""Status changes that the webhook hears: the sweep of lazily derived transitions, and forced outcomes."""

from __future__ import annotations

from ..records import Delivery, Received
from ..store import inbox, outbox
from . import delivery
from .backend import Backend

FORCEABLE = frozenset({delivery.DELIVERED, delivery.FAILED, delivery.OUT_OF_COVERAGE})


def sweep(backend: Backend) -> int:
    """Enqueue an event for every recipient whose outcome came due; returns how many were enqueued.

    Statuses are derived from the clock when read, so nothing runs at the moment a message is
    delivered: this sweep notices it afterwards, and marks the recipient in the same transaction.
    """
    now = backend.clock.now()
    with backend.database.read() as connection:
        if not outbox.has_due(connection, now):
            return 0  # the common case costs a read, not a write lock
    with backend.database.write() as connection:
        return outbox.enqueue_due(connection, now)


class UnknownMessageError(LookupError):
    """No such sms_id, or no such recipient in it."""


def force(backend: Backend, sms_id: int, status: str, number: str | None) -> list[Received]:
    """Give recipients of `sms_id` the final `status` now; each real change enqueues its event."""
    if status not in FORCEABLE:
        raise ValueError(f"status must be one of {sorted(FORCEABLE)}")
    with backend.database.write() as connection:
        now = backend.clock.now()
        if not inbox.message_exists(connection, sms_id):
            raise UnknownMessageError(f"No message has sms_id {sms_id}.")
        targets = inbox.of_message(connection, sms_id, number)
        if not targets:
            raise UnknownMessageError(f"Message {sms_id} was not sent to {number}.")
        for target in targets:
            timeline = Delivery(target.recipient, target.parts, target.send_at, target.due_at, target.outcome)
            before = delivery.status_at(timeline, now)
            if before == status:
                continue
            # The change happens now: a scheduled or pending recipient leaves and arrives at once.
            inbox.force(
                connection, target.recipient_id, outcome=status, send_at=min(target.send_at, now), due_at=now
            )
            if target.report:
                outbox.enqueue(
                    connection,
                    account_id=target.account_id,
                    sms_id=sms_id,
                    recipient=target.recipient,
                    status=status,
                    updated_at=now,
                    now=now,
                )
        return inbox.of_message(connection, sms_id, number)
