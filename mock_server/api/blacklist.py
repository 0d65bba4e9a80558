"""Routes of the blacklist, in the `status: success` envelope the page shows (C5)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint

from turkeysms_spec.catalogue import RESULT_CODES

from ..domain import blacklist
from ..domain.backend import Backend
from ..domain.clock import to_istanbul
from ..records import Principal
from .pipeline import endpoint

blueprint = Blueprint("blacklist", __name__)


def _answer(code: str, **fields: Any) -> dict[str, Any]:
    return {
        "status": "success",
        "result_code": code,
        "result_message": RESULT_CODES[code].message,
        **fields,
    }


@endpoint(blueprint, "/blacklist/add")
def add(backend: Backend, principal: Principal, fields: dict[str, Any]) -> dict[str, Any]:
    blacklist.add(backend, principal, fields["number"])
    return _answer("TS-1141")


@endpoint(blueprint, "/blacklist/status")
def status(backend: Backend, principal: Principal, fields: dict[str, Any]) -> dict[str, Any]:
    entry = blacklist.lookup(backend, principal, fields["number"])
    if entry is None:
        return _answer("TS-1142", is_blocked=False)
    since = to_istanbul(entry.created_at)
    return _answer(
        "TS-1143", is_blocked=True, block_date=since.date().isoformat(), block_time=since.strftime("%H:%M")
    )
