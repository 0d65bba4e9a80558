"""The control API's reads for the inbox page (spec/control-api.yaml): the change cursor (the accounts come from api/state_edits.py)."""

from __future__ import annotations

from flask import Blueprint, Response

from ..domain import overview
from ..domain.clock import iso
from . import guard
from .pipeline import backend
from .responses import write

blueprint = Blueprint("overview", __name__, url_prefix="/_mock")
# The same guard as every control call: these reads show accounts and what was received.
blueprint.before_request(guard.check)


@blueprint.get("/changes")
def changes() -> Response:
    now, snapshot = overview.snapshot(backend())
    upcoming = snapshot.next_change_at
    return write(
        {
            "cursor": snapshot.cursor,
            "generation": snapshot.generation,
            "now": iso(now),
            "next_change_at": None if upcoming is None else iso(upcoming),
        }
    )
