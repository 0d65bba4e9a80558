"""A real PostgreSQL 16 for the tests (pgserver, no system install): one per session, a database per use."""

from __future__ import annotations

import itertools
import tempfile
import warnings
from pathlib import Path
from typing import Any, Protocol

ENGINES = ("sqlite", "postgresql")
TEMPLATE = "mock_template"


class DatabaseFactory(Protocol):
    def __call__(self, name: str = "mock") -> str: ...


class PostgresServer:
    """pgserver's server in a temporary directory; `fresh()` answers the URL of a database of its own.

    A database is a copy of a template that already holds the schema and no accounts. A copy costs
    50 to 200 ms (more on a loaded machine), so one a test is done with is recycled instead: its
    rows deleted back to the template's, at about the cost of a reset. One whose schema a
    test changed (a dropped table, another version) is set aside, never reused. None is dropped (a
    DROP waits for a checkpoint): the server's directory goes at the end. psycopg and pgserver are
    imported here, not at the top: a session without PostgreSQL tests never loads them.
    """

    def __init__(self, directory: Path | None = None) -> None:
        import psycopg  # noqa: PLC0415

        # Not under pytest's temporary root: run as root, pgserver runs PostgreSQL as its own user,
        # which must reach the data directory, and every pytest session that starts (another
        # suite on the machine) makes /tmp/pytest-of-root private again, so a server starting then
        # failed now and then. The directory goes with the server.
        self.directory = Path(tempfile.mkdtemp(prefix="turkeysms-pg-", dir=directory))

        with warnings.catch_warnings():
            # platformdirs, under pgserver, when no XDG_RUNTIME_DIR is set (as for root in a container).
            warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR is not set")
            import pgserver  # noqa: PLC0415

            self._server: Any = pgserver.get_server(self.directory, cleanup_mode="delete")

        from turkeysms_mock.records import Seed  # noqa: PLC0415
        from turkeysms_mock.store import schema  # noqa: PLC0415
        from turkeysms_mock.store.database import Database  # noqa: PLC0415

        self._connect = psycopg.connect
        self.url: str = self._server.get_uri()
        self._names = itertools.count(1)
        # A server the session throws away: nothing it writes needs to survive a crash of its own
        # (the tests kill mock instances, never it), so it spends no time on fsyncs.
        for setting in ("fsync = off", "full_page_writes = off", "synchronous_commit = off"):
            self._admin(f"ALTER SYSTEM SET {setting}")
        self._admin("SELECT pg_reload_conf()")
        self._admin(f"CREATE DATABASE {TEMPLATE}")
        template = Database(self.database_url(TEMPLATE))
        schema.prepare(template, Seed())  # the tables, no accounts: every copy seeds its own
        template.close()
        self._lent: list[str] = []
        self._clean: list[str] = []
        with self._connect(self.database_url(TEMPLATE), autocommit=True) as connection:
            self._tables = _tables(connection)
            self._version = _version(connection)
            # What the template holds (the clock row, the schema version, its key secret, …).
            self._rows = {
                table: rows
                for table in self._tables
                if (rows := connection.execute(f"SELECT * FROM {table}").fetchall())
            }

    def _admin(self, sql: str) -> None:
        with self._connect(self.url, autocommit=True) as admin:
            admin.execute(sql)

    def database_url(self, name: str) -> str:
        # pgserver's URL names the database `postgres` and its socket directory as `?host=`.
        return self.url.replace("/postgres?", f"/{name}?", 1)

    def fresh(self, *, empty: bool = False) -> str:
        """A database of the caller's: with the schema (and no accounts), or `empty` (no tables: a
        first start; never recycled). Lent until `recycle()`."""
        if self._clean and not empty:
            name = self._clean.pop()
        else:
            name = f"mock_{next(self._names)}"
            self._admin(f"CREATE DATABASE {name} TEMPLATE {'template0' if empty else TEMPLATE}")
        if not empty:
            self._lent.append(name)
        return self.database_url(name)

    def recycle(self) -> None:
        """Take back every database lent since the last call (their users are done: pools closed,
        servers stopped), each as the template left it, or set aside if its schema was changed."""
        lent, self._lent = self._lent, []
        for name in lent:
            with self._connect(self.database_url(name), autocommit=True) as connection:
                # A session still open (a server's that outlived its test) must not write into the
                # next test's rows.
                connection.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
                if _tables(connection) != self._tables or _version(connection) != self._version:
                    continue
                with connection.transaction():  # DELETEs: cheaper than a TRUNCATE on tables this small
                    connection.execute("SET LOCAL session_replication_role = replica")  # in any order
                    for table in self._tables:
                        connection.execute(f"DELETE FROM {table}")
                    for (sequence,) in connection.execute("SELECT sequencename FROM pg_sequences").fetchall():
                        connection.execute(f"ALTER SEQUENCE {sequence} RESTART")
                    for table, rows in self._rows.items():
                        marks = ", ".join(["%s"] * len(rows[0]))
                        connection.cursor().executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
            self._clean.append(name)

    def stop(self) -> None:
        close_pools()
        self._server.cleanup()


def _tables(connection: Any) -> tuple[str, ...]:
    found = connection.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
    return tuple(name for (name,) in found)


def _version(connection: Any) -> Any:
    return connection.execute("SELECT value FROM meta WHERE name = 'schema_version'").fetchone()


def close_pools() -> None:
    """Close every PostgreSQL pool this process opened (a test's mocks leave theirs open)."""
    from turkeysms_mock.store.postgres import close_all  # noqa: PLC0415

    close_all()
