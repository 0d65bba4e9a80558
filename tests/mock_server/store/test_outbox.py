"""The outbox's leases: one owner at a time, a lapsed claim is taken over, a stale owner records nothing."""

from __future__ import annotations

from tests.conftest import both_engines
from turkeysms_mock.domain.seed import load
from turkeysms_mock.store import outbox, schema
from turkeysms_mock.store.database import Database

pytestmark = both_engines


def _database(target: str) -> Database:
    database = Database(target)
    schema.prepare(database, load(None))
    with database.write() as connection:
        outbox.configure(connection, 1, "http://127.0.0.1:9/h", "s")
        outbox.enqueue(
            connection,
            account_id=1,
            sms_id=7,
            recipient="905321234567",
            status="delivered",
            updated_at=1,
            now=100,
        )
    return database


def test_a_lease_is_exclusive_until_it_lapses(database_target: str) -> None:
    database = _database(database_target)
    with database.write() as connection:
        [mine] = outbox.claim(connection, now=100, wall=1000, owner="a", lease_s=30, limit=10)
        assert outbox.claim(connection, now=10**9, wall=1029, owner="b", lease_s=30, limit=10) == []
        assert outbox.leased_due(connection, now=100, wall=1029) == 1
        # Owner a died: its lease lapses on the wall clock and b takes the event over.
        [taken] = outbox.claim(connection, now=100, wall=1031, owner="b", lease_s=30, limit=10)
        assert taken.id == mine.id
        stale = dict(
            owner="a",
            outcome="delivered",
            response_status=204,
            error=None,
            attempted_at=100,
            next_attempt_at=None,
        )
        assert outbox.record(connection, mine, **stale) is False  # type: ignore[arg-type]
        assert outbox.record(connection, taken, **{**stale, "owner": "b"}) is True  # type: ignore[arg-type]
        assert [a.attempt for a in outbox.attempts(connection, 7, 10)] == [1]
        assert outbox.waiting(connection, None) == []
    database.close()


def test_a_failed_attempt_waits_until_its_next_time(database_target: str) -> None:
    database = _database(database_target)
    with database.write() as connection:
        [event] = outbox.claim(connection, now=100, wall=0, owner="a", lease_s=30, limit=10)
        outbox.record(
            connection,
            event,
            owner="a",
            outcome="timeout",
            response_status=None,
            error="slow",
            attempted_at=100,
            next_attempt_at=110,
        )
        assert outbox.claim(connection, now=109, wall=0, owner="a", lease_s=30, limit=10) == []
        [again] = outbox.claim(connection, now=110, wall=0, owner="a", lease_s=30, limit=10)
        assert again.attempts == 1
        assert [(w.attempts, w.next_attempt_at) for w in outbox.waiting(connection, 7)] == [(1, 110)]
    database.close()
