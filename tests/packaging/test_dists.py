"""The sdist carries what building and testing need, its wheel builds, and both carry the licence."""

from __future__ import annotations

import email
import tarfile
import zipfile
from pathlib import Path

import pytest

from tests.packaging.conftest import ROOT, Venv, is_junk

pytestmark = pytest.mark.slow

# Folders of the checkout whose every file the sdist carries.
WHOLE = ("scripts", "spec", "tests", "turkeysms", "mock_server", "generated")


def _sdist_files(sdist: Path) -> set[str]:
    with tarfile.open(sdist) as archive:
        top = f"{archive.getnames()[0].split('/')[0]}/"
        return {member.name.removeprefix(top) for member in archive.getmembers() if member.isfile()}


def _checkout_files(folder: str) -> set[str]:
    found = set()
    for path in (ROOT / folder).rglob("*"):
        relative = path.relative_to(ROOT)
        if path.is_file() and not is_junk(relative):
            found.add(relative.as_posix())
    return found


def test_the_sdist_carries_scripts_tests_tox_and_the_licence(built_sdist: Path) -> None:
    files = _sdist_files(built_sdist)
    assert {"LICENSE", "tox.ini", "README.md", "docs/PYPI.md", "pyproject.toml", "MANIFEST.in"} <= files
    for folder in WHOLE:
        assert _checkout_files(folder) - files == set(), folder
    assert not [name for name in files if "__pycache__" in name or name.endswith(".sqlite3")]


def test_the_wheel_built_from_the_sdist_has_the_licence_and_the_short_readme(built_wheel: Path) -> None:
    with zipfile.ZipFile(built_wheel) as archive:
        names = archive.namelist()
        (metadata,) = (name for name in names if name.endswith(".dist-info/METADATA"))
        parsed = email.message_from_bytes(archive.read(metadata))
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names)
    assert parsed["License-Expression"] == "MIT"
    description = parsed.get_payload()
    assert isinstance(description, str)
    assert description.strip() == (ROOT / "docs" / "PYPI.md").read_text(encoding="utf-8").strip()
    assert "pip install 'turkeysms[mock]'" in description
    # Only ours at the top level: nothing generic a user's own folders could collide with.
    tops = {name.split("/")[0] for name in names if not name.split("/")[0].endswith(".dist-info")}
    assert tops == {"turkeysms", "turkeysms_api", "turkeysms_mock", "turkeysms_spec"}


def test_the_sdist_tests_run_against_the_installed_wheel(
    built_sdist: Path, wheel_venv: Venv, tmp_path: Path
) -> None:
    with tarfile.open(built_sdist) as archive:
        archive.extractall(tmp_path, filter="data")
    (unpacked,) = tmp_path.iterdir()
    # Two quick files: the sdist's tests find their helpers and run against the installed packages.
    tests = ["tests/test_packaging.py", "tests/mock_server/test_listener.py"]
    result = wheel_venv.run("-m", "pytest", "-q", "-p", "no:cacheprovider", *tests, cwd=unpacked)
    assert result.returncode == 0, result.stdout + result.stderr
    assert " passed" in result.stdout
    assert " failed" not in result.stdout
