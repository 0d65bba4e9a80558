"""Decide from a raw answer whether it is an error, whatever envelope or HTTP status it came in."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import httpx

from turkeysms._contract import result_codes
from turkeysms._exceptions import TurkeySMSError, make_api_error
from turkeysms._retry import parse_retry_after
from turkeysms._secret import redact

__all__ = ["check_response", "decode_body"]


def decode_body(response: httpx.Response) -> Mapping[str, Any] | None:
    """The answer's JSON object, or None when it is not one (an HTML error page, say)."""
    try:
        data = json.loads(response.content)
    except ValueError:
        return None
    return data if isinstance(data, Mapping) else None


def _is_status_code(code: object) -> bool:
    # TS-1022/1023/1142/1143 describe the message or number, not a failure of the call
    # (DECISIONS.md C5, D10): a value even if an answer pairs one with result false.
    row = result_codes().get(code) if isinstance(code, str) else None
    return row is not None and not row.is_error


def _reports_failure(body: Mapping[str, Any]) -> bool:
    if _is_status_code(body.get("result_code")):
        return False
    if body.get("result") is False:
        return True
    status = body.get("status")
    return status is not None and status != "success"


def error_from_response(
    response: httpx.Response, secret: str, body: Mapping[str, Any] | None
) -> TurkeySMSError | None:
    """The error an answer stands for, or None when it is a success (or a status); `body` is its
    `decode_body`, decoded once by the caller, which parses the same dict on success."""
    if response.is_success and (body is None or not _reports_failure(body)):
        return None
    safe_body = redact(body, secret) if body is not None else None
    code = safe_body.get("result_code") if safe_body is not None else None
    message = safe_body.get("result_message") if safe_body is not None else None
    if safe_body is None and not response.is_success:
        message = f"HTTP {response.status_code} {response.reason_phrase}".strip()
    return make_api_error(
        code=code if isinstance(code, str) else None,
        status_code=response.status_code,
        message=message if isinstance(message, str) else None,
        body=safe_body,
        http_response=response,
    )


def check_response(
    response: httpx.Response, secret: str, body: Mapping[str, Any] | None
) -> TurkeySMSError | None:
    """The error an answer stands for, with its Retry-After; None on success (`body`: its decode_body)."""
    error = error_from_response(response, secret, body)
    if error is not None:
        error.retry_after = parse_retry_after(response.headers.get("retry-after"))
    return error
