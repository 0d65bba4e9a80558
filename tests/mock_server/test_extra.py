"""Without the `mock` extra, every way of starting the mock says which install line it needs."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.serving import CONSOLE_SCRIPT
from turkeysms_mock import extra

pytest_plugins = ("pytester",)

ROOT = Path(__file__).resolve().parents[2]
INSTALL = "pip install 'turkeysms[mock]'"

# Installed as sitecustomize: the listed top-level modules cannot be found, as if not installed.
BLOCKER = """
import importlib.abc, sys

class _Absent(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in {blocked!r}:
            raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)
        return None

sys.meta_path.insert(0, _Absent())
"""
EVERY_MODULE = frozenset({*extra.MODULES, "werkzeug"})  # werkzeug comes with flask


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _without(tmp_path: Path, modules: frozenset[str]) -> dict[str, str]:
    site = tmp_path / "blocked-site"
    site.mkdir(exist_ok=True)
    (site / "sitecustomize.py").write_text(BLOCKER.format(blocked=set(modules)), encoding="utf-8")
    return {"PYTHONPATH": str(site)}


def _run(command: list[str], tmp_path: Path, modules: frozenset[str]) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **_without(tmp_path, modules)}
    return subprocess.run(
        command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60, check=False
    )


def test_the_checked_modules_are_the_mock_extra_of_pyproject() -> None:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        declared = tomllib.load(handle)["project"]["optional-dependencies"]["mock"]
    names = {_canonical(re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0]) for requirement in declared}
    assert {_canonical(name) for name in extra.MODULES.values()} == names


@pytest.mark.parametrize(
    "command",
    [[*CONSOLE_SCRIPT], [sys.executable, "-m", "turkeysms_mock"]],
    ids=["console-script", "python-m"],
)
def test_the_command_line_names_the_install_line(tmp_path: Path, command: list[str]) -> None:
    result = _run([*command, "--port", "0", "--db", "x.sqlite3"], tmp_path, EVERY_MODULE)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "turkeysms-mock: turkeysms-mock needs the 'mock' extra (PyYAML, flask, waitress, phonenumbers,"
        f" swagger-ui-bundle, jsonschema-rs not installed): {INSTALL}"
    ]
    assert not (tmp_path / "x.sqlite3").exists()


def test_one_missing_package_is_named_alone(tmp_path: Path) -> None:
    # phonenumbers is imported on the first international number: without the check it would be a 500.
    result = _run([*CONSOLE_SCRIPT, "--port", "0"], tmp_path, frozenset({"phonenumbers"}))
    assert result.returncode == 2
    assert f"(phonenumbers not installed): {INSTALL}" in result.stderr


def test_help_works_without_the_extra(tmp_path: Path) -> None:
    result = _run([*CONSOLE_SCRIPT, "--help"], tmp_path, EVERY_MODULE)
    assert result.returncode == 0
    assert "--port" in result.stdout


def test_create_app_raises_the_same_message(tmp_path: Path) -> None:
    code = (
        "import turkeysms_mock\n"
        "try:\n    turkeysms_mock.create_app()\n"
        "except ImportError as error:\n    print(type(error).__name__, error)\n"
    )
    result = _run([sys.executable, "-c", code], tmp_path, EVERY_MODULE)
    assert result.stdout.startswith(
        "MockExtraMissingError turkeysms_mock.create_app() needs the 'mock' extra"
    )
    assert result.stdout.rstrip().endswith(INSTALL)


def test_the_fixture_fails_with_the_install_line_and_other_tests_pass(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for name, value in _without(tmp_path, EVERY_MODULE).items():
        monkeypatch.setenv(name, value)
    pytester.makepyfile(
        """
def test_without_the_mock():
    assert True

def test_with_the_mock(turkeysms_mock):
    raise AssertionError("not reached")
"""
    )
    # schemathesis' own plugin (a dev dependency here, not a user's) needs jsonschema_rs too.
    result = pytester.runpytest_subprocess("-q", "-p", "no:cacheprovider", "-p", "no:schemathesis")
    result.assert_outcomes(passed=1, errors=1)
    output = result.stdout.str()
    assert "The turkeysms_mock fixture needs the 'mock' extra" in output
    assert INSTALL in output
    assert "Traceback" not in output
    assert "ModuleNotFoundError" not in output
