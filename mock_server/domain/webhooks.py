"""The webhook outbox in domain terms: the event body, the retry policy, claims and attempts, history."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Protocol

from .. import defaults
from ..records import Attempt, Event, Waiting
from ..store import outbox
from . import accounts, delivery
from .backend import Backend
from .clock import iso
from .errors import ApiError

EVENT_TYPE = "sms.status"
# Events claimed per round; a lease covers sending all of them one after another.
BATCH = 20
DELIVERED = outbox.DELIVERED


@dataclass(frozen=True, slots=True)
class Policy:
    """How hard the sender tries: per-attempt timeout (real seconds), backoff (mock seconds)."""

    timeout_s: float = defaults.WEBHOOK_TIMEOUT_S
    max_attempts: int = defaults.WEBHOOK_MAX_ATTEMPTS
    backoff_s: float = defaults.WEBHOOK_BACKOFF_S  # before the 2nd attempt; doubled each time after
    backoff_cap_s: float = defaults.WEBHOOK_BACKOFF_CAP_S

    def delay_after(self, attempt: int) -> float:
        return float(min(self.backoff_s * 2 ** (attempt - 1), self.backoff_cap_s))

    @property
    def lease_s(self) -> float:
        # Long enough for a whole batch to time out, so that a live worker never loses its claim.
        return self.timeout_s * BATCH + 5.0


class Sender(Protocol):
    """What the control API drives: the adapter that sends the outbox (adapters.webhook_sender)."""

    def run_due(self, *, wait_for_others: bool = False) -> int: ...

    def wake(self) -> None: ...


def body(event: Event) -> bytes:
    """The spec's WebhookEvent; the same bytes on every retry of one event."""
    payload: dict[str, Any] = {
        "event": EVENT_TYPE,
        "created_at": iso(event.created_at),
        "data": {
            "sms_id": event.sms_id,
            "phone_number": event.recipient,
            "status": event.status,
            "result_code": delivery.STATUS_CODE[event.status],
            "sms_status": delivery.SMS_STATUS_TEXT[event.status],
            "updated_at": iso(event.updated_at),
        },
    }
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def next_due(backend: Backend) -> float | None:
    """The mock time of the earliest pending event; a read, so an idle sender takes no write lock."""
    with backend.database.read() as connection:
        return outbox.next_due(connection)


def is_due(backend: Backend) -> bool:
    due = next_due(backend)
    return due is not None and due <= backend.clock.now()


def leased_due(backend: Backend, wall: float) -> int:
    """Due events another worker holds a live lease on (being sent right now)."""
    with backend.database.read() as connection:
        return outbox.leased_due(connection, now=backend.clock.now(), wall=wall)


def claim(backend: Backend, *, owner: str, wall: float, policy: Policy) -> list[Event]:
    """Lease up to BATCH due events to `owner` (see store.outbox.claim for the two clocks)."""
    with backend.database.write() as connection:
        return outbox.claim(
            connection,
            now=backend.clock.now(),
            wall=wall,
            owner=owner,
            lease_s=policy.lease_s,
            limit=BATCH,
        )


def record(
    backend: Backend,
    event: Event,
    *,
    owner: str,
    policy: Policy,
    outcome: str,
    response_status: int | None,
    error: str | None,
) -> bool:
    """Store an attempt and schedule the retry (or finish the event); False if a reset took the lease."""
    attempt = event.attempts + 1
    now = backend.clock.now()
    finished = outcome == DELIVERED or attempt >= policy.max_attempts
    with backend.database.write() as connection:
        return outbox.record(
            connection,
            event,
            owner=owner,
            outcome=outcome,
            response_status=response_status,
            error=error,
            attempted_at=now,
            next_attempt_at=None if finished else now + policy.delay_after(attempt),
        )


def configure(backend: Backend, api_key: str, url: str | None, secret: str) -> str | None:
    """Point the account of an active key at `url` (None: none); the account's name, or None."""
    # The mock's one key lookup (accounts.authenticate): an inactive key owns nothing here either.
    try:
        principal = accounts.authenticate(backend, api_key)
    except ApiError:
        return None
    with backend.database.write() as connection:
        return outbox.configure(connection, principal.account_id, url, secret)


@dataclass(frozen=True, slots=True)
class History:
    attempts: list[Attempt]
    pending: list[Waiting]


def history(backend: Backend, sms_id: int | None, limit: int = 1000) -> History:
    with backend.database.read() as connection:
        return History(outbox.attempts(connection, sms_id, limit), outbox.waiting(connection, sms_id))
