"""The tables, created idempotently, and the seed written into an empty database."""

from __future__ import annotations

import sqlite3

from ..records import Seed
from . import faults, keys
from .database import Database

FIRST_SMS_ID = 1_000_000_000
FIRST_GROUP_ID = 5_000

_DDL = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS accounts (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    active INTEGER NOT NULL,
    main INTEGER NOT NULL CHECK (main >= 0),
    international INTEGER NOT NULL CHECK (international >= 0),
    international_enabled INTEGER NOT NULL,
    rate_limit_per_minute INTEGER NOT NULL,
    webhook_url TEXT,
    webhook_secret TEXT
);
CREATE TABLE IF NOT EXISTS api_keys (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    active INTEGER NOT NULL,
    permissions TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sender_ids (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    title TEXT NOT NULL,
    active INTEGER NOT NULL,
    document INTEGER NOT NULL,
    network_stat INTEGER NOT NULL,
    UNIQUE (account_id, title)
);
CREATE TABLE IF NOT EXISTS messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    sms_lang INTEGER NOT NULL,
    content_type INTEGER NOT NULL,
    report INTEGER NOT NULL,
    credits INTEGER NOT NULL,
    created_at REAL NOT NULL,
    otp_code TEXT
);
CREATE TABLE IF NOT EXISTS recipients (
    id INTEGER PRIMARY KEY,
    message_id INTEGER NOT NULL REFERENCES messages(id),
    number TEXT NOT NULL,
    text TEXT NOT NULL,
    parts INTEGER NOT NULL,
    encoding TEXT NOT NULL,
    country TEXT NOT NULL,
    send_at REAL NOT NULL,
    due_at REAL NOT NULL,
    outcome TEXT NOT NULL,
    reported TEXT  -- the last status the webhook sweep or a forced change accounted for
);
CREATE INDEX IF NOT EXISTS recipients_by_message ON recipients (message_id, id);
CREATE INDEX IF NOT EXISTS recipients_by_number ON recipients (number);
CREATE TABLE IF NOT EXISTS groups (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    name TEXT NOT NULL,
    created_at REAL NOT NULL,
    deleted_at REAL
);
CREATE INDEX IF NOT EXISTS groups_by_account ON groups (account_id, deleted_at);
CREATE TABLE IF NOT EXISTS contacts (
    id INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL REFERENCES groups(id),
    number TEXT NOT NULL,
    name TEXT,
    f_01 TEXT,
    f_02 TEXT,
    f_03 TEXT,
    created_at REAL NOT NULL,
    UNIQUE (group_id, number)
);
CREATE TABLE IF NOT EXISTS blacklist (
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    number TEXT NOT NULL,
    created_at REAL NOT NULL,
    PRIMARY KEY (account_id, number)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS rate_hits (key_id INTEGER NOT NULL, at REAL NOT NULL);
CREATE INDEX IF NOT EXISTS rate_hits_by_key ON rate_hits (key_id, at);
-- The shared clock, the reset generation and the webhook outbox.
CREATE TABLE IF NOT EXISTS mock_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    clock_offset REAL NOT NULL,
    generation INTEGER NOT NULL
);
INSERT OR IGNORE INTO mock_state (id, clock_offset, generation) VALUES (1, 0, 0);
CREATE INDEX IF NOT EXISTS recipients_unreported ON recipients (due_at) WHERE reported IS NULL;
CREATE TABLE IF NOT EXISTS webhook_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL,
    sms_id INTEGER NOT NULL,
    recipient TEXT NOT NULL,
    status TEXT NOT NULL,
    updated_at REAL NOT NULL,
    created_at REAL NOT NULL,
    url TEXT NOT NULL,
    secret TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending',  -- pending | delivered | abandoned
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at REAL NOT NULL,
    lease_owner TEXT,
    lease_until REAL  -- wall-clock seconds: a crashed worker's claim lapses in real time
);
CREATE INDEX IF NOT EXISTS webhook_events_due ON webhook_events (next_attempt_at) WHERE state = 'pending';
CREATE TABLE IF NOT EXISTS webhook_attempts (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL,
    sms_id INTEGER NOT NULL,
    recipient TEXT NOT NULL,
    status TEXT NOT NULL,
    url TEXT NOT NULL,
    attempt INTEGER NOT NULL,
    outcome TEXT NOT NULL,
    response_status INTEGER,
    error TEXT,
    attempted_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS webhook_attempts_by_sms ON webhook_attempts (sms_id, id);
"""


def prepare(database: Database, seed: Seed) -> bool:
    """Create the tables and, in an empty database, the seed's accounts; True when it seeded.

    An existing database keeps its state: a restart must not undo what was answered 200.
    Safe to run from several processes at once: it is one write transaction.
    """
    with database.read() as connection:
        _add_reported_column(connection)
        connection.executescript(_DDL)
        connection.executescript(faults.DDL)
    with database.write() as connection:
        if keys.ensure_secret(connection):
            _hash_clear_keys(connection)
        if connection.execute("SELECT 1 FROM accounts LIMIT 1").fetchone():
            return False
        _write_seed(connection, seed)
        return True


def _add_reported_column(connection: sqlite3.Connection) -> None:
    # A database made before the webhook sweep existed: its recipients count as reported, so a
    # restart on it does not replay every old delivery to a webhook.
    # Runs before the DDL, whose index on `reported` needs the column; a new database has no table yet.
    columns = {row[1] for row in connection.execute("PRAGMA table_info(recipients)")}
    if columns and "reported" not in columns:
        connection.execute("ALTER TABLE recipients ADD COLUMN reported TEXT")
        connection.execute("UPDATE recipients SET reported = outcome")


def _hash_clear_keys(connection: sqlite3.Connection) -> None:
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
        for table in _STATE_TABLES:
            connection.execute(f"DELETE FROM {table}")  # noqa: S608  # names from the tuple above
        connection.execute("DELETE FROM sqlite_sequence")
        connection.execute("UPDATE mock_state SET clock_offset = 0, generation = generation + 1")
        _write_seed(connection, seeded)
    return len(seeded.accounts)


def _write_seed(connection: sqlite3.Connection, seed: Seed) -> None:
    # AUTOINCREMENT continues after sqlite_sequence's value: ids start at provider-like sizes.
    connection.executemany(
        "INSERT OR REPLACE INTO sqlite_sequence (name, seq) VALUES (?, ?)",
        [("messages", FIRST_SMS_ID - 1), ("groups", FIRST_GROUP_ID - 1), ("sender_ids", 12_344)],
    )
    # No schema version is kept: the one migration (_add_reported_column) reads the table itself.
    connection.execute("INSERT OR REPLACE INTO meta (name, value) VALUES ('seed', ?)", (seed.source,))
    for account in seed.accounts:
        cursor = connection.execute(
            "INSERT INTO accounts (name, active, main, international, international_enabled,"
            " rate_limit_per_minute, webhook_url, webhook_secret) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
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
        )
        account_id = cursor.lastrowid
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
