"""Check an OpenAPI document of this project: validity, examples, enums, codes and metadata."""

from __future__ import annotations

import argparse
import copy
import re
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import prance
from openapi_schema_validator import OAS30Validator
from openapi_spec_validator import validate as validate_spec

from turkeysms._contract import CONTROL_API_PATH, OPENAPI_PATH, load_openapi

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
CODE_PATTERN = re.compile(r"\bTS-\d{4}\b")
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
    for name, item in doc.get("x-webhooks", {}).items():
        for method in HTTP_METHODS:
            if method in item:
                yield from from_operation(f"webhook {name}", item[method])
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
    return problems


def check_document(path: Path) -> Problems:
    """Every check on one document; an empty list means it passes."""
    raw = copy.deepcopy(dict(load_openapi(path)))
    try:
        validate_spec(raw)
    except Exception as error:  # the validator's own exception tree is wide
        return [f"{path.name}: not a valid OpenAPI document: {error}"]
    problems = check_enum_varnames(raw) + check_operation_metadata(raw)
    if "x-result-code-catalogue" in raw:
        problems += check_result_codes(raw)
    problems += check_examples(resolve(path))
    return [f"{path.name}: {problem}" for problem in problems]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("documents", nargs="*", type=Path, help="default: the public and control specs")
    args = parser.parse_args(argv)
    documents = args.documents or [p for p in (OPENAPI_PATH, CONTROL_API_PATH) if p.exists()]
    problems = [problem for document in documents for problem in check_document(document)]
    for problem in problems:
        print(problem, file=sys.stderr)
    names = ", ".join(document.name for document in documents)
    print(f"{names}: {'FAILED, ' + str(len(problems)) + ' problem(s)' if problems else 'all checks pass'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
