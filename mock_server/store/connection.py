"""What the store's queries run on: a raw sqlite3 connection, or the PostgreSQL adapter with its surface."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any, Protocol


class Cursor(Protocol):
    """The part of a DB-API cursor the queries use."""

    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """`execute(sql, params)` with `?` or `:name` placeholders, and `executemany`; sqlite3's own."""

    def execute(self, sql: str, parameters: Any = ..., /) -> Cursor: ...

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> Any: ...


def inserted_id(connection: Connection, insert: str, parameters: Any) -> int:
    """Run a one-row INSERT and answer the row's id: sqlite3's lastrowid (cheaper than RETURNING, which
    costs a send about 2 µs), or `RETURNING id` where there is no lastrowid (PostgreSQL)."""
    if isinstance(connection, sqlite3.Connection):
        found = connection.execute(insert, parameters).lastrowid
    else:
        (found,) = connection.execute(insert + " RETURNING id", parameters).fetchone()
    assert found is not None
    return int(found)


def skip_locked(connection: Connection) -> str:
    """` FOR UPDATE SKIP LOCKED` on an engine with row locks (PostgreSQL's adapter says so), else ""
    (SQLite's one writer holds the whole database: nothing to skip)."""
    found: str = getattr(connection, "SKIP_LOCKED", "")
    return found
