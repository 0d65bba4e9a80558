"""CI enforces what is configured: .ci/run is the README's two commands, and the test command fails on
a lint, format or type error before pytest runs, and on any pytest failure (exit 5 included)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    # The contributor's block (the user's install lines come first in the README).
    blocks = [part.split("```", 1)[0] for part in text.split("```bash\n")[1:]]
    block = next(block for block in blocks if block.startswith("python3 -m venv"))
    return [line for line in block.splitlines() if line.strip()]


def _ci_commands() -> list[str]:
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    # The shebang, comments, the shell options and the `cd` to the root are not commands of the README.
    return [line for line in lines if line.strip() and not line.startswith(("#", "set ", "cd "))]


def test_ci_runs_exactly_the_readme_commands() -> None:
    assert _ci_commands() == _readme_commands()
    assert _readme_commands()[1] == "scripts/test"


def _fake_checkout(tmp_path: Path, exits: dict[str, int]) -> tuple[Path, Path]:
    """scripts/test in a copy whose .venv/bin tools only record their arguments and exit as told."""
    (tmp_path / "scripts").mkdir()
    shutil.copy2(ROOT / "scripts" / "test", tmp_path / "scripts" / "test")
    bin_dir = tmp_path / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    calls = tmp_path / "calls"
    for tool in ("ruff", "mypy", "python"):
        stub = bin_dir / tool
        stub.write_text(f'#!/bin/sh\necho "{tool} $*" >> "{calls}"\nexit {exits.get(tool, 0)}\n')
        stub.chmod(0o755)
    return tmp_path / "scripts" / "test", calls


def _run(script: Path) -> int:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    return subprocess.run([str(script), "-k", "x"], cwd="/", env=env, check=False, timeout=60).returncode


def test_the_test_command_runs_every_check_then_pytest_with_its_arguments(tmp_path: Path) -> None:
    script, calls = _fake_checkout(tmp_path, {})
    assert _run(script) == 0
    assert [line.rstrip() for line in calls.read_text().splitlines()] == [
        "ruff check .",
        "ruff format --check .",
        "mypy",
        "python -m pytest -k x",
    ]


@pytest.mark.parametrize(("tool", "code"), [("ruff", 1), ("mypy", 1), ("python", 1), ("python", 5)])
def test_the_test_command_fails_when_a_check_fails(tmp_path: Path, tool: str, code: int) -> None:
    script, calls = _fake_checkout(tmp_path, {tool: code})
    assert _run(script) == code
    ran = calls.read_text().splitlines()
    assert ran[-1].startswith(tool)  # nothing runs after the first failure
    if tool != "python":
        assert not any(line.startswith("python") for line in ran)
