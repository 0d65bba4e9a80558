"""Check an OpenAPI document of this project: validity, examples, enums, codes, portability and metadata.

`--write` rewrites spec/openapi.yaml with its written parts (scripts/spec_writer.py) brought up to date.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import prance
import spec_writer
import yaml
from openapi_schema_validator import OAS30Validator
from openapi_spec_validator import validate as validate_spec

from turkeysms._contract import CONTROL_API_PATH, OPENAPI_PATH

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
CODE_PATTERN = re.compile(r"\bTS-\d{4}\b")
# OpenAPI 3.0 runtime expressions (the spec's ABNF, with the body source's JSON pointer).
RUNTIME_EXPRESSION = re.compile(
    r"\$url|\$method|\$statusCode|\$(request|response)\.(header\.[A-Za-z0-9!#$%&'*+.^_`|~-]+"
    r"|query\.\w+|path\.\w+|body(#(/[^/{}]*)*)?)"
)
INT32_MAX = 2**31 - 1
JSON_MEDIA_TYPE = "application/json"
Problems = list[str]


def resolve(path: Path) -> dict[str, Any]:
    """Resolve every $ref with prance, as the tools downstream will."""
    parser = prance.ResolvingParser(str(path), backend="openapi-spec-validator", strict=False)
    resolved: dict[str, Any] = parser.specification
    return resolved


def iter_operations(doc: Mapping[str, Any]) -> Iterator[tuple[str, str, Mapping[str, Any]]]:
    for path, item in doc.get("paths", {}).items():
        for method in HTTP_METHODS:
            if method in item:
                yield path, method, item[method]


def iter_examples(
    doc: Mapping[str, Any],
) -> Iterator[tuple[str, Mapping[str, Any], Any]]:
    """Yield (where, schema, example) for every example of every media type in a resolved doc."""

    def from_content(where: str, content: Mapping[str, Any]) -> Iterator[tuple[str, Any, Any]]:
        for media_type, media in content.items():
            schema = media.get("schema")
            if schema is None:
                continue
            if "example" in media:
                yield f"{where} {media_type} example", schema, media["example"]
            for name, example in media.get("examples", {}).items():
                yield f"{where} {media_type} examples.{name}", schema, example.get("value")

    def from_operation(where: str, operation: Mapping[str, Any]) -> Iterator[tuple[str, Any, Any]]:
        body = operation.get("requestBody", {})
        yield from from_content(f"{where} requestBody", body.get("content", {}))
        for status, response in operation.get("responses", {}).items():
            yield from from_content(f"{where} {status}", response.get("content", {}))
        for cb_name, callback in operation.get("callbacks", {}).items():
            for expression, item in callback.items():
                for method in HTTP_METHODS:
                    if method in item:
                        yield from from_operation(f"{where} callback {cb_name} {expression}", item[method])

    for path, method, operation in iter_operations(doc):
        yield from from_operation(f"{method.upper()} {path}", operation)
    for name, schema in doc.get("components", {}).get("schemas", {}).items():
        if "example" in schema:
            yield f"components.schemas.{name} example", schema, schema["example"]


def check_examples(resolved: Mapping[str, Any]) -> Problems:
    problems: Problems = []
    for where, schema, example in iter_examples(resolved):
        validator = OAS30Validator(schema)
        for error in validator.iter_errors(example):
            location = "/".join(str(part) for part in error.absolute_path)
            problems.append(f"{where}: example does not validate at '{location}': {error.message}")
    return problems


def check_enum_varnames(doc: Mapping[str, Any]) -> Problems:
    """openapi-python-client silently names members VALUE_n when the lengths differ."""
    problems: Problems = []

    def walk(node: Any, where: str) -> None:
        if isinstance(node, Mapping):
            if "x-enum-varnames" in node:
                names, values = node["x-enum-varnames"], node.get("enum", [])
                if len(names) != len(values):
                    problems.append(
                        f"{where}: x-enum-varnames has {len(names)} names for {len(values)} values"
                    )
                if len(set(names)) != len(names):
                    problems.append(f"{where}: x-enum-varnames repeats a name")
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{where}[{index}]")

    walk(doc, "#")
    return problems


def check_result_codes(doc: Mapping[str, Any]) -> Problems:
    """Every TS code anywhere is catalogued, and each operation documents the statuses its codes produce."""
    problems: Problems = []
    catalogue: Mapping[str, Any] = doc.get("x-result-code-catalogue", {})
    if not catalogue:
        return ["x-result-code-catalogue is missing or empty"]
    for code, row in catalogue.items():
        if not CODE_PATTERN.fullmatch(code):
            problems.append(f"catalogue: '{code}' is not a TS-xxxx code")
        if row.get("kind") not in {"success", "status", "error"}:
            problems.append(f"catalogue: {code} has kind {row.get('kind')!r}")
        if row.get("kind") == "error" and not row.get("family"):
            problems.append(f"catalogue: error {code} names no family")

    def walk(node: Any, where: str) -> None:
        if isinstance(node, Mapping):
            for key, value in node.items():
                if key != "x-result-code-catalogue":
                    walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{where}[{index}]")
        elif isinstance(node, str):
            for code in CODE_PATTERN.findall(node):
                if code not in catalogue:
                    problems.append(f"{where}: {code} is not in x-result-code-catalogue")

    walk(doc, "#")

    permissions = doc.get("x-permission-catalogue", {})
    for path, method, operation in iter_operations(doc):
        where = f"{method.upper()} {path}"
        codes = operation.get("x-result-codes")
        if codes is None:
            continue
        declared = {str(status) for status in operation.get("responses", {})}
        needed = {"200"}  # every operation has a success answer, with a code or (basic report) without
        for code in codes:
            row = catalogue.get(code)
            if row is None:
                continue
            needed.add(str(row["http"]))
            needed.update(str(status) for status in row.get("transport_http", ()))
        for name in operation.get("x-permissions", []):
            if name not in permissions:
                problems.append(f"{where}: x-permissions names unknown permission {name!r}")
            elif permissions[name]["code"] not in codes:
                problems.append(
                    f"{where}: permission {name} answers {permissions[name]['code']}, "
                    "which x-result-codes does not list"
                )
        for status in sorted(needed - declared):
            problems.append(f"{where}: its codes answer HTTP {status} but no such response is documented")
        for status in sorted(declared - needed):
            problems.append(f"{where}: documents HTTP {status} but none of its codes answers it")
    return problems


def check_operation_metadata(doc: Mapping[str, Any]) -> Problems:
    problems: Problems = []
    seen: dict[str, str] = {}
    tags = {tag["name"] for tag in doc.get("tags", [])}
    for path, method, operation in iter_operations(doc):
        where = f"{method.upper()} {path}"
        operation_id = operation.get("operationId")
        if not operation_id:
            problems.append(f"{where}: no operationId")
        elif operation_id in seen:
            problems.append(f"{where}: operationId {operation_id} also used by {seen[operation_id]}")
        else:
            seen[operation_id] = where
        if not operation.get("tags"):
            problems.append(f"{where}: no tag")
        for tag in operation.get("tags", []):
            if tags and tag not in tags:
                problems.append(f"{where}: tag {tag!r} is not declared at the top level")
        if not operation.get("summary"):
            problems.append(f"{where}: no summary")
        if "x-result-codes" in operation and not operation.get("description"):
            problems.append(f"{where}: no description")
    for where, operation in iter_callback_operations(doc):
        operation_id = operation.get("operationId")
        if operation_id in seen:
            problems.append(f"{where}: operationId {operation_id} also used by {seen[operation_id]}")
        elif operation_id:
            seen[operation_id] = where
    return problems


def iter_callback_operations(doc: Mapping[str, Any]) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Every operation of a callback, in components and inline in operations (each written once)."""
    sources = [("components.callbacks", doc.get("components", {}).get("callbacks", {}))]
    for path, method, operation in iter_operations(doc):
        sources.append((f"{method.upper()} {path} callbacks", operation.get("callbacks", {})))
    for where, callbacks in sources:
        for name, callback in callbacks.items():
            for expression, item in callback.items():
                if expression == "$ref":
                    continue
                for method in HTTP_METHODS:
                    if method in item:
                        yield f"{where}.{name} {expression} {method}", item[method]


