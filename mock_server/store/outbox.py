"""The webhook outbox: events enqueued with the status changes that cause them, leased, attempted, listed."""

from __future__ import annotations

from ..records import Attempt, Event, Waiting
from .connection import Connection, skip_locked

PENDING = "pending"
DELIVERED = "delivered"
ABANDONED = "abandoned"

# Natural transitions not yet accounted for, with the account's webhook when it has one and the
# message asked for reports (D26). Both statements run in one write transaction, so a recipient is
# marked reported exactly when its event (if any) is stored.
_ENQUEUE_DUE = """
INSERT INTO webhook_events (account_id, sms_id, recipient, status, updated_at, created_at, url, secret,
                            next_attempt_at)
SELECT m.account_id, r.message_id, r.number, r.outcome, r.due_at, :now, a.webhook_url,
       COALESCE(a.webhook_secret, ''), :now
FROM recipients AS r
JOIN messages AS m ON m.id = r.message_id
JOIN accounts AS a ON a.id = m.account_id
WHERE r.reported IS NULL AND r.due_at <= :now AND m.report != 0 AND a.webhook_url IS NOT NULL
ORDER BY r.due_at, r.id
"""
_MARK_DUE = "UPDATE recipients SET reported = outcome WHERE reported IS NULL AND due_at <= :now"


def enqueue_due(connection: Connection, now: float) -> int:
    """Account for every recipient whose outcome came due by `now`; returns the events enqueued."""
    enqueued = connection.execute(_ENQUEUE_DUE, {"now": now}).rowcount
    connection.execute(_MARK_DUE, {"now": now})
    return enqueued


def has_due(connection: Connection, now: float) -> bool:
    """Whether a sweep would find anything: one index probe, for the idle loop."""
    row = connection.execute(
        "SELECT 1 FROM recipients WHERE reported IS NULL AND due_at <= ? LIMIT 1", (now,)
    ).fetchone()
    return row is not None


def enqueue(
    connection: Connection,
    *,
    account_id: int,
    sms_id: int,
    recipient: str,
    status: str,
    updated_at: float,
    now: float,
) -> bool:
    """One event for a forced change, if the account has a webhook; True when one was stored."""
    cursor = connection.execute(
        "INSERT INTO webhook_events (account_id, sms_id, recipient, status, updated_at, created_at, url,"
        " secret, next_attempt_at) SELECT id, ?, ?, ?, ?, ?, webhook_url, COALESCE(webhook_secret, ''), ?"
        " FROM accounts WHERE id = ? AND webhook_url IS NOT NULL",
        (sms_id, recipient, status, updated_at, now, now, account_id),
    )
    return cursor.rowcount == 1


_CLAIM = (
    "SELECT id, sms_id, recipient, status, updated_at, created_at, url, secret, attempts"
    " FROM webhook_events WHERE state = 'pending' AND next_attempt_at <= ?"
    " AND (lease_until IS NULL OR lease_until < ?) ORDER BY next_attempt_at, id LIMIT ?"
)


def claim(
    connection: Connection, *, now: float, wall: float, owner: str, lease_s: float, limit: int
) -> list[Event]:
    """Lease up to `limit` due events to `owner` until wall-clock `wall + lease_s`.

    Due is on the mock clock (so tests fast-forward retries); the lease is on the wall clock, so
    moving the mock clock never hands an event that is being sent to a second worker. On PostgreSQL
    the candidates are read FOR UPDATE SKIP LOCKED: a claim another instance is making is passed by.
    """
    rows = connection.execute(_CLAIM + skip_locked(connection), (now, wall, limit)).fetchall()
    connection.executemany(
        "UPDATE webhook_events SET lease_owner = ?, lease_until = ? WHERE id = ?",
        [(owner, wall + lease_s, row[0]) for row in rows],
    )
    return [Event(*row) for row in rows]


def leased_due(connection: Connection, *, now: float, wall: float) -> int:
    """Due events that another worker holds a live lease on (being sent right now)."""
    (count,) = connection.execute(
        "SELECT COUNT(*) FROM webhook_events WHERE state = 'pending' AND next_attempt_at <= ?"
        " AND lease_until >= ?",
        (now, wall),
    ).fetchone()
    return int(count)


