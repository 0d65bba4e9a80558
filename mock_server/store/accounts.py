"""Queries on accounts, API keys, balances and sender IDs."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from ..records import Balance, Principal, SenderId
from . import keys
from .connection import Connection

# The columns principal_of and sender_of read, in their order (store/first_read.py selects them too).
PRINCIPAL_COLUMNS = (
    "k.id, k.active, k.permissions, a.id, a.active, a.rate_limit_per_minute, a.international_enabled"
)
SENDER_COLUMNS = "id, title, active, document, network_stat"
_PRINCIPAL = (
    f"SELECT {PRINCIPAL_COLUMNS} FROM api_keys AS k"  # noqa: S608 (constant)
    " JOIN accounts AS a ON a.id = k.account_id WHERE k.key = ?"
)


@functools.lru_cache(maxsize=1024)
def permission_set(stored: str) -> frozenset[str]:
    return frozenset(stored.split(",")) if stored else frozenset()


def principal_of(row: Sequence[Any], **first_read: Any) -> Principal:
    """A Principal from PRINCIPAL_COLUMNS' values; `first_read` fills the fields only that read has."""
    return Principal(
        key_id=row[0],
        key_active=bool(row[1]),
        permissions=permission_set(row[2]),
        account_id=row[3],
        account_active=bool(row[4]),
        rate_limit_per_minute=row[5],
        international_enabled=bool(row[6]),
        **first_read,
    )


def sender_of(row: Sequence[Any]) -> SenderId:
    """A SenderId from SENDER_COLUMNS' values."""
    return SenderId(row[0], row[1], bool(row[2]), bool(row[3]), bool(row[4]))


def principal(connection: Connection, key_secret: bytes, key: str) -> Principal | None:
    """The caller presenting `key`, under the database's key secret (keys.secret)."""
    row = connection.execute(_PRINCIPAL, (keys.presented(key_secret, key),)).fetchone()
    return None if row is None else principal_of(row)


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
        f"SELECT {SENDER_COLUMNS} FROM sender_ids WHERE account_id = ? ORDER BY id",  # noqa: S608 (constant)
        (account_id,),
    ).fetchall()
    return [sender_of(row) for row in rows]


def sender_id(connection: Connection, account_id: int, title: str) -> SenderId | None:
    row = connection.execute(
        f"SELECT {SENDER_COLUMNS} FROM sender_ids WHERE account_id = ? AND title = ?",  # noqa: S608 (constant)
        (account_id, title),
    ).fetchone()
    return None if row is None else sender_of(row)
