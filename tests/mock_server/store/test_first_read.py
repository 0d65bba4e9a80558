"""A request's first read: fault rules active, the clock, the key with its account and sender ID, in one statement."""

from __future__ import annotations

import pytest

from tests.conftest import both_engines
from turkeysms_mock.domain import seed
from turkeysms_mock.store import clock, faults, first_read, keys, schema
from turkeysms_mock.store.database import Database

pytestmark = both_engines
KEY = "test-key"  # the demo account's


@pytest.fixture
def database(database_target: str) -> Database:
    found = Database(database_target)
    schema.prepare(found, seed.load(None))
    return found


def _read(database: Database, key: str | None, title: str | None = None) -> first_read.FirstRead:
    with database.read() as connection:
        found = first_read.read(connection, keys.secret(database, connection), key, title)
    assert found is not None
    return found


def test_the_key_its_account_and_the_named_sender_id(database: Database) -> None:
    found = _read(database, KEY, "MyCompany").principal
    assert found is not None
    assert (found.key_active, found.account_active, found.sender_title) == (True, True, "MyCompany")
    assert found.sender is not None and found.sender.title == "MyCompany" and found.sender.active
    other = _read(database, KEY, "Nobody").principal
    assert other is not None and other.sender_title == "Nobody" and other.sender is None
    untitled = _read(database, KEY).principal
    assert untitled is not None and untitled.sender_title is None  # not read: require_sender reads it


def test_an_unknown_or_absent_key_is_nobody(database: Database) -> None:
    assert _read(database, "not-a-key", "TurkeySMS").principal is None
    assert _read(database, keys.fingerprint(KEY)).principal is None  # the stored seed's value opens nothing
    assert _read(database, None).principal is None


def test_fault_rules_and_the_clock_as_they_stand(database: Database) -> None:
    assert _read(database, None).faults_active is False
    with database.write() as connection:
        faults.add(connection, "status", {"status": 500}, (None, None, None), count=1, now=0.0)
        clock.advance(connection, 60.0)
    assert _read(database, None).faults_active is True
    principal = _read(database, KEY).principal
    assert principal is not None and principal.clock_offset == 60.0
    with database.write() as connection:
        assert faults.take(connection, "/sms/send", None, []) is not None  # its one use
    assert _read(database, None).faults_active is False
