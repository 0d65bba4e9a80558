"""Writing answers: JSON or PHP serialize (D27), and the one error envelope with its status from the catalogue."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Mapping
from typing import Any

from flask import Response
from werkzeug.http import HTTP_STATUS_CODES

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


class Answer:
    """A finished answer as a small WSGI application: what the pipeline returns instead of a werkzeug
    Response, whose building and serving cost a tenth of a send in the process. Flask takes it as
    any WSGI application it is handed; its headers are the ones a Response would send."""

    __slots__ = ("body", "content_type", "status")

    def __init__(self, status: int, content_type: str, body: bytes) -> None:
        self.status, self.content_type, self.body = status, content_type, body

    def __call__(self, environ: Any, start_response: Callable[..., Any]) -> list[bytes]:
        start_response(
            _status_line(self.status),
            [("Content-Type", self.content_type), ("Content-Length", str(len(self.body)))],
        )
        return [self.body]


# What the pipeline answers: an Answer, or a fault's own Response (an HTML page, a dropped connection).
Reply = Answer | Response


@functools.cache
def _status_line(status: int) -> str:
    return f"{status} {HTTP_STATUS_CODES.get(status, 'UNKNOWN')}"


def encode(payload: Mapping[str, Any], *, as_php: bool = False) -> tuple[str, bytes]:
    """The media type and bytes of an answer: JSON, or PHP serialize when the request asked (D27)."""
    if as_php:
        return PHP_MEDIA_TYPE, php.serialize(payload).encode("utf-8")
    return JSON_MEDIA_TYPE, json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def answer(payload: Mapping[str, Any], status: int = 200, *, as_php: bool = False) -> Answer:
    return Answer(status, *encode(payload, as_php=as_php))


def write(payload: Mapping[str, Any], status: int = 200, *, as_php: bool = False) -> Response:
    content_type, body = encode(payload, as_php=as_php)
    return Response(body, status=status, content_type=content_type)


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


def error_answer(failure: ApiError, *, as_php: bool = False) -> Answer:
    """`error`, as the pipeline's Answer."""
    return answer(
        envelope(failure.code, failure.message), RESULT_CODES[failure.code].http_status, as_php=as_php
    )


def transport_error(status: int, message: str, code: str = "TS-1033") -> Response:
    """An error found before the body could be read (D8): always JSON."""
    return write(envelope(code, message), status)


def transport_answer(status: int, message: str, code: str = "TS-1033") -> Answer:
    """`transport_error`, as the pipeline's Answer."""
    return answer(envelope(code, message), status)


def control_error(status: int, error: str, message: str) -> Response:
    """The control API's error body (spec/control-api.yaml's ControlError)."""
    return write({"error": error, "message": message}, status)
