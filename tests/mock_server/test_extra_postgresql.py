"""Without the `postgresql` extra the mock still starts on SQLite, and a postgresql:// URL names the install line."""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

from tests.mock_server.test_extra import ROOT, _canonical, _run
from tests.serving import CONSOLE_SCRIPT
from turkeysms_mock import extra

INSTALL = "pip install 'turkeysms[postgresql]'"
PSYCOPG = frozenset(extra.POSTGRESQL_MODULES)


def test_the_checked_modules_are_the_postgresql_extra_of_pyproject() -> None:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        declared = tomllib.load(handle)["project"]["optional-dependencies"]["postgresql"]
    names = {_canonical(re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0]) for requirement in declared}
    assert {_canonical(name) for name in extra.POSTGRESQL_MODULES.values()} == names


def test_a_postgresql_url_without_the_extra_is_one_line(tmp_path: Path) -> None:
    result = _run(
        [*CONSOLE_SCRIPT, "--port", "0", "--db", "postgresql://u:p@127.0.0.1:9/x"], tmp_path, PSYCOPG
    )
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "turkeysms-mock: turkeysms-mock --db postgresql://… needs the 'postgresql' extra"
        f" (psycopg, psycopg-pool not installed): {INSTALL}"
    ]


def test_sqlite_needs_no_psycopg(tmp_path: Path) -> None:
    code = (
        "import sys, turkeysms_mock\n"
        "app = turkeysms_mock.create_app({'DATABASE': ':memory:'})\n"
        "assert app.test_client().get('/_mock/health').status_code == 200\n"
        "assert 'psycopg' not in sys.modules\n"
        "try:\n    turkeysms_mock.create_app({'DATABASE': 'postgresql://u@127.0.0.1:9/x'})\n"
        "except ImportError as error:\n    print(type(error).__name__, error)\n"
    )
    result = _run([sys.executable, "-c", code], tmp_path, PSYCOPG)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "PostgresqlExtraMissingError a postgresql:// database needs the 'postgresql' extra"
        f" (psycopg, psycopg-pool not installed): {INSTALL}"
    )
