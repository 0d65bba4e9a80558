"""The control API's fault rules (spec/control-api.yaml, tag faults): add, list, remove."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response

from ..domain import faults
from ..domain.clock import iso
from . import guard
from .control_bodies import answers_refusals, body, invalid, not_found
from .pipeline import backend
from .responses import write

blueprint = Blueprint("faults", __name__, url_prefix="/_mock")
# The same gate as every control call: Host and Origin we serve, the token if set, JSON.
blueprint.before_request(guard.check)
answers_refusals(blueprint)
MAX_IDENTIFIER = 2**53 - 1


def _described(rule: faults.Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "kind": rule.fault.kind,
        **rule.fault.params(),
        "operation": rule.operation,
        "api_key": rule.api_key,
        "recipient": rule.recipient,
        "count": rule.count,
        "remaining": rule.remaining,
        "created_at": iso(rule.created_at),
    }


@blueprint.get("/faults")
def list_faults() -> Response:
    return write({"faults": [_described(rule) for rule in faults.rules(backend())]})


@blueprint.post("/faults")
def add_fault() -> Response:
    fields = body("FaultRequest")
    operation = fields.get("operation")
    try:
        fault = faults.define(fields, operation)
    except faults.FaultError as problem:
        raise invalid(str(problem)) from None
    rule = faults.add(
        backend(),
        fault,
        operation=operation,
        api_key=fields.get("api_key"),
        recipient=fields.get("recipient"),
        count=fields.get("count", 1),
    )
    return write(_described(rule), 201)


@blueprint.delete("/faults")
def clear_faults() -> Response:
    return write({"cleared": faults.remove(backend())})


@blueprint.delete("/faults/<raw_id>")
def delete_fault(raw_id: str) -> Response:
    if not raw_id.isascii() or not raw_id.isdigit() or not 1 <= int(raw_id) <= MAX_IDENTIFIER:
        raise invalid("'fault_id' must be a positive integer.")
    if not faults.remove(backend(), int(raw_id)):
        raise not_found(f"No fault rule {raw_id}.")
    return write({"cleared": 1})
