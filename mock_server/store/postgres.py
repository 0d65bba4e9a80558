"""PostgreSQL: a psycopg 3 connection pool per process, and the adapter that runs the store's SQL on it."""

from __future__ import annotations

import atexit
import functools
import os
import re
import threading
import weakref
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg
import psycopg_pool
from psycopg.adapt import Buffer, Dumper
from psycopg.pq import Format
from psycopg.types.string import StrDumperUnknown, TextLoader

from . import postgres_schema
from .database import Database, DatabaseUnavailableError

# Every write transaction holds this advisory lock, as every SQLite writer holds the database's write
# lock: writers of every process and instance queue on it, so each check-then-write of the domain
# (rate limit, fault rules, the sweep that enqueues webhooks, a reset) stays one step across instances.
WRITE_LOCK = 0x7475726B6579_0002
_LOCK = f"SELECT pg_advisory_xact_lock({WRITE_LOCK})"
# Connections per process: the request threads, the webhook sender and the advance that settles.
POOL_MIN = 1
POOL_MAX = 16
# How long a request waits for a free connection, and a health check for any answer at all.
POOL_TIMEOUT_S = 30.0
PING_TIMEOUT_S = 2.0
# Start-up's first look at the server: one line and exit 2 when there is none, not the pool's wait.
CONNECT_TIMEOUT_S = 5

# A quoted literal (skipped), a `?`, a `:name` (not a `::` cast) or a `%` (psycopg's own marker).
_TOKEN = re.compile(r"'(?:[^']|'')*'|::|\?|:([A-Za-z_]\w*)|%")


@functools.lru_cache(maxsize=1024)
def placeholders(sql: str) -> str:
    """The store's SQL (`?` and `:name`, as sqlite3 takes them) in psycopg's (`%s`, `%(name)s`)."""

    def spelled(match: re.Match[str]) -> str:
        found = match.group(0)
        if found == "?":
            return "%s"
        if found == "%":
            return "%%"
        if match.group(1) is not None:
            return f"%({match.group(1)})s"
        return found.replace("%", "%%") if found.startswith("'") else found

    return _TOKEN.sub(spelled, sql)


class _BoolAsInteger(Dumper):
    """Python's bool as the 0/1 integer the tables hold (SQLite's own representation)."""

    format = Format.TEXT
    oid = psycopg.postgres.types["int8"].oid

    def dump(self, obj: Any) -> bytes:
        return b"1" if obj else b"0"


class PgConnection:
    """The sqlite3 surface the store uses, on a psycopg connection: `execute` answers psycopg's cursor."""

    __slots__ = ("raw",)
    # What store.connection.skip_locked finds: row locks exist here.
    SKIP_LOCKED = " FOR UPDATE SKIP LOCKED"

    def __init__(self, raw: psycopg.Connection[Any]) -> None:
        self.raw = raw

    def execute(self, sql: str, parameters: Any = None, /) -> psycopg.Cursor[Any]:
        if parameters is None:  # no placeholders to translate (DDL, constants)
            return self.raw.execute(sql)
        return self.raw.execute(placeholders(sql), parameters)

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> psycopg.Cursor[Any]:
        cursor = self.raw.cursor()
        cursor.executemany(placeholders(sql), parameters)
        return cursor


# PostgreSQL's text cannot hold U+0000, which SQLite's does (a JSON body may carry "\u0000" in any
# text): the adapter stores it escaped, reversibly, behind a private-use character that escapes itself.
_ESCAPE = "\ue000"
_ESCAPED = re.compile("\ue000(.)", re.DOTALL)


def escaped(value: str) -> str:
    if "\x00" not in value and _ESCAPE not in value:
        return value
    return value.replace(_ESCAPE, _ESCAPE + _ESCAPE).replace("\x00", _ESCAPE + "0")


def unescaped(value: str) -> str:
    return _ESCAPED.sub(lambda found: "\x00" if found.group(1) == "0" else found.group(1), value)


