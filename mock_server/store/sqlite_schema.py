"""SQLite's dialect of the schema: its DDL, its upgrade steps and how a reset restarts the ids."""

from __future__ import annotations

from collections.abc import Sequence

from .connection import Connection
from .ids import FIRST_GROUP_ID, FIRST_SENDER_ID, FIRST_SMS_ID

NAME = "sqlite"

# The tables at the current schema version; each statement is idempotent, so the upgrade of a
# database made before versions were kept runs them too.
BASELINE = (
    "CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE IF NOT EXISTS accounts (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    active INTEGER NOT NULL,
    main INTEGER NOT NULL CHECK (main >= 0),
    international INTEGER NOT NULL CHECK (international >= 0),
    international_enabled INTEGER NOT NULL,
    rate_limit_per_minute INTEGER NOT NULL,
    webhook_url TEXT,
    webhook_secret TEXT
)""",
    """CREATE TABLE IF NOT EXISTS api_keys (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    active INTEGER NOT NULL,
    permissions TEXT NOT NULL
)""",
    """CREATE TABLE IF NOT EXISTS sender_ids (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    title TEXT NOT NULL,
    active INTEGER NOT NULL,
    document INTEGER NOT NULL,
    network_stat INTEGER NOT NULL,
    UNIQUE (account_id, title)
)""",
    """CREATE TABLE IF NOT EXISTS messages (
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
)""",
    """CREATE TABLE IF NOT EXISTS recipients (
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
)""",
    "CREATE INDEX IF NOT EXISTS recipients_by_message ON recipients (message_id, id)",
    "CREATE INDEX IF NOT EXISTS recipients_by_number ON recipients (number)",
    "CREATE INDEX IF NOT EXISTS recipients_unreported ON recipients (due_at) WHERE reported IS NULL",
    """CREATE TABLE IF NOT EXISTS groups (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    name TEXT NOT NULL,
    created_at REAL NOT NULL,
    deleted_at REAL
)""",
    "CREATE INDEX IF NOT EXISTS groups_by_account ON groups (account_id, deleted_at)",
    """CREATE TABLE IF NOT EXISTS contacts (
    id INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL REFERENCES groups(id),
    number TEXT NOT NULL,
    name TEXT,
    f_01 TEXT,
    f_02 TEXT,
    f_03 TEXT,
    created_at REAL NOT NULL,
    UNIQUE (group_id, number)
)""",
    """CREATE TABLE IF NOT EXISTS blacklist (
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    number TEXT NOT NULL,
    created_at REAL NOT NULL,
    PRIMARY KEY (account_id, number)
) WITHOUT ROWID""",
    "CREATE TABLE IF NOT EXISTS rate_hits (key_id INTEGER NOT NULL, at REAL NOT NULL)",
    "CREATE INDEX IF NOT EXISTS rate_hits_by_key ON rate_hits (key_id, at)",
    # The shared clock and the reset generation.
    """CREATE TABLE IF NOT EXISTS mock_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    clock_offset REAL NOT NULL,
    generation INTEGER NOT NULL
)""",
    "INSERT INTO mock_state (id, clock_offset, generation) VALUES (1, 0, 0) ON CONFLICT DO NOTHING",
    """CREATE TABLE IF NOT EXISTS webhook_events (
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
)""",
    "CREATE INDEX IF NOT EXISTS webhook_events_due ON webhook_events (next_attempt_at) WHERE state = 'pending'",
    """CREATE TABLE IF NOT EXISTS webhook_attempts (
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
)""",
    "CREATE INDEX IF NOT EXISTS webhook_attempts_by_sms ON webhook_attempts (sms_id, id)",
    """CREATE TABLE IF NOT EXISTS fault_rules (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    params TEXT NOT NULL,  -- JSON: code, status, seconds, retry_after, commit
    operation TEXT,
    api_key TEXT,
    recipient TEXT,
    count INTEGER NOT NULL,
    remaining INTEGER NOT NULL,
    created_at REAL NOT NULL
)""",
    "CREATE INDEX IF NOT EXISTS fault_rules_active ON fault_rules (id) WHERE remaining > 0",
    # The inbox's change cursor (store.overview): a forced outcome only UPDATEs a recipient, so a
    # trigger counts those.
    "CREATE TABLE IF NOT EXISTS inbox_changes (id INTEGER PRIMARY KEY CHECK (id = 1), forced INTEGER NOT NULL)",
    "INSERT INTO inbox_changes (id, forced) VALUES (1, 0) ON CONFLICT DO NOTHING",
    """CREATE TRIGGER IF NOT EXISTS inbox_changes_forced AFTER UPDATE OF outcome ON recipients
BEGIN
    UPDATE inbox_changes SET forced = forced + 1 WHERE id = 1;
END""",
)


def schema_version(connection: Connection) -> int | None:
    """The version stored in meta; 0 for a database made before versions were kept, None when empty."""
    if (
        connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone()
        is None
    ):
        return None
    row = connection.execute("SELECT value FROM meta WHERE name = 'schema_version'").fetchone()
    return 0 if row is None else int(row[0])


def lock_schema(connection: Connection) -> None:
    """Nothing: the write transaction preparing the schema (BEGIN IMMEDIATE) excludes every other."""


def _add_reported_column(connection: Connection) -> None:
    # A database made before the webhook sweep existed: its recipients count as reported, so a
    # restart on it does not replay every old delivery to a webhook. Before the baseline, whose index
    # on `reported` needs the column.
    columns = {row[1] for row in connection.execute("PRAGMA table_info(recipients)")}
    if columns and "reported" not in columns:
        connection.execute("ALTER TABLE recipients ADD COLUMN reported TEXT")
        connection.execute("UPDATE recipients SET reported = outcome")


def _to_1(connection: Connection) -> None:
    """Version 0 (no version kept) to 1: the columns and tables added before versions were kept."""
    _add_reported_column(connection)
    for statement in BASELINE:
        connection.execute(statement)


# UPGRADES[n] takes a database from version n to n + 1, inside the write transaction of start-up.
UPGRADES = (_to_1,)

# AUTOINCREMENT continues after sqlite_sequence's value: ids start at provider-like sizes.
_FIRST_IDS = (
    ("messages", FIRST_SMS_ID - 1),
    ("groups", FIRST_GROUP_ID - 1),
    ("sender_ids", FIRST_SENDER_ID - 1),
)


def run_all(connection: Connection, statements: Sequence[str]) -> None:
    """Statements without parameters, one after the other (executescript would commit first)."""
    for statement in statements:
        connection.execute(statement)


def restart_ids(connection: Connection) -> None:
    """Ids of an emptied (or new) database start again where a new one's do."""
    connection.execute("DELETE FROM sqlite_sequence")
    connection.executemany("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", _FIRST_IDS)
