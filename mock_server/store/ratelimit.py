"""The per-key rolling-minute request counter, in SQLite so that every worker process shares it."""

from __future__ import annotations

from .connection import Connection

WINDOW_S = 60.0


def hit(connection: Connection, key_id: int, now: float, limit: int) -> bool:
    """Count one request if the key is under its limit; call inside a write transaction."""
    connection.execute("DELETE FROM rate_hits WHERE key_id = ? AND at <= ?", (key_id, now - WINDOW_S))
    (used,) = connection.execute("SELECT COUNT(*) FROM rate_hits WHERE key_id = ?", (key_id,)).fetchone()
    if used >= limit:
        return False
    connection.execute("INSERT INTO rate_hits (key_id, at) VALUES (?, ?)", (key_id, now))
    return True