class _Text(StrDumperUnknown):
    """psycopg's default for str (PostgreSQL infers the type), with U+0000 escaped."""

    def dump(self, obj: str) -> Buffer | None:
        return super().dump(escaped(obj))


class _TextLoader(TextLoader):
    """psycopg's text loader, with U+0000 restored (a containment test when nothing was escaped)."""

    def load(self, data: Buffer) -> bytes | str:
        value = super().load(data)
        return unescaped(value) if isinstance(value, str) and _ESCAPE in value else value


def _configure(connection: psycopg.Connection[Any]) -> None:
    connection.adapters.register_dumper(bool, _BoolAsInteger)
    connection.adapters.register_dumper(str, _Text)
    connection.adapters.register_loader("text", _TextLoader)


def redacted(url: str) -> str:
    """The URL without its password, for the start-up line and logs."""
    parts = urlsplit(url)
    if not parts.password:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    return urlunsplit(parts._replace(netloc=f"{parts.username or ''}:***@{host}"))


class PostgresDatabase(Database):
    """A server shared by any number of processes and instances; a pool per process, opened on first use."""

    def __init__(self, url: str) -> None:
        self.dialect = postgres_schema
        self.path = url
        self._pool: psycopg_pool.ConnectionPool[Any] | None = None
        self._pid = 0
        self._opening = threading.Lock()
        self._closed = False
        _OPENED.add(self)

    def _connections(self) -> psycopg_pool.ConnectionPool[Any]:
        pool = self._pool
        # A pool (its sockets and threads) must not cross a fork: the forked worker opens its own and
        # leaves the parent's alone.
        if pool is None or self._pid != os.getpid():
            with self._opening:
                if self._closed:
                    # For good: a thread that outlives its mock (a webhook sender) must not reopen a
                    # pool on a database that someone else may be using by now.
                    raise DatabaseUnavailableError(f"{self.describe()} was closed")
                if self._pool is None or self._pid != os.getpid():
                    self._pool = psycopg_pool.ConnectionPool(
                        self.path,
                        min_size=POOL_MIN,
                        max_size=POOL_MAX,
                        timeout=POOL_TIMEOUT_S,
                        kwargs={"autocommit": True},
                        configure=_configure,
                        name="turkeysms-mock",
                        open=True,
                    )
                    self._pid = os.getpid()
                pool = self._pool
        return pool

    @contextmanager
    def read(self) -> Iterator[PgConnection]:
        with self._connections().connection() as raw:
            yield PgConnection(raw)

    @contextmanager
    def write(self) -> Iterator[PgConnection]:
        with self._connections().connection() as raw, raw.transaction():
            raw.execute(_LOCK)
            yield PgConnection(raw)

    def ping(self) -> bool:
        try:
            with self._connections().connection(timeout=PING_TIMEOUT_S) as raw:
                return raw.execute("SELECT 1 FROM mock_state").fetchone() is not None
        except (psycopg.Error, psycopg_pool.PoolTimeout):
            return False

    def check(self) -> None:
        try:
            psycopg.connect(self.path, connect_timeout=CONNECT_TIMEOUT_S).close()
        except psycopg.Error as error:
            raise DatabaseUnavailableError(" ".join(str(error).split())) from None

    def describe(self) -> str:
        return redacted(self.path)

    def close(self) -> None:
        """Close this process's pool; the database is not opened again (a forked worker's own is)."""
        with self._opening:
            self._closed = True
            if self._pool is not None and self._pid == os.getpid():
                self._pool.close()
            self._pool = None


# Every database of this process, so that its pools close on exit (their server sessions end at once,
# not when the server notices the socket) and a test can close the ones it opened.
_OPENED: weakref.WeakSet[PostgresDatabase] = weakref.WeakSet()


@atexit.register
def close_all() -> None:
    """Close the pool of every PostgreSQL database this process opened."""
    for database in list(_OPENED):
        database.close()
