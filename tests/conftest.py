"""Fixtures every suite may use: the database engine a test runs on, and the session's PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.postgres import ENGINES, DatabaseFactory, PostgresServer, close_pools

# `@both_engines` (or `pytestmark = both_engines`) runs a test once on SQLite and once on PostgreSQL:
# the `engine` fixture is parametrized, and every fixture built on `database_target` follows it.
both_engines = pytest.mark.parametrize(
    "engine", [pytest.param(name, marks=getattr(pytest.mark, name)) for name in ENGINES]
)


@pytest.fixture
def engine() -> str:
    """SQLite unless the test is parametrized over `both_engines`."""
    return "sqlite"


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One PostgreSQL 16 for the session, started on first use (about a second), in its own temp dir."""
    server = PostgresServer()
    yield server
    server.stop()


@pytest.fixture
def fresh_database(engine: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[DatabaseFactory]:
    """A factory of new, separate databases on the test's engine (an SQLite path or a PostgreSQL URL)."""
    server: PostgresServer | None = (
        request.getfixturevalue("postgres_server") if engine == "postgresql" else None
    )
    made = iter(range(1, 1_000))

    def new(name: str = "mock") -> str:
        if server is None:
            return str(tmp_path / f"{name}-{next(made)}.sqlite3")
        return server.fresh()

    yield new
    if server is not None:
        close_pools()  # the ones the test's mocks opened
        server.recycle()


@pytest.fixture
def database_target(fresh_database: DatabaseFactory) -> str:
    """Where the test's mock keeps its state: `--db` / create_app's DATABASE."""
    return fresh_database()


@pytest.fixture(scope="session")
def postgresql_database(postgres_server: PostgresServer) -> DatabaseFactory:
    """A factory of new PostgreSQL databases no mock has started on yet (a first start), for any scope:
    e.g. two instances in subprocesses, which open and close their own pools."""

    def new(name: str = "mock") -> str:  # the signature of DatabaseFactory (tests/postgres.py)
        return postgres_server.fresh(empty=True)

    return new
