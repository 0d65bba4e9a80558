"""What the inbox page polls and lists beside the messages: the change cursor."""

from __future__ import annotations

from ..records import Snapshot
from .connection import Connection

# Sends, webhook events and attempts add rows (their largest id moves), a reset bumps the generation
# and an advance the clock offset; a forced outcome only UPDATEs a recipient, so a trigger counts those (each
# dialect's DDL, sqlite_schema and postgres_schema, creates it with the tables).
# Natural transitions (scheduled -> pending -> outcome) are derived from the clock and write nothing:
# the cursor carries the time of the next one, which changes once the clock has passed it.
# One statement, so every part comes from the same snapshot. Each part is a primary-key lookup or a
# rowid maximum, except the next transition, which reads the partial index of unreported recipients
# (only the ones still scheduled or pending have a due time in the future).
_CURSOR = """
SELECT
    (SELECT generation FROM mock_state WHERE id = 1),
    (SELECT clock_offset FROM mock_state WHERE id = 1),
    (SELECT forced FROM inbox_changes WHERE id = 1),
    (SELECT MAX(id) FROM recipients),
    (SELECT MAX(id) FROM webhook_events),
    (SELECT MAX(id) FROM webhook_attempts),
    (SELECT MIN(CASE WHEN send_at > :now THEN send_at ELSE due_at END)
       FROM recipients WHERE reported IS NULL AND due_at > :now)
"""


def snapshot(connection: Connection, now: float) -> Snapshot:
    row = connection.execute(_CURSOR, {"now": now}).fetchone()
    generation, offset, forced, recipient, event, attempt, upcoming = row
    return Snapshot((generation, offset, forced, recipient, event, attempt, upcoming), upcoming)
