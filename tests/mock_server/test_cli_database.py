"""Which database the command line uses: --db, else $TURKEYSMS_MOCK_DB; a PostgreSQL URL's password is never shown."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.serving import CONSOLE_SCRIPT
from turkeysms_mock import cli, defaults
from turkeysms_mock.store.postgres import redacted


def test_the_environment_names_the_database_unless_db_does(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(cli.DATABASE_ENV, raising=False)
    assert cli.parser().parse_args([]).db == defaults.DATABASE
    monkeypatch.setenv(cli.DATABASE_ENV, "postgresql://mock@db/mock")
    assert cli.parser().parse_args([]).db == "postgresql://mock@db/mock"
    assert cli.parser().parse_args(["--db", "x.sqlite3"]).db == "x.sqlite3"


def test_a_url_is_shown_without_its_password() -> None:
    assert redacted("postgresql://mock:s3cret@db:5432/mock") == "postgresql://mock:***@db:5432/mock"
    assert (
        redacted("postgresql://mock@db/mock?sslmode=require") == "postgresql://mock@db/mock?sslmode=require"
    )


def test_no_server_at_the_url_is_one_line_and_exit_2(tmp_path: Path) -> None:
    url = f"postgresql://mock:s3cret@/mock?host={tmp_path}"  # no server listens in tmp_path
    done = subprocess.run(
        [*CONSOLE_SCRIPT, "--port", "0", "--db", url], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 2
    [line] = done.stderr.splitlines()
    assert line.startswith(
        f"turkeysms-mock: cannot use the database postgresql://mock:***@/mock?host={tmp_path}: "
    )
    assert "s3cret" not in done.stdout + done.stderr