def _walk(node: Any, where: str = "#") -> Iterator[tuple[str, Mapping[str, Any]]]:
    if isinstance(node, Mapping):
        yield where, node
        for key, value in node.items():
            yield from _walk(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, f"{where}[{index}]")


def check_portability(doc: Mapping[str, Any]) -> Problems:
    """What other languages' tools need: whole-string patterns, int64 where int32 overflows, runtime
    expressions where the spec wants them."""
    problems: Problems = []
    for where, node in _walk(doc):
        pattern = node.get("pattern")
        if isinstance(pattern, str) and not (pattern.startswith("^") and pattern.endswith("$")):
            # Java Bean Validation and others match the whole string; JSON Schema searches.
            problems.append(f"{where}: pattern {pattern!r} is not anchored with ^...$")
        maximum = node.get("maximum")
        wide = "enum" not in node and (maximum is None or maximum > INT32_MAX)
        if node.get("type") == "integer" and wide and node.get("format") != "int64":
            problems.append(f"{where}: integer beyond 2^31-1 without format: int64")
    for name, schema in doc.get("components", {}).get("schemas", {}).items():
        for field in schema.get("x-required-any-of", ()):
            if field not in schema.get("properties", {}):
                problems.append(f"components.schemas.{name}: x-required-any-of names {field!r}, no property")
    for path, method, operation in iter_operations(doc):
        for name, callback in operation.get("callbacks", {}).items():
            for key in callback:
                if key != "$ref":
                    problems += _callback_key_problems(f"{method.upper()} {path} callback {name}", key)
    for name, callback in doc.get("components", {}).get("callbacks", {}).items():
        for key in callback:
            problems += _callback_key_problems(f"components.callbacks.{name}", key)
    for where, node in _walk(doc):
        if "/links/" not in where + "/" or "operationId" not in node:
            continue
        body = node.get("requestBody")
        if body is not None and not (isinstance(body, str) and _is_expression(body)):
            problems.append(f"{where}: a link's requestBody is one runtime expression in OpenAPI 3.0")
        for field, expression in node.get("x-request-body", {}).items():
            if not _is_expression(expression):
                problems.append(f"{where}: x-request-body.{field} {expression!r} is not a runtime expression")
    return problems


