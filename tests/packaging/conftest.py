"""What a user installs, built once per session: the sdist, the wheel built from it, a fresh venv with it.

Reuse these in any test under tests/packaging/: `built_sdist`, `built_wheel` (paths) and `wheel_venv`
(a `Venv` with the wheel and its `mock` extra, plus pytest; `.install()` adds more).
"""

from __future__ import annotations

import fnmatch
import os
import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# A checkout's by-products, never part of a build: a fresh clone has none of them. Root-only names
# are anchored as in .gitignore (generated/turkeysms_api/api/reports/ is source).
AT_ROOT = (".git", ".venv", ".tox", "build", "dist", "reports", ".bench")
ANYWHERE = (
    "__pycache__",
    "*.egg-info",
    ".pytest_cache",
    ".mypy_cache",
    ".ruff_cache",
    ".hypothesis",
    "*.sqlite3",
    "*.sqlite3-*",
)


def is_junk(relative: Path) -> bool:
    """True for a path of the checkout (relative to its root) that a fresh clone would not have."""
    parts = relative.parts
    if parts and parts[0] in AT_ROOT:
        return True
    return any(fnmatch.fnmatch(part, pattern) for part in parts for pattern in ANYWHERE)


def _copy_ignore(directory: str, names: list[str]) -> set[str]:
    here = Path(directory).relative_to(ROOT)
    return {name for name in names if is_junk(here / name)}


# Variables of this session that must not leak into a user's: our venv, our import path, our options.
HOST_ONLY = ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "PYTEST_ADDOPTS", "PYTEST_PLUGINS")
TIMEOUT_S = 600


def _run(command: list[str | Path], *, cwd: Path, env: Mapping[str, str] | None = None) -> str:
    """Run a build or install step; on failure the assertion carries its whole output."""
    done = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )
    assert done.returncode == 0, f"{command} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def pinned(name: str) -> str:
    """The requirement of `name` in the dev extra (e.g. "pytest==8.4.2"), so venvs test what CI pins."""
    with (ROOT / "pyproject.toml").open("rb") as handle:
        dev = tomllib.load(handle)["project"]["optional-dependencies"]["dev"]
    for requirement in dev:
        if re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0].lower() == name.lower():
            found: str = requirement
            return found
    raise LookupError(f"{name} is not in the dev extra")


@dataclass(frozen=True)
class Dists:
    sdist: Path
    wheel: Path


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

    def run(
        self, *args: str | Path, cwd: Path, timeout: float = 120, env: Mapping[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        """`python *args` in this venv; returns whatever happened (the caller asserts)."""
        return subprocess.run(
            [str(self.python), *map(str, args)],
            cwd=cwd,
            env=dict(env) if env is not None else self.env(),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def install(self, *requirements: str | Path) -> None:
        # The venv has no pip of its own (ensurepip costs seconds): this session's pip installs into it,
        # from the machine's pip configuration and cache.
        _run(
            [sys.executable, "-m", "pip", "--python", self.python, "install", "--quiet", *requirements],
            cwd=self.root,
            env={name: value for name, value in os.environ.items() if name not in HOST_ONLY},
        )


@pytest.fixture(scope="session")
def built_dists(tmp_path_factory: pytest.TempPathFactory) -> Dists:
    """`python -m build` on a clean copy of the checkout: the sdist, then the wheel built from it."""
    source = tmp_path_factory.mktemp("source") / "turkeysms"
    # A copy, so that the build writes no build/ or egg-info into the checkout, and stale ones there
    # (a SOURCES.txt of earlier files) cannot leak into the sdist.
    shutil.copytree(ROOT, source, ignore=_copy_ignore, symlinks=True)
    out = tmp_path_factory.mktemp("dist")
    _run([sys.executable, "-m", "build", "--outdir", out, source], cwd=source)
    (sdist,) = out.glob("*.tar.gz")
    (wheel,) = out.glob("*.whl")
    return Dists(sdist=sdist, wheel=wheel)


@pytest.fixture(scope="session")
def built_sdist(built_dists: Dists) -> Path:
    return built_dists.sdist


@pytest.fixture(scope="session")
def built_wheel(built_dists: Dists) -> Path:
    return built_dists.wheel


@pytest.fixture(scope="session")
def wheel_venv(tmp_path_factory: pytest.TempPathFactory, built_wheel: Path) -> Venv:
    """A fresh venv with the built wheel, its `mock` extra and the pinned pytest, nothing else."""
    venv = Venv(tmp_path_factory.mktemp("wheel-venv") / "venv")
    _run([sys.executable, "-m", "venv", "--without-pip", venv.root], cwd=venv.root.parent)
    venv.install(f"{built_wheel}[mock]", pinned("pytest"))
    return venv
