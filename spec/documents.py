"""Where the contract's YAML documents are, and a cached reader for the tools that need them whole."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["CONTROL_API_PATH", "OPENAPI_PATH", "load_openapi"]

# spec/ is installed as the data package turkeysms_spec (see pyproject.toml), so the
# contract is found the same way from a checkout, an editable install or a wheel.
_SPEC_DIR = Path(str(resources.files("turkeysms_spec")))
OPENAPI_PATH = _SPEC_DIR / "openapi.yaml"
CONTROL_API_PATH = _SPEC_DIR / "control-api.yaml"


@functools.cache
def load_openapi(path: Path = OPENAPI_PATH) -> Mapping[str, Any]:
    """Parse an OpenAPI document once per process; callers must not mutate it.

    PyYAML is imported here, not at the top: the SDK reads the compiled catalogue
    (turkeysms_spec.catalogue) and does not depend on PyYAML; the mock and the tools do.
    """
    import yaml  # noqa: PLC0415

    # libyaml's loader parses the contract several times faster than the pure-Python one.
    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with path.open(encoding="utf-8") as handle:
        document: Mapping[str, Any] = yaml.load(handle, Loader=loader)  # noqa: S506 (safe loader)
    return document
