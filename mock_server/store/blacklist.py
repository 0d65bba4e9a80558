"""Queries on an account's blacklist."""

from __future__ import annotations

from collections.abc import Collection

from ..records import BlacklistEntry
from .connection import Connection


def add(connection: Connection, account_id: int, number: str, now: float) -> bool:
    """Block a number; False when it already was."""
    cursor = connection.execute(
        "INSERT INTO blacklist (account_id, number, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        (account_id, number, now),
    )
    return cursor.rowcount == 1


def entry(connection: Connection, account_id: int, number: str) -> BlacklistEntry | None:
    row = connection.execute(
        "SELECT number, created_at FROM blacklist WHERE account_id = ? AND number = ?", (account_id, number)
    ).fetchone()
    return None if row is None else BlacklistEntry(row[0], row[1])


def blocked_among(connection: Connection, account_id: int, numbers: Collection[str]) -> set[str]:
    """Which of `numbers` are blocked; one indexed lookup for a single number, one scan for a batch."""
    if len(numbers) == 1:
        (number,) = numbers
        return {number} if entry(connection, account_id, number) else set()
    rows = connection.execute("SELECT number FROM blacklist WHERE account_id = ?", (account_id,))
    return {number for (number,) in rows} & set(numbers)
