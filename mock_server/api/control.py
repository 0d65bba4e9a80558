"""The mock's own routes under /_mock (issue 4 adds the control API here)."""

from __future__ import annotations

from flask import Blueprint, Response

from mock_server.api.pipeline import backend
from mock_server.api.responses import write

blueprint = Blueprint("control", __name__, url_prefix="/_mock")


@blueprint.get("/health")
def health() -> Response:
    with backend().database.read() as connection:
        connection.execute("SELECT 1").fetchone()
    return write({"status": "ok"})
