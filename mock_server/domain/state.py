"""Reset: every worker back to the seed, the clock to real time, the outbox empty."""

from __future__ import annotations

from ..records import Seed
from ..store import schema
from . import seed
from .backend import Backend


def reset(backend: Backend) -> int:
    """Reload the database's own seed (parsed here, written by the store); returns the number of accounts."""
    source = schema.stored_seed(backend.database)
    accounts = schema.reset(backend.database, Seed() if source is None else seed.parse(source))
    backend.clock.reset()
    return accounts


def ready(backend: Backend) -> bool:
    """The database answers (what a load balancer's health check must know)."""
    return backend.database.ping()
