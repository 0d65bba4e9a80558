"""Queries on sent messages and their recipients' delivery timelines."""

from __future__ import annotations

from collections.abc import Iterable

from ..records import Delivery, MessageInfo, NewRecipient
from .connection import Connection, inserted_id

# The SQL twin of domain.delivery.status_at, so that counting a large batch needs no Python loop.
_STATUS_SQL = "CASE WHEN :now >= due_at THEN outcome WHEN :now >= send_at THEN 'pending' ELSE 'scheduled' END"


def insert(
    connection: Connection,
    *,
    account_id: int,
    kind: str,
    title: str,
    sms_lang: int,
    content_type: int,
    report: int,
    credits: int,
    created_at: float,
    otp_code: str | None,
    recipients: Iterable[NewRecipient],
) -> int:
    """Store a message and its recipients; returns its sms_id (increasing, never reused)."""
    sms_id = inserted_id(
        connection,
        "INSERT INTO messages (account_id, kind, title, sms_lang, content_type, report, credits, created_at,"
        " otp_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (account_id, kind, title, sms_lang, content_type, report, credits, created_at, otp_code),
    )
    connection.executemany(
        "INSERT INTO recipients (message_id, number, text, parts, encoding, country, send_at, due_at, outcome)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            (sms_id, r.number, r.text, r.parts, r.encoding, r.country, r.send_at, r.due_at, r.outcome)
            for r in recipients
        ),
    )
    return sms_id


def message(connection: Connection, account_id: int, sms_id: int) -> MessageInfo | None:
    row = connection.execute(
        "SELECT id, title, credits, created_at FROM messages WHERE id = ? AND account_id = ?",
        (sms_id, account_id),
    ).fetchone()
    return None if row is None else MessageInfo(*row)


def status_counts(connection: Connection, sms_id: int, now: float) -> dict[str, int]:
    rows = connection.execute(
        f"SELECT {_STATUS_SQL} AS status, COUNT(*) FROM recipients WHERE message_id = :id GROUP BY status",  # noqa: S608
        {"now": now, "id": sms_id},
    )
    return dict(rows.fetchall())


def deliveries(connection: Connection, sms_id: int, limit: int, offset: int) -> list[Delivery]:
    rows = connection.execute(
        "SELECT number, parts, send_at, due_at, outcome FROM recipients WHERE message_id = ?"
        " ORDER BY id LIMIT ? OFFSET ?",
        (sms_id, limit, offset),
    ).fetchall()
    return [Delivery(*row) for row in rows]
