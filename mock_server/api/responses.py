"""Writing answers: JSON or PHP serialize (D27), and the one error envelope with its status from the catalogue."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from flask import Response

from turkeysms_spec.catalogue import RESULT_CODES

from ..domain.errors import ApiError
from . import php

JSON_MEDIA_TYPE = "application/json"
PHP_MEDIA_TYPE = "application/vnd.php.serialized"


class RefusedError(Exception):
    """A control request answered with the spec's error body: status, slug, message."""

    def __init__(self, status: int, error: str, message: str) -> None:
        super().__init__(message)
        self.status, self.error, self.message = status, error, message


def write(payload: Mapping[str, Any], status: int = 200, *, as_php: bool = False) -> Response:
    if as_php:
        return Response(php.serialize(payload), status=status, mimetype=PHP_MEDIA_TYPE)
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return Response(body, status=status, mimetype=JSON_MEDIA_TYPE)


def envelope(code: str, message: str | None = None) -> dict[str, Any]:
    return {"result": False, "result_code": code, "result_message": message or RESULT_CODES[code].message}


def success(code: str, **fields: Any) -> dict[str, Any]:
    """A 200 answer: `result` is true, also when the code is a status (TS-1022, TS-1023): the query
    succeeded, and what it found is in the code (D10). Only the error envelope says false."""
    entry = RESULT_CODES[code]
    assert entry.kind != "error", code
    return {"result": True, "result_code": code, "result_message": entry.message, **fields}


def error(failure: ApiError, *, as_php: bool = False) -> Response:
    return write(
        envelope(failure.code, failure.message), RESULT_CODES[failure.code].http_status, as_php=as_php
    )


def transport_error(status: int, message: str, code: str = "TS-1033") -> Response:
    """An error found before the body could be read (D8): always JSON."""
    return write(envelope(code, message), status)


def control_error(status: int, error: str, message: str) -> Response:
    """The control API's error body (spec/control-api.yaml's ControlError)."""
    return write({"error": error, "message": message}, status)
