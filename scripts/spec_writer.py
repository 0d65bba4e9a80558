"""Write the parts of spec/openapi.yaml that follow from its catalogues, in the one layout the file keeps.

Each operation's description ends with its permissions and a table of the TS codes it can answer, and
each error status of it documents one example per code it can answer there: both are written here from
`x-permissions`, `x-result-codes` and the catalogues, never by hand. `scripts/check-spec` fails when the
file differs from what `scripts/check-spec --write` makes of it.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Mapping
from typing import Any

import yaml

PERMISSIONS_MARKER = "**Permissions:**"
ERROR_SCHEMA = "#/components/schemas/ErrorResponse"
EXAMPLES_PREFIX = "#/components/examples/"
STATUS_DESCRIPTIONS = {
    400: "The request is malformed or a field is missing or invalid.",
    401: "The API key is missing or invalid.",
    403: "The account, the key's permissions, the balance or the rate limit refuse the operation.",
    404: "The group does not exist, was deleted, or belongs to another account.",
    413: "The body is over the size limit.",
    415: "The body's Content-Type is not JSON.",
}
# What the mock says for the transport statuses of TS-1033 (D8): the code's own message is about JSON.
TRANSPORT_MESSAGES = {
    413: "Request body is too large.",
    415: "Request body must be JSON (application/json).",
}
FLOW_WIDTH = 110
_LOOKS_TYPED = re.compile(r"^\d{1,2}:\d{2}|[{}\[\]]")
TEXT_WIDTH = 100
PERMISSIONS_SCHEMA = "KeyPermissions"
# The one permission /auth/check reports that the catalogue does not hold (D17).
MANAGE_GROUPS = ("manage_groups", "True when all four group privileges are: create, edit, delete and list.")


def statuses(row: Mapping[str, Any]) -> list[int]:
    """The HTTP statuses a catalogued code answers with: its own, then its transport ones."""
    return [int(row["http"]), *(int(status) for status in row.get("transport_http", ()))]


def example_name(code: str, status: int, row: Mapping[str, Any]) -> str:
    return code if status == int(row["http"]) else f"{code}-{status}"


def codes_block(operation: Mapping[str, Any], doc: Mapping[str, Any]) -> str:
    """The permissions line and the code table that end an operation's description."""
    catalogue = doc["x-result-code-catalogue"]
    permission_catalogue = doc["x-permission-catalogue"]
    names = operation.get("x-permissions", [])
    if names:
        needs = ", then ".join(f"`{name}` (else {permission_catalogue[name]['code']})" for name in names)
        lines = [f"{PERMISSIONS_MARKER} {needs}."]
    else:
        lines = [f"{PERMISSIONS_MARKER} none; any valid key may call it."]
    lines += ["", "| Code | HTTP | Meaning |", "|---|---|---|"]
    for code in operation["x-result-codes"]:
        row = catalogue.get(code)
        if row is None:
            continue  # check_result_codes reports it
        http = ", ".join(str(status) for status in statuses(row))
        lines.append(f"| {code} | {http} | {row['message']} |")
    return "\n".join(lines) + "\n"


def prose(description: str) -> str:
    """The hand-written part of a description: everything before the written block."""
    return description.split(PERMISSIONS_MARKER, 1)[0].rstrip()


def error_responses(operation: Mapping[str, Any], doc: Mapping[str, Any]) -> dict[str, Any]:
    """Every error status the operation's codes answer, each with one example per code."""
    catalogue = doc["x-result-code-catalogue"]
    by_status: dict[int, dict[str, Any]] = {}
    for code in operation["x-result-codes"]:
        row = catalogue.get(code)
        if row is None or row["kind"] != "error":
            continue
        for status in statuses(row):
            ref = EXAMPLES_PREFIX + example_name(code, status, row)
            by_status.setdefault(status, {})[code] = {"$ref": ref}
    return {
        str(status): {
            "description": STATUS_DESCRIPTIONS[status],
            "content": {"application/json": {"schema": {"$ref": ERROR_SCHEMA}, "examples": examples}},
        }
        for status, examples in sorted(by_status.items())
    }


