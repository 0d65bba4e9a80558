"""Shapes of the portable spec that single tools need, derived from it (never the other way round).

- openapi-python-client cannot follow a `$ref` callback: `for_python_client` inlines them.
- schemathesis checks every answer's media type, fills link bodies from expressions inside a
  literal object and generates bodies from JSON Schema alone: `for_schemathesis` lists the PHP
  answers of `x-php-media-type` (D27) beside the JSON ones, turns each link's `x-request-body` into
  the `requestBody` object it reads, and each `x-required-any-of` into the JSON Schema that says it.

`python scripts/spec_shapes.py python-client|schemathesis OUT` writes one of them.
"""

from __future__ import annotations

import argparse
import copy
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from turkeysms._contract import OPENAPI_PATH, load_openapi

# Found before the body is read, so always JSON (D27).
ALWAYS_JSON = frozenset({"413", "415"})


def _target(doc: Mapping[str, Any], ref: str) -> Any:
    node: Any = doc
    for part in ref.removeprefix("#/").split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def for_python_client(doc: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = copy.deepcopy(dict(doc))
    for item in out["paths"].values():
        for operation in item.values():
            callbacks = operation.get("callbacks", {})
            for name, callback in callbacks.items():
                if "$ref" in callback:
                    callbacks[name] = copy.deepcopy(_target(out, callback["$ref"]))
    return out


def for_schemathesis(doc: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = copy.deepcopy(dict(doc))
    php = out["x-php-media-type"]
    media = {"schema": {"type": "string", "description": php["description"]}, "example": php["example"]}
    for item in out["paths"].values():
        for operation in item.values():
            for status, response in operation["responses"].items():
                if status not in ALWAYS_JSON:
                    response.setdefault("content", {})[php["media_type"]] = copy.deepcopy(media)
    links = [
        link
        for item in out["paths"].values()
        for operation in item.values()
        for response in operation["responses"].values()
        for link in response.get("links", {}).values()
    ]
    links += list(out.get("components", {}).get("links", {}).values())
    for link in links:
        if "x-request-body" in link:
            link["requestBody"] = link.pop("x-request-body")
    for schema in out["components"]["schemas"].values():
        names = schema.pop("x-required-any-of", None)
        if names:
            # "Not (none of them)", the form that leaves the object's own type alone.
            schema["not"] = {"not": {"anyOf": [{"required": [name]} for name in names]}}
    return out


SHAPES = {"python-client": for_python_client, "schemathesis": for_schemathesis}


def write(shape: str, out: Path, source: Path = OPENAPI_PATH) -> Path:
    derived = SHAPES[shape](load_openapi(source))
    out.write_text(yaml.safe_dump(derived, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("shape", choices=sorted(SHAPES))
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    write(args.shape, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
