"""The schema's version: created at the current one, upgraded step by step, refused when newer; reset."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from tests.conftest import both_engines
from tests.postgres import PostgresServer, close_pools
from turkeysms_mock.domain import seed
from turkeysms_mock.store import accounts, messages, postgres_schema, schema, sqlite_schema
from turkeysms_mock.store.database import Database
from turkeysms_mock.store.ids import FIRST_SMS_ID
from turkeysms_mock.store.postgres import placeholders


@pytest.fixture
def empty_target(engine: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """A database no mock has started on: no tables at all."""
    if engine == "sqlite":
        return str(tmp_path / "first.sqlite3")
    server: PostgresServer = request.getfixturevalue("postgres_server")
    request.addfinalizer(close_pools)
    return server.fresh(empty=True)


def _send(database: Database) -> int:
    with database.write() as connection:
        assert accounts.debit(connection, 1, 1, 0)
        return messages.insert(
            connection,
            account_id=1,
            kind="sms",
            title="MyCompany",
            sms_lang=0,
            content_type=1,
            report=1,
            credits=1,
            created_at=0.0,
            otp_code=None,
            recipients=(),
        )


def test_each_dialect_has_a_step_per_version() -> None:
    assert len(sqlite_schema.UPGRADES) == len(postgres_schema.UPGRADES) == schema.SCHEMA_VERSION


@both_engines
def test_a_first_start_creates_the_schema_at_its_version(empty_target: str) -> None:
    database = Database(empty_target)
    assert schema.schema_version(database) is None
    assert schema.prepare(database, seed.load(None)) is True
    assert schema.schema_version(database) == schema.SCHEMA_VERSION
    assert _send(database) == FIRST_SMS_ID
    assert schema.prepare(database, seed.load(None)) is False  # a restart keeps the state
    assert _send(database) == FIRST_SMS_ID + 1
    database.close()


@both_engines
def test_instances_starting_together_create_one_schema_and_one_seed(empty_target: str) -> None:
    seeded: list[bool] = []
    errors: list[BaseException] = []

    def start() -> None:
        database = Database(empty_target)  # each its own pool, as separate instances have
        try:
            seeded.append(schema.prepare(database, seed.load(None)))
        except BaseException as error:  # reported below, on the test's thread
            errors.append(error)
        finally:
            database.close()

    threads = [threading.Thread(target=start) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(seeded) == [False, False, False, True]
    database = Database(empty_target)
    with database.read() as connection:
        assert connection.execute("SELECT COUNT(*) FROM accounts").fetchone()[0] == 1
    database.close()


@both_engines
def test_a_database_of_a_later_version_is_refused_untouched(database_target: str) -> None:
    database = Database(database_target)
    schema.prepare(database, seed.load(None))
    with database.write() as connection:
        connection.execute(
            "UPDATE meta SET value = ? WHERE name = 'schema_version'", (str(schema.SCHEMA_VERSION + 1),)
        )
    with pytest.raises(schema.SchemaError, match=f"schema version {schema.SCHEMA_VERSION + 1}"):
        schema.prepare(database, seed.load(None))
    assert schema.schema_version(database) == schema.SCHEMA_VERSION + 1
    database.close()


def test_an_sqlite_database_from_before_versions_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    database = Database(str(path))
    schema.prepare(database, seed.load(None))
    sms_id = _send(database)
    database.close()
    # What a database made before the webhook sweep and the schema version held.
    with sqlite3.connect(path) as old:
        old.execute("DELETE FROM meta WHERE name = 'schema_version'")
        old.execute("DROP INDEX recipients_unreported")
        old.execute("DROP TRIGGER inbox_changes_forced")
        old.execute("DROP TABLE inbox_changes")
        old.execute("ALTER TABLE recipients DROP COLUMN reported")
    old.close()
    database = Database(str(path))
    assert schema.schema_version(database) == 0
    assert schema.prepare(database, seed.load(None)) is False
    assert schema.schema_version(database) == schema.SCHEMA_VERSION
    with database.read() as connection:
        assert connection.execute("SELECT forced FROM inbox_changes").fetchone()[0] == 0
        assert connection.execute("SELECT id FROM messages").fetchone()[0] == sms_id
    assert _send(database) == sms_id + 1
    database.close()


@both_engines
def test_reset_is_the_seed_again_with_the_ids_restarted(database_target: str) -> None:
    database = Database(database_target)
    loaded = seed.load(None)
    schema.prepare(database, loaded)
    _send(database)
    with database.write() as connection:
        connection.execute("UPDATE accounts SET main = 3")
    assert schema.reset(database, loaded) == 1
    with database.read() as connection:
        assert accounts.balance(connection, 1).main == 1500
        assert connection.execute("SELECT COUNT(*) FROM messages").fetchone()[0] == 0
        assert connection.execute("SELECT generation FROM mock_state").fetchone()[0] == 1
    assert _send(database) == FIRST_SMS_ID
    database.close()


@both_engines
def test_a_reset_that_fails_leaves_everything_as_it_was(
    database_target: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = Database(database_target)
    loaded = seed.load(None)
    schema.prepare(database, loaded)
    sms_id = _send(database)

    def broken(*_: object) -> None:
        raise RuntimeError("the seed could not be written")

    monkeypatch.setattr(schema, "_write_seed", broken)
    with pytest.raises(RuntimeError):
        schema.reset(database, loaded)
    monkeypatch.undo()
    with database.read() as connection:
        assert connection.execute("SELECT COUNT(*) FROM accounts").fetchone()[0] == 1
        assert connection.execute("SELECT generation FROM mock_state").fetchone()[0] == 0
    assert _send(database) == sms_id + 1  # the id sequence was not restarted either
    database.close()


def test_the_placeholders_are_translated_outside_literals_only() -> None:
    assert placeholders("SELECT ? , :now, '?:x%' FROM t WHERE a::text LIKE '%' AND b % 2 = ?") == (
        "SELECT %s , %(now)s, '?:x%%' FROM t WHERE a::text LIKE '%%' AND b %% 2 = %s"
    )
    assert placeholders("SELECT 'it''s ?' , ?") == "SELECT 'it''s ?' , %s"


@pytest.mark.postgresql
def test_an_unreachable_server_is_not_ready(tmp_path: Path) -> None:
    database = Database(f"postgresql://nobody@/mock?host={tmp_path}")  # no server listens there
    assert database.ping() is False
    database.close()
