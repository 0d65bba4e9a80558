"""Read-back queries for tests: the latest OTP to a number, received messages, and forced outcomes."""

from __future__ import annotations

from ..records import Received
from .connection import Connection

_COLUMNS = (
    "SELECT r.id, m.id, m.account_id, m.report, r.number, m.title, r.text, r.parts, r.encoding,"
    " m.created_at, r.send_at, r.due_at, r.outcome, m.otp_code, a.name, r.country"
    " FROM recipients AS r JOIN messages AS m ON m.id = r.message_id"
    " JOIN accounts AS a ON a.id = m.account_id"
)


def latest_otp(connection: Connection, number: str) -> Received | None:
    row = connection.execute(
        f"{_COLUMNS} WHERE r.number = ? AND m.otp_code IS NOT NULL ORDER BY m.id DESC LIMIT 1",
        (number,),
    ).fetchone()
    return None if row is None else Received(*row)


def received(
    connection: Connection,
    *,
    number: str | None = None,
    sms_id: int | None = None,
    status: str | None = None,
    now: float = 0.0,
    since: float | None = None,
    before: int | None = None,
    limit: int,
) -> list[Received]:
    """Newest first (by recipient row), at most `limit`, filtered; `before` is a recipient id to start
    under (paging), `status` is the one `domain.delivery.status_at` gives at `now`."""
    clauses: list[str] = []
    values: list[object] = []
    for clause, value in (
        ("r.number = ?", number),
        ("m.id = ?", sms_id),
        ("m.created_at >= ?", since),
        ("r.id < ?", before),
    ):
        if value is not None:
            clauses.append(clause)
            values.append(value)
    if status is not None:
        # The status on the mock clock, as domain.delivery.status_at derives it from the timeline.
        if status == "scheduled":
            clauses.append("r.send_at > ?")
            values.append(now)
        elif status == "pending":
            clauses.append("r.send_at <= ? AND r.due_at > ?")
            values += [now, now]
        else:
            clauses.append("r.due_at <= ? AND r.outcome = ?")
            values += [now, status]
    where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
    rows = connection.execute(f"{_COLUMNS}{where} ORDER BY r.id DESC LIMIT ?", (*values, limit))
    return [Received(*row) for row in rows.fetchall()]


def of_message(connection: Connection, sms_id: int, number: str | None) -> list[Received]:
    if number is None:
        rows = connection.execute(f"{_COLUMNS} WHERE m.id = ? ORDER BY r.id", (sms_id,))
    else:
        rows = connection.execute(
            f"{_COLUMNS} WHERE m.id = ? AND r.number = ? ORDER BY r.id",
            (sms_id, number),
        )
    return [Received(*row) for row in rows.fetchall()]


def message_exists(connection: Connection, sms_id: int) -> bool:
    return connection.execute("SELECT 1 FROM messages WHERE id = ?", (sms_id,)).fetchone() is not None


def force(connection: Connection, recipient_id: int, *, outcome: str, send_at: float, due_at: float) -> None:
    """Set a recipient's outcome and timeline; it counts as reported (its event, if any, is enqueued)."""
    connection.execute(
        "UPDATE recipients SET outcome = ?, send_at = ?, due_at = ?, reported = ? WHERE id = ?",
        (outcome, send_at, due_at, outcome, recipient_id),
    )
