"""Live edits of accounts, keys, balances and sender IDs, and the account listing they answer with."""

from __future__ import annotations

from dataclasses import dataclass

from . import keys as key_values
from .connection import Connection

# What the domain's edit callbacks are handed: a connection inside a write transaction.
__all__ = ["Connection"]
# Balances stay within this, so that no sum overflows either engine's 64-bit integers.
MAX_AMOUNT = 10**15


@dataclass(frozen=True, slots=True)
class KeyRow:
    id: int
    active: bool
    permissions: str  # comma-separated, as api_keys stores them


@dataclass(frozen=True, slots=True)
class SenderRow:
    title: str
    active: bool


@dataclass(frozen=True, slots=True)
class AccountRow:
    id: int
    name: str
    active: bool
    international_enabled: bool
    rate_limit_per_minute: int
    main: int
    international: int
    webhook_url: str | None
    sender_ids: tuple[SenderRow, ...]
    keys: tuple[KeyRow, ...]


_ACCOUNT = (
    "SELECT id, name, active, international_enabled, rate_limit_per_minute, main, international, webhook_url"
    " FROM accounts"
)


def _with_children(
    connection: Connection, row: tuple[int, str, int, int, int, int, int, str | None]
) -> AccountRow:
    senders = connection.execute(
        "SELECT title, active FROM sender_ids WHERE account_id = ? ORDER BY id", (row[0],)
    ).fetchall()
    keys = connection.execute(
        "SELECT id, active, permissions FROM api_keys WHERE account_id = ? ORDER BY id", (row[0],)
    ).fetchall()
    return AccountRow(
        id=row[0],
        name=row[1],
        active=bool(row[2]),
        international_enabled=bool(row[3]),
        rate_limit_per_minute=row[4],
        main=row[5],
        international=row[6],
        webhook_url=row[7],
        sender_ids=tuple(SenderRow(title, bool(active)) for title, active in senders),
        keys=tuple(KeyRow(key_id, bool(active), permissions) for key_id, active, permissions in keys),
    )


def accounts(connection: Connection) -> list[AccountRow]:
    rows = connection.execute(f"{_ACCOUNT} ORDER BY id").fetchall()
    return [_with_children(connection, row) for row in rows]


def account(connection: Connection, name: str) -> AccountRow | None:
    row = connection.execute(f"{_ACCOUNT} WHERE name = ?", (name,)).fetchone()
    return None if row is None else _with_children(connection, row)


def update_account(
    connection: Connection,
    account_id: int,
    *,
    active: bool | None = None,
    international_enabled: bool | None = None,
    rate_limit_per_minute: int | None = None,
) -> None:
    connection.execute(
        "UPDATE accounts SET active = COALESCE(?, active),"
        " international_enabled = COALESCE(?, international_enabled),"
        " rate_limit_per_minute = COALESCE(?, rate_limit_per_minute) WHERE id = ?",
        (active, international_enabled, rate_limit_per_minute, account_id),
    )


def change_balance(
    connection: Connection, account_id: int, main: int | None, international: int | None, *, add: bool
) -> bool:
    """Add to (or set) the balances that are not None; False, changing nothing, past MAX_AMOUNT."""
    if add:
        cursor = connection.execute(
            "UPDATE accounts SET main = main + :main, international = international + :international"
            " WHERE id = :id AND main + :main <= :most AND international + :international <= :most",
            {"main": main or 0, "international": international or 0, "id": account_id, "most": MAX_AMOUNT},
        )
        return cursor.rowcount == 1
    connection.execute(
        "UPDATE accounts SET main = COALESCE(?, main), international = COALESCE(?, international) WHERE id = ?",
        (main, international, account_id),
    )
    return True


def add_key(connection: Connection, account_id: int, key: str, permissions: str, active: bool) -> bool:
    """False when the key exists already (in any account)."""
    cursor = connection.execute(
        "INSERT INTO api_keys (key, account_id, active, permissions) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
        (key_values.lookup(connection, key), account_id, active, permissions),
    )
    return cursor.rowcount == 1


def update_key(
    connection: Connection, account_id: int, key: str, active: bool | None, permissions: str | None
) -> bool:
    """False when the account has no such key."""
    cursor = connection.execute(
        "UPDATE api_keys SET active = COALESCE(?, active), permissions = COALESCE(?, permissions)"
        " WHERE account_id = ? AND key = ?",
        (active, permissions, account_id, key_values.lookup(connection, key)),
    )
    return cursor.rowcount == 1


def add_sender(connection: Connection, account_id: int, title: str, active: bool) -> bool:
    """False when the account has the title already."""
    cursor = connection.execute(
        "INSERT INTO sender_ids (account_id, title, active, document, network_stat)"
        " VALUES (?, ?, ?, 1, 1) ON CONFLICT DO NOTHING",
        (account_id, title, active),
    )
    return cursor.rowcount == 1


def update_sender(connection: Connection, account_id: int, title: str, active: bool) -> bool:
    cursor = connection.execute(
        "UPDATE sender_ids SET active = ? WHERE account_id = ? AND title = ?", (active, account_id, title)
    )
    return cursor.rowcount == 1
