"""The portability suite: the spec through other languages' generators, compilers and linters."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.portability import tools


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.portability)


def _needs(*commands: str) -> None:
    missing = [command for command in commands if shutil.which(command) is None]
    if missing:
        pytest.skip(f"not on this machine: {', '.join(missing)}")


@pytest.fixture(scope="session")
def openapi_generator() -> Path:
    _needs("java")
    return tools.openapi_generator()


@pytest.fixture(scope="session")
def node_bin() -> Path:
    _needs("node", "npm")
    return tools.node_bin()
