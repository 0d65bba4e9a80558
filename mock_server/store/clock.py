"""The mock clock's offset and the reset generation: one row that every worker process reads."""

from __future__ import annotations

from .connection import Connection

_READ = "SELECT clock_offset, generation FROM mock_state WHERE id = 1"


def state(connection: Connection) -> tuple[float, int]:
    """(clock offset in seconds, reset generation)."""
    row = connection.execute(_READ).fetchone()
    return (0.0, 0) if row is None else (float(row[0]), int(row[1]))


def advance(connection: Connection, seconds: float) -> float:
    """Add to the offset inside a write transaction; returns the new offset."""
    connection.execute("UPDATE mock_state SET clock_offset = clock_offset + ? WHERE id = 1", (seconds,))
    return state(connection)[0]
