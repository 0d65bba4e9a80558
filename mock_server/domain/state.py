"""Reset: every worker back to the seed, the clock to real time, the outbox empty."""

from __future__ import annotations

from ..store import schema
from .backend import Backend


def reset(backend: Backend) -> int:
    """Reload the database's own seed; returns the number of accounts."""
    accounts = schema.reset(backend.database)
    backend.clock.reset()
    return accounts
