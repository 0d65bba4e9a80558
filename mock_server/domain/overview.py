"""The inbox page's cheap reads: a cursor that moves whenever the inbox or its fault rules change."""

from __future__ import annotations

from collections.abc import Sequence

from ..records import Snapshot
from ..store import faults as stored_faults
from ..store import overview
from .backend import Backend


def _rules_part(rules: Sequence[stored_faults.StoredRule]) -> tuple[int, int, int | None]:
    # Rule ids are never reused (AUTOINCREMENT; an identity on PostgreSQL), an add raises the largest
    # one, a removal lowers the count and a use lowers the remaining sum: between two polls the three
    # differ whenever the listing does (a reset, which empties the table, also bumps the generation).
    return len(rules), sum(rule.remaining for rule in rules), max((rule.id for rule in rules), default=None)


def snapshot(backend: Backend) -> tuple[float, Snapshot]:
    """The mock time now and the cursor read at that time, from one snapshot of the database."""
    now = backend.clock.now()
    with backend.database.read() as connection:
        inbox = overview.snapshot(connection, now)
        # The page lists the fault rules too; they are few, so listing them costs about one lookup.
        rules = stored_faults.listed(connection)
    return now, Snapshot(inbox.parts + _rules_part(rules), inbox.next_change_at)
