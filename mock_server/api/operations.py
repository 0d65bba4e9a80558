"""The spec's operations as the pipeline needs them: permissions, codes and a compiled body validator."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass

from turkeysms_spec.catalogue import ENUM_LABELS
from turkeysms_spec.documents import load_openapi

from .validation import RequestValidator, resolve

SUSPENDED_CODE = "TS-1030"


@dataclass(frozen=True, slots=True)
class Operation:
    operation_id: str
    path: str
    permissions: tuple[str, ...]
    codes: frozenset[str]
    validator: RequestValidator

    @property
    def audit(self) -> bool:
        """D16: an operation that never answers TS-1030 answers for suspended accounts too."""
        return SUSPENDED_CODE not in self.codes


@functools.cache
def operations() -> Mapping[str, Operation]:
    """Every POST operation of the contract, keyed by path; built once per process."""
    document = load_openapi()
    found: dict[str, Operation] = {}
    for path, item in document["paths"].items():
        spec = item["post"]
        codes = frozenset(spec["x-result-codes"])
        schema = resolve(spec["requestBody"]["content"]["application/json"]["schema"], document)
        found[path] = Operation(
            operation_id=spec["operationId"],
            path=path,
            permissions=tuple(spec.get("x-permissions", ())),
            codes=codes,
            validator=RequestValidator(schema, codes),
        )
    return found


def enum_labels(schema_name: str) -> Mapping[int, str]:
    """`English`, `High Quality`…: an integer enum's answer labels, compiled from its x-enum-varnames."""
    return ENUM_LABELS[schema_name]
