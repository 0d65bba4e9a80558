"""Session fixtures: the project's wheel, built once, and a fresh venv with only that wheel installed."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class WheelVenv:
    """A virtual environment holding the built wheel and its dependencies, nothing of the checkout."""

    root: Path
    wheel: Path

    @property
    def python(self) -> Path:
        return self.root / "bin" / "python"

    @property
    def bin(self) -> Path:
        return self.root / "bin"

    def run(self, *args: str, cwd: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
        """Run the venv's Python (never the checkout: cwd should be outside the repository)."""
        return subprocess.run([str(self.python), *args], cwd=cwd, capture_output=True, text=True, check=check)


@pytest.fixture(scope="session")
def built_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel of this checkout, built once per session (pip wheel, isolated build)."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = out.glob("turkeysms-*.whl")
    return wheel


@pytest.fixture(scope="session")
def wheel_venv(built_wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> WheelVenv:
    """A fresh venv (no pip of its own) with the wheel installed by this interpreter's pip."""
    root = tmp_path_factory.mktemp("venv") / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(root)], check=True)
    venv = WheelVenv(root=root, wheel=built_wheel)
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(venv.python), "install", "--quiet", str(built_wheel)],
        check=True,
        capture_output=True,
    )
    return venv
