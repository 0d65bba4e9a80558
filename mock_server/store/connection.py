"""What the store's queries run on: a raw sqlite3 connection, or the PostgreSQL adapter with its surface."""

from __future__ import annotations

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


def skip_locked(connection: Connection) -> str:
    """` FOR UPDATE SKIP LOCKED` on an engine with row locks (PostgreSQL's adapter says so), else ""
    (SQLite's one writer holds the whole database: nothing to skip)."""
    found: str = getattr(connection, "SKIP_LOCKED", "")
    return found
