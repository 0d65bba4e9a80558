"""Request bodies checked against the spec's schemas, the failing field mapped to its code (D7)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import jsonschema_rs

from ..domain.errors import ApiError

# D7: the field whose value is wrong decides the code, where the table has a specific one.
FIELD_CODES: Mapping[str, str] = {
    "title": "TS-1034",
    "sentto": "TS-1025",
    "mobile": "TS-1025",
    "text": "TS-1026",
    "sms_id": "TS-1052",
    "raporid": "TS-1052",
    "group_name": "TS-1083",
    "new_name": "TS-1083",
    "number": "TS-1144",
    "gsm_number": "TS-1101",
}
GENERAL_CODE = "TS-1033"
DUPLICATES_CODE = "TS-1072"
# Checked before validation by the pipeline (TS-1050 / TS-1031), not as a field.
SKIPPED = frozenset({"api_key"})


def resolve(node: Any, document: Mapping[str, Any]) -> Any:
    """Inline the local `$ref`s of a schema (the contract's schemas are not recursive)."""
    if isinstance(node, Mapping):
        if "$ref" in node:
            target: Any = document
            for part in node["$ref"].removeprefix("#/").split("/"):
                target = target[part]
            return resolve(target, document)
        return {key: resolve(value, document) for key, value in node.items()}
    if isinstance(node, list):
        return [resolve(item, document) for item in node]
    return node


def _storable(value: Any) -> bool:
    """JSON may carry lone surrogates (`\\ud800`), which no UTF-8 store or answer can hold."""
    if isinstance(value, str):
        if value.isascii():
            return True
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return False
        return True
    if isinstance(value, list):
        return all(_storable(item) for item in value)
    return True


@dataclass(frozen=True, slots=True)
class _Field:
    name: str
    required: bool
    validator: Any  # a compiled jsonschema_rs validator
    code: str
    duplicates_code: str | None
    integer: bool
    default: Any


class RequestValidator:
    """One operation's request schema, compiled once, checked field by field in the schema's order."""

    def __init__(self, schema: Mapping[str, Any], codes: frozenset[str]) -> None:
        required = set(schema.get("required", ()))
        self._fields: list[_Field] = []
        self._defaults: dict[str, Any] = {}
        for name, declared in schema.get("properties", {}).items():
            if name in SKIPPED:
                continue
            prop = dict(declared)
            # uniqueItems has its own code (TS-1072), so duplicates are told apart from bad items.
            unique = bool(prop.pop("uniqueItems", False))
            code = FIELD_CODES.get(name, GENERAL_CODE)
            self._fields.append(
                _Field(
                    name=name,
                    required=name in required,
                    validator=jsonschema_rs.Draft4Validator(prop, validate_formats=True),
                    # A specific code only where the operation documents it; the contract stays whole.
                    code=code if code in codes else GENERAL_CODE,
                    duplicates_code=DUPLICATES_CODE if unique and DUPLICATES_CODE in codes else None,
                    integer=prop.get("type") == "integer",
                    default=prop.get("default"),
                )
            )
            if "default" in prop:
                self._defaults[name] = prop["default"]

    def validate(self, body: Mapping[str, Any]) -> dict[str, Any]:
        """The body's fields with the schema's defaults filled in; raises ApiError on the first bad one."""
        fields = dict(self._defaults)
        for field in self._fields:
            if field.name not in body:
                if field.required:
                    raise ApiError(field.code)
                continue
            # A present null is a value of the wrong type (no field is nullable): the field's code, D7.
            value = body[field.name]
            try:
                valid = field.validator.is_valid(value) and _storable(value)
            except (UnicodeEncodeError, ValueError, OverflowError):
                valid = False
            if not valid:
                raise ApiError(field.code)
            if field.duplicates_code and len(set(value)) != len(value):
                raise ApiError(field.duplicates_code)
            fields[field.name] = value
        return fields
