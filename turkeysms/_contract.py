"""Read the contract files of spec/ and the catalogues the mock and the SDK derive from."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

__all__ = [
    "CONTROL_API_PATH",
    "OPENAPI_PATH",
    "Permission",
    "ResultCode",
    "load_openapi",
    "permissions",
    "result_codes",
]

# spec/ is installed as the data package turkeysms_spec (see pyproject.toml), so the
# contract is found the same way from a checkout, an editable install or a wheel.
_SPEC_DIR = Path(str(resources.files("turkeysms_spec")))
OPENAPI_PATH = _SPEC_DIR / "openapi.yaml"
CONTROL_API_PATH = _SPEC_DIR / "control-api.yaml"

# libyaml's loader parses the contract several times faster than the pure-Python one.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True, slots=True)
class ResultCode:
    """One row of the provider's result-code table, as `x-result-code-catalogue` holds it."""

    code: str
    http_status: int
    kind: str  # success | status | error
    message: str
    family: str | None = None
    retryable: bool = False
    transport_statuses: tuple[int, ...] = ()

    @property
    def is_error(self) -> bool:
        return self.kind == "error"


@dataclass(frozen=True, slots=True)
class Permission:
    """One per-key permission of `x-permission-catalogue` and the code its absence answers."""

    name: str
    denial_code: str
    description: str


@functools.cache
def load_openapi(path: Path = OPENAPI_PATH) -> Mapping[str, Any]:
    """Parse an OpenAPI document once per process; callers must not mutate it."""
    with path.open(encoding="utf-8") as handle:
        document: Mapping[str, Any] = yaml.load(handle, Loader=_Loader)  # noqa: S506 (safe loader)
    return document


@functools.cache
def result_codes() -> Mapping[str, ResultCode]:
    """Every TS code of the contract, keyed by code."""
    catalogue = load_openapi()["x-result-code-catalogue"]
    return {
        code: ResultCode(
            code=code,
            http_status=int(row["http"]),
            kind=row["kind"],
            message=row["message"],
            family=row.get("family"),
            retryable=bool(row.get("retryable", False)),
            transport_statuses=tuple(row.get("transport_http", ())),
        )
        for code, row in catalogue.items()
    }


@functools.cache
def permissions() -> Mapping[str, Permission]:
    """Every per-key permission of the contract, keyed by name."""
    catalogue = load_openapi()["x-permission-catalogue"]
    return {
        name: Permission(name=name, denial_code=row["code"], description=row["description"])
        for name, row in catalogue.items()
    }