def record(
    connection: Connection,
    event: Event,
    *,
    owner: str,
    outcome: str,
    response_status: int | None,
    error: str | None,
    attempted_at: float,
    next_attempt_at: float | None,
) -> bool:
    """Store an attempt and the event's next state, if `owner` still holds the lease.

    `next_attempt_at` None means the event is finished: delivered, or abandoned after the last attempt.
    Returns False when the lease was lost (a reset emptied the outbox): nothing is written then.
    """
    attempt = event.attempts + 1
    if next_attempt_at is None:
        state = DELIVERED if outcome == DELIVERED else ABANDONED
        next_at = attempted_at
    else:
        state, next_at = PENDING, next_attempt_at
    cursor = connection.execute(
        "UPDATE webhook_events SET attempts = ?, state = ?, next_attempt_at = ?, lease_owner = NULL,"
        " lease_until = NULL WHERE id = ? AND lease_owner = ?",
        (attempt, state, next_at, event.id, owner),
    )
    if cursor.rowcount != 1:
        return False
    connection.execute(
        "INSERT INTO webhook_attempts (event_id, sms_id, recipient, status, url, attempt, outcome,"
        " response_status, error, attempted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            event.id,
            event.sms_id,
            event.recipient,
            event.status,
            event.url,
            attempt,
            outcome,
            response_status,
            error,
            attempted_at,
        ),
    )
    return True


_ATTEMPTS = (
    "SELECT t.event_id, t.sms_id, t.recipient, t.status, t.url, t.attempt, t.outcome, t.response_status,"
    " t.error, t.attempted_at, COALESCE(e.secret, '') != '' FROM webhook_attempts AS t"
    " LEFT JOIN webhook_events AS e ON e.id = t.event_id"
)
_WAITING = "SELECT id, sms_id, recipient, status, attempts, next_attempt_at FROM webhook_events WHERE state = 'pending'"


def attempts(connection: Connection, sms_id: int | None, limit: int) -> list[Attempt]:
    # Two statements rather than `? IS NULL OR …`: PostgreSQL cannot type a parameter that is only NULL.
    if sms_id is None:
        found = connection.execute(f"{_ATTEMPTS} ORDER BY t.id DESC LIMIT ?", (limit,))
    else:
        found = connection.execute(
            f"{_ATTEMPTS} WHERE t.sms_id = ? ORDER BY t.id DESC LIMIT ?", (sms_id, limit)
        )
    rows = found.fetchall()
    return [
        Attempt(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8], row[9], bool(row[10]))
        for row in rows
    ]


def waiting(connection: Connection, sms_id: int | None) -> list[Waiting]:
    if sms_id is None:
        found = connection.execute(f"{_WAITING} ORDER BY next_attempt_at, id")
    else:
        found = connection.execute(f"{_WAITING} AND sms_id = ? ORDER BY next_attempt_at, id", (sms_id,))
    rows = found.fetchall()
    return [Waiting(*row) for row in rows]


def next_due(connection: Connection) -> float | None:
    """The mock time of the earliest pending event, for the dispatcher's sleep."""
    row = connection.execute(
        "SELECT MIN(next_attempt_at) FROM webhook_events WHERE state = 'pending'"
    ).fetchone()
    return None if row is None or row[0] is None else float(row[0])


def configure(connection: Connection, account_id: int, url: str | None, secret: str) -> str | None:
    """Set an account's webhook; returns the account's name (None if the account is gone).

    The change applies to every attempt made after it, retries of events queued before it included:
    a rotated secret must not leave older events failing verification until they are given up. An
    attempt already under way keeps what it was claimed with. Clearing the webhook abandons what waits.
    """
    row = connection.execute(
        "UPDATE accounts SET webhook_url = ?, webhook_secret = ? WHERE id = ? RETURNING name",
        (url, secret if url is not None else None, account_id),
    ).fetchone()
    if row is None:
        return None
    if url is None:
        connection.execute(
            "UPDATE webhook_events SET state = ? WHERE account_id = ? AND state = ?",
            (ABANDONED, account_id, PENDING),
        )
    else:
        connection.execute(
            "UPDATE webhook_events SET url = ?, secret = ? WHERE account_id = ? AND state = ?",
            (url, secret, account_id, PENDING),
        )
    return str(row[0])


def due_count(connection: Connection, now: float) -> int:
    """Events due by mock time `now` that no attempt has settled yet (being sent counts as due)."""
    (count,) = connection.execute(
        "SELECT COUNT(*) FROM webhook_events WHERE state = 'pending' AND next_attempt_at <= ?", (now,)
    ).fetchone()
    return int(count)
