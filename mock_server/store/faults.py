"""Fault rules: stored so that every worker shares them, and taken one request at a time."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .connection import Connection

_COLUMNS = "id, kind, params, operation, api_key, recipient, count, remaining, created_at"


@dataclass(frozen=True, slots=True)
class StoredRule:
    id: int
    kind: str
    params: dict[str, Any]
    operation: str | None
    api_key: str | None
    recipient: str | None
    count: int
    remaining: int
    created_at: float


def _rule(row: Sequence[Any]) -> StoredRule:
    return StoredRule(row[0], row[1], json.loads(row[2]), row[3], row[4], row[5], row[6], row[7], row[8])


def add(
    connection: Connection,
    kind: str,
    params: dict[str, Any],
    match: tuple[str | None, str | None, str | None],
    *,
    count: int,
    now: float,
) -> StoredRule:
    operation, api_key, recipient = match
    (rule_id,) = connection.execute(
        "INSERT INTO fault_rules (kind, params, operation, api_key, recipient, count, remaining, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        (kind, json.dumps(params, sort_keys=True), operation, api_key, recipient, count, count, now),
    ).fetchone()
    return StoredRule(rule_id, kind, params, operation, api_key, recipient, count, count, now)


def any_active(connection: Connection) -> bool:
    """Whether any rule has requests left: the cheap read every request makes before taking one."""
    return connection.execute("SELECT 1 FROM fault_rules WHERE remaining > 0 LIMIT 1").fetchone() is not None


def take(
    connection: Connection, operation: str, api_key: str | None, recipients: Sequence[str]
) -> StoredRule | None:
    """Use one request of the oldest rule that matches; call inside a write transaction.

    The write transaction makes the read and the decrement one step for every worker: two requests
    never take the same last use of a rule; the decrement is conditional all the same, so it holds on
    its own at PostgreSQL's row level too.
    """
    rows = connection.execute(
        f"SELECT {_COLUMNS} FROM fault_rules WHERE remaining > 0"  # noqa: S608  # a constant column list
        " AND (operation IS NULL OR operation = ?) AND (api_key IS NULL OR api_key = ?) ORDER BY id",
        (operation, api_key),
    ).fetchall()
    for row in rows:
        rule = _rule(row)
        if rule.recipient is None or rule.recipient in recipients:
            taken = connection.execute(
                "UPDATE fault_rules SET remaining = remaining - 1 WHERE id = ? AND remaining > 0", (rule.id,)
            ).rowcount
            if taken == 1:
                return rule
    return None


def listed(connection: Connection) -> list[StoredRule]:
    """Every rule, newest first."""
    rows = connection.execute(f"SELECT {_COLUMNS} FROM fault_rules ORDER BY id DESC").fetchall()  # noqa: S608
    return [_rule(row) for row in rows]


def delete(connection: Connection, rule_id: int | None = None) -> int:
    """Remove one rule, or every rule when `rule_id` is None; returns how many went."""
    if rule_id is None:
        return connection.execute("DELETE FROM fault_rules").rowcount
    return connection.execute("DELETE FROM fault_rules WHERE id = ?", (rule_id,)).rowcount
