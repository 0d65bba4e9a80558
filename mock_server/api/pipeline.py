"""The one request pipeline: media type → JSON → fault → key → account → permissions → rate limit → fields → act → write."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from flask import Blueprint, current_app, request
from werkzeug.datastructures import Headers

from ..domain import accounts, faults
from ..domain.backend import Backend
from ..domain.errors import ApiError
from ..records import Principal
from . import faulty, responses
from .operations import Operation, operations

Handler = Callable[[Backend, Principal, dict[str, Any]], dict[str, Any]]
EXTENSION_KEY = "turkeysms_mock"
# Every operation routed through the pipeline, by its contract path, with its blueprint's name: what
# fast_path answers.
ROUTES: dict[str, tuple[Operation, Handler, str]] = {}


def backend() -> Backend:
    found: Backend = current_app.extensions[EXTENSION_KEY]
    return found


class InvalidBodyError(ValueError):
    """A body that is not one strict JSON document; the message says why."""


def _reject_constant(name: str) -> Any:
    # NaN and Infinity are not JSON, though Python's parser accepts them.
    raise InvalidBodyError(f"Invalid request format ({name} is not JSON).")


def _refuse_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # Python keeps the last of two equal keys, a proxy or the provider may read the first: the same
    # bytes would then be two different requests (an `api_key` twice picks whose account pays).
    found = dict(pairs)
    if len(found) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise InvalidBodyError(f"Invalid request format (the key {json.dumps(key)} appears twice).")
            seen.add(key)
    return found


def parse_body(raw: bytes) -> Any:
    """The decoded body; raises InvalidBodyError for anything that is not one strict JSON document
    (NaN, Infinity and duplicate keys included)."""
    try:
        return json.loads(raw, parse_constant=_reject_constant, object_pairs_hook=_refuse_duplicates)
    except InvalidBodyError:
        raise
    except (ValueError, RecursionError) as error:
        raise InvalidBodyError("Invalid request format (not valid JSON).") from error


def is_json_media_type(mimetype: str) -> bool:
    """Whether a Content-Type is read as JSON: the public API's pipeline and the control API share it."""
    # D8: no Content-Type at all is read as JSON, as the provider's PHP would.
    return not mimetype or mimetype == "application/json" or mimetype.endswith("+json")


def run(operation: Operation, handler: Handler) -> responses.Reply:
    """The Flask view's answer (fast_path answers the same requests without Flask's request objects)."""
    return answer(
        backend(),
        operation,
        handler,
        media_type=request.mimetype,
        raw=request.get_data(cache=False),
        headers=request.headers,
    )


def answer(
    state: Backend,
    operation: Operation,
    handler: Handler,
    *,
    media_type: str,
    raw: bytes,
    headers: Headers | None = None,
) -> responses.Reply:
    """The answer to one request of `operation`: its Content-Type's media type, its body, and its
    headers when an X-Mock-Fault header may be among them (None: there is none)."""
    if not is_json_media_type(media_type):
        return responses.transport_answer(415, "Request body must be JSON (application/json).")
    try:
        body = parse_body(raw)
    except InvalidBodyError as invalid:
        return responses.transport_answer(400, str(invalid))
    if not isinstance(body, dict):
        return responses.transport_answer(400, "Invalid request format (the body must be a JSON object).")
    as_php = body.get("response_type") == "php"
    # The one point where faults apply: after the body is read (rules match its key and recipients),
    # before anything is checked or done. The header wins over the stored rules and uses none of them.
    found = None
    try:
        fault = None if headers is None else faulty.requested(headers, operation.path)
        if fault is None:
            # One read for the rules' check and the caller, which _act then needs not read again.
            found = accounts.look_up(state, body.get("api_key"), body.get("title"))
            fault = faults.take(
                state, operation.path, body, active=None if found is None else found.faults_active
            )
    except ApiError as failure:
        return responses.error_answer(failure, as_php=as_php)
    if fault is None:
        return _act(state, operation, handler, body, as_php=as_php, found=found)
    # A fault may wait (delay, hang) or act after its own write: the caller is read again when it acts.
    return faulty.answer(fault, lambda: _act(state, operation, handler, body, as_php=as_php), as_php=as_php)


def _act(
    state: Backend,
    operation: Operation,
    handler: Handler,
    body: dict[str, Any],
    *,
    as_php: bool,
    found: accounts.FirstRead | None = None,
) -> responses.Answer:
    try:
        if "api_key" in body and body["api_key"] is None:
            raise ApiError("TS-1050", "'api_key' must be a string, not null.")
        principal = accounts.authenticate(state, body.get("api_key"), found)
        accounts.admit(state, principal, operation.permissions, audit=operation.audit)
        fields = operation.validator.validate(body)
        return responses.answer(handler(state, principal, fields), as_php=as_php)
    except ApiError as failure:
        return responses.error_answer(failure, as_php=as_php)


def endpoint(blueprint: Blueprint, path: str) -> Callable[[Handler], Handler]:
    """Route a POST of the contract's `path` through the pipeline to `handler`."""
    operation = operations()[path]

    def register(handler: Handler) -> Handler:
        def view() -> responses.Reply:
            return run(operation, handler)

        blueprint.add_url_rule(path, endpoint=operation.operation_id, view_func=view, methods=["POST"])
        ROUTES[path] = (operation, handler, blueprint.name)
        return handler

    return register
