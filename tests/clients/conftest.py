"""Fixtures of the client tests: one served mock (reset before each test) and the official SDK, per session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.clients.support import Mock, PyPIUnreachableError, install_official_sdk, served_mock


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Mock]:
    with served_mock(tmp_path_factory.mktemp("clients-mock")) as mock:
        yield mock


@pytest.fixture
def mock(served: Mock) -> Mock:
    served.reset()
    return served


@pytest.fixture(scope="session")
def official_sdk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The provider's turkeysms-python 4.0.0 in a target directory of its own (it installs `turkeysms` too)."""
    try:
        return install_official_sdk(tmp_path_factory.mktemp("turkeysms-python"))
    except PyPIUnreachableError as offline:
        pytest.skip(f"PyPI is unreachable, so turkeysms-python cannot be installed: {offline}")
