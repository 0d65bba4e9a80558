"""A real PostgreSQL 16 for the tests (pgserver, no system install): one per session, a database per use."""

from __future__ import annotations

import itertools
import warnings
from pathlib import Path
from typing import Any, Protocol

ENGINES = ("sqlite", "postgresql")
TEMPLATE = "mock_template"


class DatabaseFactory(Protocol):
    def __call__(self, name: str = "mock") -> str: ...


class PostgresServer:
    """pgserver's server in a temporary directory; `fresh()` answers the URL of a new database.

    Each new database is a copy of a template that already holds the schema (creating it takes
    about as long as copying a database), so a test pays one CREATE DATABASE, about 50 ms. The
    databases are not dropped (a DROP waits for a checkpoint): the server's directory goes at the end.
    psycopg and pgserver are imported here, not at the top: a session without PostgreSQL tests (or
    an environment without the extra) never loads them.
    """

    def __init__(self, directory: Path) -> None:
        import psycopg  # noqa: PLC0415

        with warnings.catch_warnings():
            # platformdirs, under pgserver, when no XDG_RUNTIME_DIR is set (as for root in a container).
            warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR is not set")
            import pgserver  # noqa: PLC0415

            self._server: Any = pgserver.get_server(directory, cleanup_mode="stop")

        from turkeysms_mock.records import Seed  # noqa: PLC0415
        from turkeysms_mock.store import schema  # noqa: PLC0415
        from turkeysms_mock.store.database import Database  # noqa: PLC0415

        self._connect = psycopg.connect
        self.url: str = self._server.get_uri()
        self._names = itertools.count(1)
        self._admin(f"CREATE DATABASE {TEMPLATE}")
        template = Database(self.database_url(TEMPLATE))
        schema.prepare(template, Seed())  # the tables, no accounts: every copy seeds its own
        template.close()

    def _admin(self, sql: str) -> None:
        with self._connect(self.url, autocommit=True) as admin:
            admin.execute(sql)

    def database_url(self, name: str) -> str:
        # pgserver's URL names the database `postgres` and its socket directory as `?host=`.
        return self.url.replace("/postgres?", f"/{name}?", 1)

    def fresh(self, *, empty: bool = False) -> str:
        """A new database: with the schema (and no accounts), or `empty` (no tables: a first start)."""
        name = f"mock_{next(self._names)}"
        self._admin(f"CREATE DATABASE {name} TEMPLATE {'template0' if empty else TEMPLATE}")
        return self.database_url(name)

    def stop(self) -> None:
        close_pools()
        self._server.cleanup()


def close_pools() -> None:
    """Close every PostgreSQL pool this process opened (a test's mocks leave theirs open)."""
    from turkeysms_mock.store.postgres import close_all  # noqa: PLC0415

    close_all()