def error_examples(doc: Mapping[str, Any]) -> dict[str, Any]:
    """components.examples: one error envelope per (code, status) some operation answers."""
    catalogue = doc["x-result-code-catalogue"]
    used = {code for item in doc["paths"].values() for code in item["post"]["x-result-codes"]}
    found: dict[str, Any] = {}
    for code in sorted(used):
        row = catalogue.get(code)
        if row is None or row["kind"] != "error":
            continue
        for status in statuses(row):
            message = row["message"] if status == int(row["http"]) else TRANSPORT_MESSAGES[status]
            found[example_name(code, status, row)] = {
                "summary": f"{code} (HTTP {status}): {message}",
                "value": {"result": False, "result_code": code, "result_message": message},
            }
    return found


def permission_properties(doc: Mapping[str, Any]) -> dict[str, Any]:
    """`/auth/check`'s permissions as named booleans: the required ones first, then the catalogue's order."""
    descriptions = {name: row["description"] for name, row in doc["x-permission-catalogue"].items()}
    descriptions[MANAGE_GROUPS[0]] = MANAGE_GROUPS[1]
    required = doc["components"]["schemas"][PERMISSIONS_SCHEMA].get("required", [])
    order = [*required, *(name for name in descriptions if name not in required)]
    return {name: {"type": "boolean", "description": descriptions[name]} for name in order}


def written(doc: Mapping[str, Any]) -> dict[str, Any]:
    """`doc` with every written part (descriptions' blocks, error responses, error examples) rewritten."""
    out: dict[str, Any] = copy.deepcopy(dict(doc))
    for item in out["paths"].values():
        operation = item["post"]
        text = prose(operation.get("description", ""))
        operation["description"] = (
            f"{text}\n\n{codes_block(operation, out)}" if text else codes_block(operation, out)
        )
        responses = {"200": operation["responses"]["200"], **error_responses(operation, out)}
        operation["responses"] = responses
    out["components"]["schemas"][PERMISSIONS_SCHEMA]["properties"] = permission_properties(out)
    out["components"]["examples"] = error_examples(out)
    return out


class _Dumper(yaml.SafeDumper):
    """Block style for structure, flow style for short flat mappings and lists, literal blocks for text."""

    @property
    def best_width(self) -> int:
        # A short flow mapping stays on one line; only block text wraps.
        return 10**6 if getattr(self, "flow_level", 0) else self._text_width

    @best_width.setter
    def best_width(self, value: int) -> None:
        self._text_width = value

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # Lists indented under their key, as people write them.
        super().increase_indent(flow, False)


def _scalar(value: Any) -> bool:
    return not isinstance(value, dict | list)


def _flow_fits(value: dict[Any, Any] | list[Any]) -> bool:
    items = value.values() if isinstance(value, dict) else value
    if isinstance(value, list) and all(isinstance(item, str | int) for item in value):
        return True  # codes, permissions, numbers: one line however long
    if not all(_scalar(item) or (isinstance(item, list) and all(map(_scalar, item))) for item in items):
        return False
    if any(isinstance(item, str) and "\n" in item for item in items):
        return False
    # JSON's length (every string quoted) is a little over the flow text's: cheap and deterministic.
    return len(json.dumps(value, ensure_ascii=False, default=str)) <= FLOW_WIDTH


def _represent_dict(dumper: yaml.SafeDumper, value: dict[Any, Any]) -> yaml.Node:
    return dumper.represent_mapping(
        "tag:yaml.org,2002:map", value, flow_style=bool(value) and _flow_fits(value)
    )


def _represent_list(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.Node:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=_flow_fits(value))


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    if _LOOKS_TYPED.search(value):
        # Plain to PyYAML, but a time or a brace reads differently to other YAML parsers.
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="'")
    if len(value) > TEXT_WIDTH - 20:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=">")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(dict, _represent_dict)
_Dumper.add_representer(list, _represent_list)
_Dumper.add_representer(str, _represent_str)


def dump(doc: Mapping[str, Any]) -> str:
    """The file's one layout; `yaml.safe_load(dump(doc)) == doc`."""
    text: str = yaml.dump(dict(doc), Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=TEXT_WIDTH)
    # One blank line between the top-level sections and between paths, for the reader.
    lines = text.splitlines()
    spaced: list[str] = []
    for line in lines:
        top = bool(line) and line[0] not in " -" and spaced
        path = line.startswith("  /") and spaced and not spaced[-1].startswith("paths:")
        if top or path:
            spaced.append("")
        spaced.append(line)
    return "\n".join(spaced) + "\n"
