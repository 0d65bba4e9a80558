"""The tables, created idempotently, and the seed written into an empty database."""

from __future__ import annotations

import sqlite3

from mock_server.domain.seed import Seed
from mock_server.store.database import Database

SCHEMA_VERSION = "1"
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
    outcome TEXT NOT NULL
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
"""


def prepare(database: Database, seed: Seed) -> bool:
    """Create the tables and, in an empty database, the seed's accounts; True when it seeded.

    An existing database keeps its state: a restart must not undo what was answered 200.
    Safe to run from several processes at once: it is one write transaction.
    """
    with database.read() as connection:
        connection.executescript(_DDL)
    with database.write() as connection:
        if connection.execute("SELECT 1 FROM accounts LIMIT 1").fetchone():
            return False
        _write_seed(connection, seed)
        return True


def _write_seed(connection: sqlite3.Connection, seed: Seed) -> None:
    # AUTOINCREMENT continues after sqlite_sequence's value: ids start at provider-like sizes.
    connection.executemany(
        "INSERT OR REPLACE INTO sqlite_sequence (name, seq) VALUES (?, ?)",
        [("messages", FIRST_SMS_ID - 1), ("groups", FIRST_GROUP_ID - 1), ("sender_ids", 12_344)],
    )
    connection.executemany(
        "INSERT OR REPLACE INTO meta (name, value) VALUES (?, ?)",
        [("schema_version", SCHEMA_VERSION), ("seed", seed.source)],
    )
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
            [(key.key, account_id, key.active, ",".join(sorted(key.permissions))) for key in account.keys],
        )
        connection.executemany(
            "INSERT INTO sender_ids (account_id, title, active, document, network_stat) VALUES (?, ?, ?, ?, ?)",
            [(account_id, s.title, s.active, s.document, s.network_stat) for s in account.sender_ids],
        )
