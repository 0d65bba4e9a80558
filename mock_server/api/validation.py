"""Request bodies checked against the spec's schemas, the failing field mapped to its code (D7)."""

from __future__ import annotations

import json
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


# A digit string is read as its integer for ids and pages (C# sends sms_id as `object`, PHP coerces);
# more digits than any id has is not one (and keeps int() from parsing megabytes).
_MAX_ID_DIGITS = 20
_JSON_TYPES = {"integer": "an integer", "string": "a string", "array": "an array", "object": "an object"}


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "an array" if isinstance(value, list) else "an object"


def _at(schema: Mapping[str, Any], path: list[Any]) -> Any:
    node: Any = schema
    for part in path[:-1]:
        node = node[part]
    return node[path[-1]] if path else node


def _problem(error: Any, schema: Mapping[str, Any], value: Any, coercible: bool) -> str:
    """What is wrong with a value, in words, from the first schema keyword it fails (never echoing it)."""
    keyword = str(list(error.schema_path)[-1]) if list(error.schema_path) else ""
    limit: Any = _at(schema, list(error.schema_path)) if keyword else None
    if keyword == "type":
        found = _json_type(_at(value, list(error.instance_path)))
        if coercible and isinstance(value, str):
            found = (
                "a string of more digits than an id has"
                if value.isascii() and value.isdigit()
                else "a string that is not all digits"
            )
        wanted = _JSON_TYPES.get(limit, f"of type {limit}")
        return f"must be {wanted}{' (or a string of its digits)' if coercible else ''}, not {found}"
    match keyword:
        case "minimum":
            return f"must be at least {limit}"
        case "maximum":
            return f"must be at most {limit}"
        case "minLength":
            return "must not be empty" if limit == 1 else f"must have at least {limit} characters"
        case "maxLength":
            return f"must have at most {limit} characters"
        case "minItems":
            return f"must hold at least {limit} item{'' if limit == 1 else 's'}"
        case "maxItems":
            return f"must hold at most {limit} items"
        case "pattern":
            return f"does not match {limit}"
        case "enum":
            return f"must be one of {', '.join(json.dumps(option) for option in limit)}"
        case "format":
            return f"is not a valid {limit}"
    return "is not valid"


@dataclass(frozen=True, slots=True)
class _Field:
    name: str
    required: bool
    schema: Mapping[str, Any]
    validator: Any  # a compiled jsonschema_rs validator
    code: str
    duplicates_code: str | None
    coercible: bool  # an id or page: a string of digits is read as that integer
    alias: str | None  # the other name the same field may be sent under (x-alias-of)
    nullable: bool = False  # OpenAPI 3.0's `nullable: true` (only the control API has such fields)

    def check(self, value: Any, sent_as: str) -> Any:
        """The value, coerced where allowed; raises the field's code naming it and what is wrong."""
        if value is None and self.nullable:
            return None
        if (
            self.coercible
            and isinstance(value, str)
            and value.isascii()
            and value.isdigit()
            and len(value) <= _MAX_ID_DIGITS
        ):
            value = int(value)
        try:
            errors = list(self.validator.iter_errors(value))
            storable = _storable(value)
        except (UnicodeEncodeError, ValueError, OverflowError):
            errors, storable = [], False
        if errors:
            problem = _problem(errors[0], self.schema, value, self.coercible)
            at = "".join(f"[{part}]" for part in errors[0].instance_path)
            raise ApiError(self.code, f"'{sent_as}{at}' {problem}.")
        if not storable:
            raise ApiError(self.code, f"'{sent_as}' holds a lone surrogate, which no UTF-8 text can carry.")
        if self.duplicates_code and len(set(value)) != len(value):
            raise ApiError(self.duplicates_code)
        return value


def _one_of_required(schema: Mapping[str, Any]) -> list[str]:
    """The names of `x-required-any-of`: one of them is required (D32).

    OpenAPI 3.0 says "a or b is required" only with `anyOf` or `not`, which typed generators turn into a
    union or an invented model; the spec says it in this extension (DECISIONS.md, "Portability").
    """
    return list(schema.get("x-required-any-of", ()))


class RequestValidator:
    """One operation's request schema, compiled once, checked field by field in the schema's order."""

    def __init__(
        self,
        schema: Mapping[str, Any],
        codes: frozenset[str],
        *,
        skipped: frozenset[str] = SKIPPED,
        name_missing: bool = False,
    ) -> None:
        """`skipped`: fields checked elsewhere; `name_missing`: a missing field's error names it (the
        public API answers the catalogue's message instead, as the provider does)."""
        self._name_missing = name_missing
        properties: Mapping[str, Any] = schema.get("properties", {})
        aliases = {name: prop["x-alias-of"] for name, prop in properties.items() if "x-alias-of" in prop}
        either = _one_of_required(schema)
        # The only "one of" the validator understands: a field and its aliases (D32).
        assert not either or {aliases.get(name, name) for name in either} == {either[0]}, either
        required = set(schema.get("required", ())) | set(either[:1])
        self._fields: list[_Field] = []
        self._defaults: dict[str, Any] = {}
        for name, declared in properties.items():
            if name in skipped or name in aliases:
                continue
            prop = dict(declared)
            # Draft 4 does not know `nullable`; the field lets a null through itself.
            nullable = bool(prop.pop("nullable", False))
            # uniqueItems has its own code (TS-1072), so duplicates are told apart from bad items.
            unique = bool(prop.pop("uniqueItems", False))
            code = FIELD_CODES.get(name, GENERAL_CODE)
            alias = next((other for other, target in aliases.items() if target == name), None)
            self._fields.append(
                _Field(
                    name=name,
                    required=name in required,
                    schema=prop,
                    validator=jsonschema_rs.Draft4Validator(prop, validate_formats=True),
                    # A specific code only where the operation documents it; the contract stays whole.
                    code=code if code in codes else GENERAL_CODE,
                    duplicates_code=DUPLICATES_CODE if unique and DUPLICATES_CODE in codes else None,
                    coercible=prop.get("type") == "integer" and "enum" not in prop,
                    alias=alias,
                    nullable=nullable,
                )
            )
            if "default" in prop:
                self._defaults[name] = prop["default"]

    def validate(self, body: Mapping[str, Any]) -> dict[str, Any]:
        """The body's fields with the schema's defaults filled in; raises ApiError on the first bad one."""
        fields = dict(self._defaults)
        for field in self._fields:
            sent_as = field.name
            if field.alias is not None and field.alias in body:
                if field.name in body and body[field.name] != body[field.alias]:
                    # D32: two different recipients in one single send; guessing could text a stranger.
                    raise ApiError(
                        field.code, f"'{field.name}' and '{field.alias}' name different recipients; send one."
                    )
                sent_as = field.alias
            if sent_as not in body:
                if field.required:
                    raise ApiError(field.code, f"'{field.name}' is required." if self._name_missing else None)
                continue
            # A present null is a value of the wrong type unless the field is nullable: its code, D7.
            fields[field.name] = field.check(body[sent_as], sent_as)
        return fields
