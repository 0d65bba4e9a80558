"""The catalogues the SDK derives from the spec, read from the compiled turkeysms_spec.catalogue."""

from __future__ import annotations

from collections.abc import Mapping

from turkeysms_spec.catalogue import PERMISSIONS, RESULT_CODES, Permission, ResultCode
from turkeysms_spec.documents import CONTROL_API_PATH, OPENAPI_PATH, load_openapi

__all__ = [
    "CONTROL_API_PATH",
    "OPENAPI_PATH",
    "Permission",
    "ResultCode",
    "load_openapi",
    "permissions",
    "result_codes",
]


def result_codes() -> Mapping[str, ResultCode]:
    """Every TS code of the contract, keyed by code (compiled: no YAML is parsed)."""
    return RESULT_CODES


def permissions() -> Mapping[str, Permission]:
    """Every per-key permission of the contract, keyed by name (compiled: no YAML is parsed)."""
    return PERMISSIONS
