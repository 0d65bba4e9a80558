"""What the inbox page's fault form offers, from the control spec's FaultRequest and the contract: kinds, fields, codes."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from turkeysms_spec.catalogue import RESULT_CODES
from turkeysms_spec.documents import CONTROL_API_PATH, load_openapi

from ..domain import faults
from .operations import operations
from .validation import resolve

# What a form field needs of a property's schema; the rest (patterns, $refs) stays the server's to check.
_SCHEMA_KEYS = ("type", "enum", "minimum", "maximum", "maxLength", "default")


def _field(name: str, schema: Mapping[str, Any]) -> dict[str, Any]:
    field = {key: schema[key] for key in _SCHEMA_KEYS if key in schema}
    field["name"] = name
    field["label"] = schema.get("title") or name.replace("_", " ").capitalize()
    return field


@functools.cache
def form() -> dict[str, Any]:
    """The form as JSON: every list in it comes from a spec, so the page hard-codes none of them."""
    document = load_openapi(CONTROL_API_PATH)
    request = resolve(document["components"]["schemas"]["FaultRequest"], document)
    properties: Mapping[str, Any] = request["properties"]
    kind_schema = properties["kind"]
    descriptions = kind_schema.get("x-enum-descriptions", [])
    kinds = [
        {
            "kind": kind,
            "description": descriptions[index] if index < len(descriptions) else "",
            # In the spec's order of the properties, which is the form's order of the fields.
            "parameters": [name for name in properties if name in faults.PARAMETERS[kind]],
            "needs": faults.NEEDS.get(kind),
            "defaults": faults.defaults(kind),
        }
        for index, kind in enumerate(kind_schema["enum"])
    ]
    every_parameter = set().union(*faults.PARAMETERS.values())
    known = operations()
    parameters = [_field(name, properties[name]) for name in properties if name in every_parameter]
    for field in parameters:
        if field["name"] == "code":
            field["suggest"] = "codes"  # the page offers the codes below, the chosen operation's first
    operation = _field("operation", properties["operation"])
    # The value is the path the API wants; the label adds the contract's operationId.
    operation["labels"] = {path: f"{path} ({known[path].operation_id})" for path in operation["enum"]}
    return {
        "kinds": kinds,
        "parameters": parameters,
        "match": [
            operation if name == "operation" else _field(name, properties[name])
            for name in properties
            if name != "kind" and name not in every_parameter
        ],
        # Suggestions for a code fault: the catalogue's error codes, and which of them each operation documents.
        "codes": [
            {"code": row.code, "status": row.http_status, "message": row.message}
            for row in RESULT_CODES.values()
            if row.is_error
        ],
        "documented": {path: sorted(known[path].codes) for path in operation["enum"]},
    }
