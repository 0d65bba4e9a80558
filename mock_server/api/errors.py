"""Every failure outside an operation (404, 405, 413, anything unexpected) as the JSON error envelope."""

from __future__ import annotations

import logging

from flask import Flask, Response, request
from werkzeug.exceptions import HTTPException, MethodNotAllowed, RequestEntityTooLarge

from .responses import control_error, transport_error

log = logging.getLogger(__name__)


_CONTROL_PREFIX = "/_mock/"
_CONTROL_SLUGS = {404: "not_found", 405: "method_not_allowed", 413: "payload_too_large"}


def _control(error: HTTPException, status: int) -> Response:
    # The control API answers its own error shape (spec/control-api.yaml), never the TS envelope.
    response = control_error(status, _CONTROL_SLUGS.get(status, "invalid_request"), error.description or "")
    if isinstance(error, MethodNotAllowed):
        response.headers["Allow"] = ", ".join(error.valid_methods or ())
    return response


def _http(error: HTTPException) -> Response:
    status = error.code or 400
    if request.path.startswith(_CONTROL_PREFIX):
        return _control(error, status)
    if isinstance(error, RequestEntityTooLarge):
        return transport_error(413, "Request body is too large.")
    if status == 404:
        return transport_error(404, "No such operation.")
    if isinstance(error, MethodNotAllowed):
        response = transport_error(405, "Every operation is a POST.")
        response.headers["Allow"] = ", ".join(error.valid_methods or ())
        return response
    return transport_error(status, error.description or "Invalid request.")


def unexpected(error: Exception) -> Response:
    # A bug of the mock: logged with its traceback (never the body, which holds the key).
    log.error("unhandled %s", type(error).__name__, exc_info=error)
    return transport_error(500, "Internal error of the mock server.")


def init_app(app: Flask) -> None:
    app.register_error_handler(HTTPException, _http)
    app.register_error_handler(Exception, unexpected)
