"""The catalogues the SDK derives from the spec, read from the compiled turkeysms_spec.catalogue."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from turkeysms_spec.catalogue import PERMISSIONS, RESULT_CODES, Permission, ResultCode

if TYPE_CHECKING:
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


_DOCUMENTS = frozenset({"CONTROL_API_PATH", "OPENAPI_PATH", "load_openapi"})


def __getattr__(name: str) -> Any:
    # The spec's files are for tests and tools; the SDK itself needs only the compiled catalogue,
    # so `import turkeysms` does not pay for importlib.resources and friends (about 6 ms).
    if name not in _DOCUMENTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from turkeysms_spec import documents  # noqa: PLC0415

    return getattr(documents, name)
