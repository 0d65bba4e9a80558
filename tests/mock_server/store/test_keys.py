"""API keys are kept as keyed hashes: neither the tables nor the stored seed hold one in clear."""

from __future__ import annotations

from pathlib import Path

from flask import Flask

from tests.conftest import both_engines
from turkeysms_mock import create_app
from turkeysms_mock.domain import seed
from turkeysms_mock.store import keys
from turkeysms_mock.store.database import Database

KEY = "test-key"  # the demo account's

pytestmark = both_engines


def _balance(app: Flask, key: str) -> str:
    code: str = app.test_client().post("/balance/", json={"api_key": key}).get_json()["result_code"]
    return code


def test_no_key_is_stored_in_clear(tmp_path: Path, engine: str, database_target: str) -> None:
    app = create_app({"DATABASE": database_target})
    assert _balance(app, KEY) == "TS-1040"
    assert app.test_client().post("/_mock/reset", json={}).status_code == 200
    assert _balance(app, KEY) == "TS-1040"  # the stored seed, redacted, still seeds the key
    database = Database(database_target)
    with database.read() as connection:
        if engine == "sqlite":
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        stored = [row[0] for row in connection.execute("SELECT key FROM api_keys")]
        seeded = connection.execute("SELECT value FROM meta WHERE name = 'seed'").fetchone()[0]
    database.close()
    assert stored and all(len(value) == 64 and KEY not in value for value in stored)
    assert KEY not in seeded
    for file in tmp_path.iterdir():  # SQLite's files (PostgreSQL keeps its own elsewhere)
        assert KEY.encode() not in file.read_bytes(), file.name


def test_a_fingerprint_is_no_key(database_target: str) -> None:
    # What a copy of the stored seed shows must not open the account (no pass-the-hash).
    app = create_app({"DATABASE": database_target})
    assert _balance(app, keys.fingerprint(KEY)) == "TS-1031"


def test_a_seed_may_carry_fingerprints_instead_of_keys(tmp_path: Path, database_target: str) -> None:
    seeded = tmp_path / "seed.yaml"
    seeded.write_text(
        f"accounts: [{{name: a, api_keys: [{{key: '{keys.fingerprint('team-key')}'}}], balance: {{main: 5}}}}]",
        encoding="utf-8",
    )
    app = create_app({"DATABASE": database_target, "SEED": str(seeded)})
    assert _balance(app, "team-key") == "TS-1040"


def test_a_database_with_keys_in_clear_is_upgraded(database_target: str) -> None:
    path = database_target
    create_app({"DATABASE": str(path)})
    database = Database(str(path))
    with database.write() as connection:  # what a database made before the keys were hashed holds
        connection.execute("UPDATE api_keys SET key = ?", (KEY,))
        connection.execute("DELETE FROM meta WHERE name = 'key_secret'")
        connection.execute("UPDATE meta SET value = ? WHERE name = 'seed'", (seed.DEMO_SEED,))
    database.close()
    app = create_app({"DATABASE": str(path)})
    assert _balance(app, KEY) == "TS-1040"
    database = Database(str(path))
    with database.read() as connection:
        assert connection.execute("SELECT key FROM api_keys").fetchone()[0] != KEY
        assert KEY not in connection.execute("SELECT value FROM meta WHERE name = 'seed'").fetchone()[0]
    database.close()


def test_the_key_secret_outlives_a_reset_and_a_restart(database_target: str) -> None:
    # What keys.secret's one read per Database rests on: nothing but the first start writes it.
    def secret() -> str:
        database = Database(database_target)
        with database.read() as connection:
            found: str = connection.execute("SELECT value FROM meta WHERE name = 'key_secret'").fetchone()[0]
        database.close()
        return found

    app = create_app({"DATABASE": database_target})
    first = secret()
    assert app.test_client().post("/_mock/reset", json={}).status_code == 200
    create_app({"DATABASE": database_target})
    assert secret() == first
    assert _balance(app, KEY) == "TS-1040"