def _is_expression(text: str) -> bool:
    return RUNTIME_EXPRESSION.fullmatch(text) is not None


def _callback_key_problems(where: str, key: str) -> Problems:
    """A callback key is a URL with runtime expressions in braces, or a literal URL."""
    return [
        f"{where}: {{{inner}}} in callback key {key!r} is not a runtime expression"
        for inner in re.findall(r"\{([^}]*)\}", key)
        if not _is_expression(inner)
    ]


def check_json_answers(doc: Mapping[str, Any]) -> Problems:
    """Every answer is JSON only, so that typed clients type it as JSON; PHP lives in x-php-media-type."""
    problems: Problems = []
    for path, method, operation in iter_operations(doc):
        for status, response in operation.get("responses", {}).items():
            for media_type in response.get("content", {}):
                if media_type != JSON_MEDIA_TYPE:
                    problems.append(f"{method.upper()} {path} {status}: answers {media_type}, not only JSON")
    return problems


def check_written(doc: Mapping[str, Any], text: str) -> Problems:
    """The written parts are what spec_writer makes of the catalogues, in the file's one layout."""
    expected = spec_writer.written(doc)
    problems: Problems = []
    for path, method, operation in iter_operations(doc):
        want = expected["paths"][path][method]
        for part in ("description", "responses"):
            if operation.get(part) != want.get(part):
                problems.append(
                    f"{method.upper()} {path}: its {part} is not what x-result-codes and x-permissions write"
                )
    for section, name in (("examples", None), ("schemas", spec_writer.PERMISSIONS_SCHEMA)):
        have = doc.get("components", {}).get(section, {})
        want = expected["components"][section]
        if name is not None:
            have, want = have.get(name), want.get(name)
        if have != want:
            problems.append(
                f"components.{section}{'.' + name if name else ''}: not what the catalogues write"
            )
    if not problems and text != spec_writer.dump(doc):
        problems.append("the file is not in the layout scripts/check-spec --write gives it")
    if problems:
        problems.append("run scripts/check-spec --write")
    return problems


def check_document(path: Path) -> Problems:
    """Every check on one document; an empty list means it passes."""
    text = path.read_text(encoding="utf-8")
    # Read afresh, not through load_openapi's cache: --write may have just changed the file.
    raw = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    try:
        validate_spec(raw)
    except Exception as error:  # the validator's own exception tree is wide
        return [f"{path.name}: not a valid OpenAPI document: {error}"]
    problems = check_enum_varnames(raw) + check_operation_metadata(raw) + check_portability(raw)
    if "x-result-code-catalogue" in raw:
        problems += check_result_codes(raw) + check_json_answers(raw)
        problems += check_written(raw, text)
    problems += check_examples(resolve(path))
    return [f"{path.name}: {problem}" for problem in problems]


def write(path: Path) -> None:
    """Bring the written parts of `path` up to date, in the file's one layout."""
    with path.open(encoding="utf-8") as handle:
        doc = yaml.safe_load(handle)
    path.write_text(spec_writer.dump(spec_writer.written(doc)), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("documents", nargs="*", type=Path, help="default: the public and control specs")
    parser.add_argument("--write", action="store_true", help="rewrite the public spec's written parts first")
    args = parser.parse_args(argv)
    if args.write:
        write(OPENAPI_PATH)
    documents = args.documents or [p for p in (OPENAPI_PATH, CONTROL_API_PATH) if p.exists()]
    problems = [problem for document in documents for problem in check_document(document)]
    for problem in problems:
        print(problem, file=sys.stderr)
    names = ", ".join(document.name for document in documents)
    print(f"{names}: {'FAILED, ' + str(len(problems)) + ' problem(s)' if problems else 'all checks pass'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
