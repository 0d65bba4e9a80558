"""What each fault kind needs and assumes: NEEDS and defaults() say what define() does, for the inbox's form."""

from __future__ import annotations

import pytest

from turkeysms_mock.domain import faults
from turkeysms_spec.documents import CONTROL_API_PATH, load_openapi

MINIMAL = {"code": "TS-1060", "status": 503, "seconds": 1.0}


def test_the_kinds_are_the_control_specs() -> None:
    schemas = load_openapi(CONTROL_API_PATH)["components"]["schemas"]
    assert list(faults.KINDS) == schemas["FaultKind"]["enum"]
    assert set().union(*faults.PARAMETERS.values()) <= set(schemas["FaultRequest"]["properties"])


@pytest.mark.parametrize("kind", faults.KINDS)
def test_a_kind_without_what_it_needs_is_refused_and_otherwise_takes_its_defaults(kind: str) -> None:
    needed = faults.NEEDS.get(kind)
    if needed is not None:
        assert needed in faults.PARAMETERS[kind]
        with pytest.raises(faults.FaultError, match=f"needs '{needed}'"):
            faults.define({"kind": kind}, None)
    given = {"kind": kind} | ({needed: MINIMAL[needed]} if needed else {})
    fault = faults.define(given, None)
    defaults = faults.defaults(kind)
    assert set(defaults) <= faults.PARAMETERS[kind]
    assert fault.commit is defaults.get("commit", False)
    if "status" in defaults:
        assert fault.status == defaults["status"]
