"""The typed models the client's methods answer (and the enums they take), importable from here."""

from __future__ import annotations

from typing import Any

import attrs

from turkeysms._bulk import BulkChunkResult, BulkSummary
from turkeysms._response import APIResponse
from turkeysms._secret import REDACTED
from turkeysms_api import models as _models

# Every generated model and enum, by a wildcard the type checkers read as a re-export, so that a model
# the spec renames or adds is here without an edit.
from turkeysms_api.models import *  # noqa: F403
from turkeysms_api.types import Unset

__all__ = ["APIResponse", "BulkChunkResult", "BulkSummary"]
__all__ += _models.__all__


def _repr(self: Any) -> str:
    # attrs' repr prints `<turkeysms_api.types.Unset object at 0x…>` for every field the answer
    # left out, and a request's api_key in clear: show only what is there, never the key.
    parts = []
    for field in attrs.fields(type(self)):
        value = getattr(self, field.name)
        if isinstance(value, Unset) or (field.name == "additional_properties" and not value):
            continue
        parts.append(f"{field.name}={REDACTED!r}" if field.name == "api_key" else f"{field.name}={value!r}")
    return f"{type(self).__name__}({', '.join(parts)})"


def _install_reprs() -> None:
    for name in _models.__all__:
        model = getattr(_models, name)
        if attrs.has(model):
            model.__repr__ = _repr  # type: ignore[method-assign]


_install_reprs()
