"""The control API's requests as spec/control-api.yaml defines them: a validator per body and per parameter set."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from turkeysms_spec.documents import CONTROL_API_PATH, load_openapi

from .validation import RequestValidator, resolve

# Control requests carry no TS codes: every refusal is the control API's 400 `invalid_request`.
_NO_CODES: frozenset[str] = frozenset()


def _document() -> Mapping[str, Any]:
    return load_openapi(CONTROL_API_PATH)


@functools.cache
def body(path: str, method: str = "post") -> RequestValidator:
    """The validator of an operation's JSON body (api_key included: here it is a field like any other)."""
    document = _document()
    schema = resolve(
        document["paths"][path][method]["requestBody"]["content"]["application/json"]["schema"], document
    )
    return RequestValidator(schema, _NO_CODES, skipped=frozenset(), name_missing=True)


@functools.cache
def parameters(path: str, method: str, location: str) -> RequestValidator:
    """The validator of an operation's `query` or `path` parameters, as one object of string values."""
    document = _document()
    declared = [
        resolve(parameter, document)
        for parameter in document["paths"][path][method].get("parameters", ())
        if parameter["in"] == location
    ]
    schema = {
        "type": "object",
        "required": [parameter["name"] for parameter in declared if parameter.get("required")],
        "properties": {parameter["name"]: parameter["schema"] for parameter in declared},
    }
    return RequestValidator(schema, _NO_CODES, skipped=frozenset(), name_missing=True)


@functools.cache
def parameter_names(path: str, method: str, location: str) -> frozenset[str]:
    """The names of an operation's `query` or `path` parameters: any other is not one of its own."""
    document = _document()
    return frozenset(
        resolve(parameter, document)["name"]
        for parameter in document["paths"][path][method].get("parameters", ())
        if resolve(parameter, document)["in"] == location
    )
