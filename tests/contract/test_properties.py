"""Property tests: schemathesis' examples, coverage and fuzzing phases against the mock in-process."""

from __future__ import annotations

import schemathesis
from flask import Flask
from schemathesis import Case
from schemathesis.config import SchemathesisConfig

from tests.contract.contract import CONFIG_PATH, SCHEMATHESIS_SPEC_PATH

schema = schemathesis.openapi.from_path(
    SCHEMATHESIS_SPEC_PATH, config=SchemathesisConfig.from_path(CONFIG_PATH)
)


@schema.parametrize()
def test_operation_holds_its_contract(case: Case, shared_app: Flask) -> None:
    case.call_and_validate(app=shared_app)
