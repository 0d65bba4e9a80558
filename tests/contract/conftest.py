"""Fixtures of the contract suite: one recorded mock per session, the schemathesis config, the report last."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask

from tests.contract import hooks  # noqa: F401  # registers the hooks and checks for every schema
from tests.contract.contract import RECORDER, contract_app

REPORT_TEST = "test_contract_coverage_report"


@pytest.fixture(scope="session")
def shared_app(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    """The mock the property tests share; its state grows through the run (groups, sends, blacklist)."""
    return contract_app(tmp_path_factory.mktemp("contract-mock"))


@pytest.fixture(autouse=True)
def _record_source(request: pytest.FixtureRequest) -> None:
    """Tag what the mocks answer during a test with the test's module, for the coverage report."""
    RECORDER.source = request.module.__name__.rsplit(".", 1)[-1]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark the suite `contract` and run the coverage report after every test that feeds it."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.contract)
    items.sort(key=lambda item: item.name.startswith(REPORT_TEST))
