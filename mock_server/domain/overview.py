"""The inbox page's cheap reads: a cursor that moves whenever the inbox changes."""

from __future__ import annotations

from ..records import Snapshot
from ..store import overview
from .backend import Backend


def install(backend: Backend) -> None:
    """Make forced outcomes visible to the cursor (a counter kept by a trigger)."""
    overview.install(backend.database)


def snapshot(backend: Backend) -> tuple[float, Snapshot]:
    """The mock time now and the cursor read at that time."""
    now = backend.clock.now()
    with backend.database.read() as connection:
        return now, overview.snapshot(connection, now)
