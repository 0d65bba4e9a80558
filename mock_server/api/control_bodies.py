"""Control-API request bodies read as JSON and checked against their schema in spec/control-api.yaml."""

from __future__ import annotations

import functools
from typing import Any

import jsonschema_rs
from flask import Blueprint, Response, request

from turkeysms_spec.documents import CONTROL_API_PATH, load_openapi

# The module, not its function: pipeline imports faulty, which imports this module.
from . import pipeline
from .responses import RefusedError, control_error
from .validation import resolve


def invalid(message: str) -> RefusedError:
    return RefusedError(400, "invalid_request", message)


def not_found(message: str) -> RefusedError:
    return RefusedError(404, "not_found", message)


def answers_refusals(blueprint: Blueprint) -> None:
    """Answer `RefusedError` raised in the blueprint's views with the control error body."""

    def refused(failure: RefusedError) -> Response:
        return control_error(failure.status, failure.error, failure.message)

    blueprint.register_error_handler(RefusedError, refused)


@functools.cache
def schema(name: str) -> dict[str, Any]:
    document = load_openapi(CONTROL_API_PATH)
    found: dict[str, Any] = resolve(document["components"]["schemas"][name], document)
    return found


@functools.cache
def _validator(name: str) -> Any:
    return jsonschema_rs.Draft4Validator(schema(name))


def check(value: Any, schema_name: str) -> dict[str, Any]:
    """`value` if it is a JSON object valid against the named schema; else RefusedError 400 naming the problem."""
    if not isinstance(value, dict):
        raise invalid("The body must be a JSON object.")
    for error in _validator(schema_name).iter_errors(value):
        where = "/".join(str(part) for part in error.instance_path)
        raise invalid(f"{where}: {error.message}" if where else error.message)
    return value


def body(schema_name: str) -> dict[str, Any]:
    """The request's JSON body, checked against `schema_name`."""
    if not pipeline.is_json_media_type(request.mimetype):
        raise RefusedError(415, "unsupported_media_type", "Request body must be JSON (application/json).")
    try:
        parsed = pipeline.parse_body(request.get_data(cache=False))
    except pipeline.InvalidBodyError as problem:
        raise invalid(str(problem)) from problem
    return check(parsed, schema_name)
