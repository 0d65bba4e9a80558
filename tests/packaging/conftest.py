"""Session fixtures: the project's wheel, built once, and a fresh venv with only that wheel installed.

`built_wheel` (a path) and `wheel_venv` (a `Venv`: `.root`, `.python`, `.bin(name)`, `.env()`) keep
the names and shape the `firstrun` helper's fixtures use, so either set serves these tests.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Variables of this session that must not leak into a user's: our venv, our import path.
HOST_ONLY = ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "PYTEST_ADDOPTS", "PYTEST_PLUGINS")


@dataclass(frozen=True)
class Venv:
    """A fresh virtual environment, isolated from the one running the tests."""

    root: Path

    @property
    def python(self) -> Path:
        return self.root / "bin" / "python"

    def bin(self, name: str) -> Path:
        return self.root / "bin" / name

    def env(self, **extra: str) -> dict[str, str]:
        """This session's environment as a user of the venv would have it (activated)."""
        clean = {name: value for name, value in os.environ.items() if name not in HOST_ONLY}
        clean["PATH"] = os.pathsep.join([str(self.root / "bin"), clean.get("PATH", "")])
        return {**clean, "VIRTUAL_ENV": str(self.root), **extra}


def _run(command: list[str], cwd: Path) -> None:
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"{command} failed:\n{done.stdout}\n{done.stderr}"


@pytest.fixture(scope="session")
def built_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel of this checkout, built once per session (pip wheel, isolated build)."""
    out = tmp_path_factory.mktemp("wheel")
    _run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(out), str(ROOT)],
        out,
    )
    (wheel,) = out.glob("turkeysms-*.whl")
    return wheel


@pytest.fixture(scope="session")
def wheel_venv(built_wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Venv:
    """A fresh venv (no pip of its own) with the wheel installed by this interpreter's pip."""
    venv = Venv(tmp_path_factory.mktemp("venv") / "venv")
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv.root)], venv.root.parent)
    _run(
        [sys.executable, "-m", "pip", "--python", str(venv.python), "install", "--quiet", str(built_wheel)],
        venv.root,
    )
    return venv
