"""Queries on accounts, API keys, balances and sender IDs."""

from __future__ import annotations

import functools

from ..records import Balance, Principal, SenderId
from . import keys
from .connection import Connection

_PRINCIPAL = (
    "SELECT k.id, k.active, k.permissions, a.id, a.active, a.rate_limit_per_minute, a.international_enabled"
    " FROM api_keys AS k JOIN accounts AS a ON a.id = k.account_id WHERE k.key = ?"
)


@functools.lru_cache(maxsize=1024)
def permission_set(stored: str) -> frozenset[str]:
    return frozenset(stored.split(",")) if stored else frozenset()


def principal(connection: Connection, key_secret: bytes, key: str) -> Principal | None:
    """The caller presenting `key`, under the database's key secret (keys.secret)."""
    row = connection.execute(_PRINCIPAL, (keys.presented(key_secret, key),)).fetchone()
    if row is None:
        return None
    return Principal(
        key_id=row[0],
        key_active=bool(row[1]),
        permissions=permission_set(row[2]),
        account_id=row[3],
        account_active=bool(row[4]),
        rate_limit_per_minute=row[5],
        international_enabled=bool(row[6]),
    )


def balance(connection: Connection, account_id: int) -> Balance:
    main, international = connection.execute(
        "SELECT main, international FROM accounts WHERE id = ?", (account_id,)
    ).fetchone()
    return Balance(main=main, international=international)


def debit(connection: Connection, account_id: int, main: int, international: int) -> bool:
    """Take both amounts, or nothing when either balance is short."""
    cursor = connection.execute(
        "UPDATE accounts SET main = main - ?, international = international - ?"
        " WHERE id = ? AND main >= ? AND international >= ?",
        (main, international, account_id, main, international),  # positional: the cheapest binding
    )
    return cursor.rowcount == 1


def sender_ids(connection: Connection, account_id: int) -> list[SenderId]:
    rows = connection.execute(
        "SELECT id, title, active, document, network_stat FROM sender_ids WHERE account_id = ? ORDER BY id",
        (account_id,),
    ).fetchall()
    return [SenderId(row[0], row[1], bool(row[2]), bool(row[3]), bool(row[4])) for row in rows]


def sender_id(connection: Connection, account_id: int, title: str) -> SenderId | None:
    row = connection.execute(
        "SELECT id, title, active, document, network_stat FROM sender_ids WHERE account_id = ? AND title = ?",
        (account_id, title),
    ).fetchone()
    return None if row is None else SenderId(row[0], row[1], bool(row[2]), bool(row[3]), bool(row[4]))
