"""The import contracts of pyproject.toml ([tool.importlinter]) hold: layers one way, no SDK → mock."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_hold() -> None:
    done = subprocess.run(
        [str(Path(sys.executable).with_name("lint-imports")), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


def test_every_private_sdk_module_is_forbidden_to_the_mock() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    (contract,) = (
        c for c in config["contracts"] if c["name"] == "The mock uses only the SDK's public modules"
    )
    private = {
        f"turkeysms.{path.stem}" for path in (ROOT / "turkeysms").glob("_*.py") if path.name != "__init__.py"
    }
    assert set(contract["forbidden_modules"]) == private
