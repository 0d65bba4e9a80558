"""The status model of a recipient and the codes `/sms/status` answers for it (D10)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from ..records import Delivery

SCHEDULED: Final = "scheduled"
PENDING: Final = "pending"
DELIVERED: Final = "delivered"
FAILED: Final = "failed"
OUT_OF_COVERAGE: Final = "out_of_coverage"

# Statuses a recipient never leaves; out of coverage may still turn into delivered.
FINAL: Final = frozenset({DELIVERED, FAILED})

SMS_STATUS_TEXT: Final = {
    SCHEDULED: "Message is scheduled",
    PENDING: "Message is waiting to be delivered",
    DELIVERED: "Number received the message",
    FAILED: "Number did not receive the message",
    OUT_OF_COVERAGE: "Number out of coverage, message not received yet",
}

STATUS_CODE: Final = {
    SCHEDULED: "TS-1023",
    PENDING: "TS-1023",
    OUT_OF_COVERAGE: "TS-1023",
    FAILED: "TS-1022",
    DELIVERED: "TS-1064",
}


def status_at(delivery: Delivery, now: float) -> str:
    """The recipient's status on the mock clock, derived lazily from its timeline."""
    if now >= delivery.due_at:
        return delivery.outcome
    if now >= delivery.send_at:
        return PENDING
    return SCHEDULED


def batch_status(statuses: Iterable[str]) -> str:
    """One status for a whole send: not final while any recipient is not, then failed wins (D10)."""
    seen = set(statuses)
    for waiting in (SCHEDULED, PENDING, OUT_OF_COVERAGE):
        if waiting in seen:
            return waiting
    return FAILED if FAILED in seen else DELIVERED
