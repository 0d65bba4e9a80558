"""The schema at its version (created, or upgraded step by step, at start-up), the seed, and reset."""

from __future__ import annotations

from ..records import Seed
from . import keys
from .connection import Connection
from .database import Database, DatabaseUnavailableError
from .ids import FIRST_GROUP_ID, FIRST_SMS_ID

__all__ = ["FIRST_GROUP_ID", "FIRST_SMS_ID", "SCHEMA_VERSION", "SchemaError", "prepare", "reset"]

# Bumped with a new step in each dialect's UPGRADES (UPGRADES[n] goes from n to n + 1); each engine's
# DDL is in its own module (sqlite_schema, postgres_schema), the queries are shared.
SCHEMA_VERSION = 1
_SET_VERSION = (
    "INSERT INTO meta (name, value) VALUES ('schema_version', ?)"
    " ON CONFLICT (name) DO UPDATE SET value = excluded.value"
)


class SchemaError(DatabaseUnavailableError):
    """The database was made by a later version of the mock than this one."""


def prepare(database: Database, seed: Seed) -> bool:
    """Create or upgrade the tables and, in an empty database, write the seed; True when it seeded.

    An existing database keeps its state: a restart must not undo what was answered 200. One write
    transaction under the dialect's schema lock, so processes and instances starting together
    create (or upgrade) the schema once, and an upgrade that fails leaves the database as it was.
    """
    dialect = database.dialect
    database.check()
    with database.write() as connection:
        dialect.lock_schema(connection)
        found = dialect.schema_version(connection)
        if found is None:
            for statement in dialect.BASELINE:
                connection.execute(statement)
        elif found > SCHEMA_VERSION:
            raise SchemaError(
                f"{database.describe()} has schema version {found}; this mock knows up to {SCHEMA_VERSION}"
            )
        else:
            for step in dialect.UPGRADES[found:SCHEMA_VERSION]:
                step(connection)
        if found != SCHEMA_VERSION:
            connection.execute(_SET_VERSION, (str(SCHEMA_VERSION),))
        if keys.ensure_secret(connection):
            _hash_clear_keys(connection)
        if connection.execute("SELECT 1 FROM accounts LIMIT 1").fetchone():
            return False
        dialect.restart_ids(connection)
        _write_seed(connection, seed)
        return True


def schema_version(database: Database) -> int | None:
    """The version the database is at (None before the first start)."""
    with database.read() as connection:
        return database.dialect.schema_version(connection)  # type: ignore[no-any-return]


def _hash_clear_keys(connection: Connection) -> None:
    # The upgrade of a database made before keys were hashed (it had no key secret): hash them all.
    rows = connection.execute("SELECT id, key FROM api_keys").fetchall()
    connection.executemany(
        "UPDATE api_keys SET key = ? WHERE id = ?",
        [(keys.stored(connection, keys.seeded_fingerprint(key)), key_id) for key_id, key in rows],
    )


def redact_stored_seed(database: Database, redacted: str) -> None:
    """Replace the stored seed's text (the upgrade of one that kept keys in clear)."""
    with database.write() as connection:
        connection.execute("UPDATE meta SET value = ? WHERE name = 'seed'", (redacted,))


# Every table a reset empties; meta keeps the seed the database was made from.
_STATE_TABLES = (
    "rate_hits",
    "blacklist",
    "contacts",
    "groups",
    "recipients",
    "messages",
    "sender_ids",
    "api_keys",
    "accounts",
    "webhook_attempts",
    "webhook_events",
    "fault_rules",
)
_EMPTY = (
    *(f"DELETE FROM {table}" for table in _STATE_TABLES),  # noqa: S608  # names from above
    "UPDATE mock_state SET clock_offset = 0, generation = generation + 1",
)


def stored_seed(database: Database) -> str | None:
    """The text of the seed the database was made from (the domain parses it), None before seeding."""
    with database.read() as connection:
        row = connection.execute("SELECT value FROM meta WHERE name = 'seed'").fetchone()
    return None if row is None else str(row[0])


def reset(database: Database, seeded: Seed) -> int:
    """Empty every table, write `seeded` (the database's own seed, parsed) again and zero the clock.

    One write transaction, so other workers see the old state or the new one, never a mixture; the
    generation counter tells per-process caches that what they hold is gone. Returns the accounts.
    """
    with database.write() as connection:
        database.dialect.run_all(connection, _EMPTY)
        database.dialect.restart_ids(connection)
        _write_seed(connection, seeded)
    return len(seeded.accounts)


def _write_seed(connection: Connection, seed: Seed) -> None:
    connection.execute(
        "INSERT INTO meta (name, value) VALUES ('seed', ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
        (seed.source,),
    )
    for account in seed.accounts:
        (account_id,) = connection.execute(
            "INSERT INTO accounts (name, active, main, international, international_enabled,"
            " rate_limit_per_minute, webhook_url, webhook_secret) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (
                account.name,
                account.active,
                account.main,
                account.international,
                account.international_enabled,
                account.rate_limit_per_minute,
                account.webhook_url,
                account.webhook_secret,
            ),
        ).fetchone()
        connection.executemany(
            "INSERT INTO api_keys (key, account_id, active, permissions) VALUES (?, ?, ?, ?)",
            [
                (
                    keys.stored(connection, keys.seeded_fingerprint(key.key)),
                    account_id,
                    key.active,
                    ",".join(sorted(key.permissions)),
                )
                for key in account.keys
            ],
        )
        connection.executemany(
            "INSERT INTO sender_ids (account_id, title, active, document, network_stat) VALUES (?, ?, ?, ?, ?)",
            [(account_id, s.title, s.active, s.document, s.network_stat) for s in account.sender_ids],
        )
