"""The store: idempotent preparation, provider-sized increasing ids, rollback of a failed write."""

from __future__ import annotations

import threading

import pytest

from tests.conftest import both_engines
from turkeysms_mock.domain import seed
from turkeysms_mock.store import accounts, schema
from turkeysms_mock.store.database import Database


@pytest.fixture
def database(database_target: str) -> Database:
    found = Database(database_target)
    schema.prepare(found, seed.load(None))
    return found


@both_engines
def test_prepare_seeds_only_an_empty_database(database: Database) -> None:
    with database.write() as connection:
        assert accounts.debit(connection, 1, 1500 - 7, 0)
    assert schema.prepare(database, seed.load(None)) is False
    with database.read() as connection:
        assert accounts.balance(connection, 1).main == 7


@both_engines
def test_a_failed_write_leaves_nothing(database: Database) -> None:
    with pytest.raises(RuntimeError), database.write() as connection:
        assert accounts.debit(connection, 1, 1500, 0)
        raise RuntimeError
    with database.read() as connection:
        assert accounts.balance(connection, 1).main == 1500


@both_engines
def test_debit_takes_both_or_nothing(database: Database) -> None:
    with database.write() as connection:
        assert accounts.debit(connection, 1, 10, 251) is False
        assert accounts.debit(connection, 1, 10, 250) is True
        assert accounts.balance(connection, 1) == accounts.Balance(1490, 0)


def test_memory_database_is_shared_by_threads() -> None:
    memory = Database(":memory:")
    schema.prepare(memory, seed.load(None))
    seen: list[int] = []

    def read() -> None:
        with memory.read() as connection:
            seen.append(accounts.balance(connection, 1).main)

    worker = threading.Thread(target=read)
    worker.start()
    worker.join()
    assert seen == [1500]
