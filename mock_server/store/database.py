"""The store's two engines behind one interface; SQLite's: a connection per thread, WAL, `BEGIN IMMEDIATE`."""

from __future__ import annotations

import fcntl
import os
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import TYPE_CHECKING, Any

from .. import extra
from . import sqlite_schema

if TYPE_CHECKING:
    from types import ModuleType

    from .connection import Connection

MEMORY = ":memory:"
# A writer waits this long for another process's transaction before giving up.
BUSY_TIMEOUT_S = 30.0
POSTGRESQL_SCHEMES = ("postgresql://", "postgres://")


def _switch_to_wal(connection: sqlite3.Connection) -> None:
    """`PRAGMA journal_mode=WAL`, retried: while another process switches a new file, SQLite answers
    "database is locked" at once instead of waiting in its busy handler (two instances started together
    on one file made one exit)."""
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


class DatabaseUnavailableError(RuntimeError):
    """The database cannot be used: no server answers, or it was made by a later version of the mock."""


def is_postgresql(target: str) -> bool:
    """Whether `--db` names a PostgreSQL server (a libpq URL) rather than an SQLite file."""
    return target.startswith(POSTGRESQL_SCHEMES)


class Database:
    """Hands out connections: `Database(target)` opens PostgreSQL for a `postgresql://` URL, else SQLite.

    `read()` yields a connection whose every statement is its own snapshot; `write()` one transaction,
    committed when the block ends and rolled back on any error, that no other writer (of any process
    or instance) overlaps. The store's queries run on either: SQLite gets the raw sqlite3 connection.
    """

    # The module holding this engine's DDL, upgrade steps and reset statements (see store.schema).
    dialect: ModuleType
    in_memory = False

    def __new__(cls, target: str, *args: Any, **kwargs: Any) -> Database:
        engine: type[Database] = cls
        if cls is Database:
            if is_postgresql(target):
                extra.require_postgresql("a postgresql:// database")
                from .postgres import PostgresDatabase  # noqa: PLC0415  # psycopg only when asked for

                engine = PostgresDatabase
            else:
                engine = SqliteDatabase
        return super().__new__(engine)

    def read(self) -> AbstractContextManager[Connection]:
        raise NotImplementedError

    def write(self) -> AbstractContextManager[Connection]:
        raise NotImplementedError

    def ping(self) -> bool:
        """True when the database answers a read of the mock's own state: readiness, not liveness."""
        raise NotImplementedError

    def check(self) -> None:
        """Raise DatabaseUnavailableError, saying why, when no server answers (before a first start)."""

    def close(self) -> None:
        raise NotImplementedError

    def describe(self) -> str:
        """What the start-up line names (never a password)."""
        raise NotImplementedError


class SqliteDatabase(Database):
    """A file is shared by processes, `:memory:` by the threads of one process."""

    def __init__(self, path: str) -> None:
        self.dialect = sqlite_schema
        self.path = path
        self.in_memory = path == MEMORY
        self._local = threading.local()
        # An in-memory database lives as long as one connection does, so all threads share it
        # behind a lock; SQLite's shared-cache mode would answer SQLITE_LOCKED instead of waiting.
        self._shared_lock = threading.RLock()
        self._shared: sqlite3.Connection | None = None
        self._name = f"file:turkeysms-mock-{uuid.uuid4().hex}?mode=memory" if self.in_memory else path

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(
            self._name,
            timeout=BUSY_TIMEOUT_S,
            isolation_level=None,  # autocommit; transactions are opened explicitly below
            check_same_thread=not self.in_memory,
            uri=self.in_memory,
            cached_statements=256,
        )
        if not self.in_memory:
            _switch_to_wal(connection)
            # NORMAL in WAL mode loses nothing when the process is killed (only on power loss),
            # and saves an fsync per commit.
            connection.execute("PRAGMA synchronous=NORMAL")
        return connection

    def _connection(self) -> sqlite3.Connection:
        if self.in_memory:
            if self._shared is None:
                self._shared = self._connect()
            return self._shared
        local = self._local
        # A connection must not cross a fork (forked workers): reopen in a new process.
        if getattr(local, "pid", None) != os.getpid():
            local.connection = self._connect()
            # Each thread opens its own descriptor: flock excludes open file descriptions, not processes.
            # A file object, not a bare descriptor, so that it closes with its thread-local when a
            # thread-per-request server lets the thread go.
            local.lock_file = open(self.path + ".lock", "ab")  # noqa: SIM115 (lives as long as the thread)
            local.pid = os.getpid()
        connection: sqlite3.Connection = local.connection
        return connection

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """A connection for reads, each statement its own snapshot."""
        if self.in_memory:
            with self._shared_lock:
                yield self._connection()
        else:
            yield self._connection()

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One `BEGIN IMMEDIATE` transaction: committed when the block ends, rolled back on any error."""
        with self.read() as connection:
            lock_fd = None if self.in_memory else self._local.lock_file.fileno()
            # Writers queue on a file lock first: SQLite's own busy handler polls with sleeps of
            # 1 ms and more, which under several workers costs more than the transaction itself.
            if lock_fd is not None:
                fcntl.flock(lock_fd, fcntl.LOCK_EX)
            try:
                connection.execute("BEGIN IMMEDIATE")
                try:
                    yield connection
                except BaseException:
                    connection.execute("ROLLBACK")
                    raise
                connection.execute("COMMIT")
            finally:
                if lock_fd is not None:
                    fcntl.flock(lock_fd, fcntl.LOCK_UN)

    def ping(self) -> bool:
        try:
            with self.read() as connection:
                return connection.execute("SELECT 1 FROM mock_state").fetchone() is not None
        except sqlite3.Error:
            return False

    def describe(self) -> str:
        return self.path

    def close(self) -> None:
        connection = self._shared if self.in_memory else getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
        lock_file = getattr(self._local, "lock_file", None)
        if lock_file is not None:
            lock_file.close()
        self._shared = None
        self._local = threading.local()
