"""The mock's only source of time: real by default, moved forward by tests through the control API."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta, timezone

from ..store import clock as stored
from ..store.database import Database

# D4: Europe/Istanbul has been UTC+03:00 all year since 2016, so a fixed offset is exact and
# needs no tz database on the machine.
ISTANBUL = timezone(timedelta(hours=3), "Europe/Istanbul")


class Clock:
    """Epoch seconds: the wall clock plus an offset that only moves forward (until a reset)."""

    def __init__(self, offset: float = 0.0) -> None:
        self._offset = offset
        self._lock = threading.Lock()

    def now(self) -> float:
        return time.time() + self.offset

    def now_read(self, stored_offset: float | None) -> float:
        """`now()` given the stored offset when the caller read it with other state (None: it did not);
        this clock keeps its offset in the process, so the stored one is not its own."""
        return self.now()

    def advance(self, seconds: float) -> float:
        """Move the clock forward and return the new time."""
        if seconds < 0:
            raise ValueError("the clock only moves forward")
        with self._lock:
            self._offset += seconds
        return self.now()

    def reset(self) -> None:
        with self._lock:
            self._offset = 0.0

    @property
    def offset(self) -> float:
        return self._offset


class SharedClock(Clock):
    """A clock whose offset lives in the database, so that every worker process tells the same time.

    Each reading costs one primary-key lookup of a one-row table (a few microseconds): cheaper
    and simpler than caching the offset and revalidating the cache, which also needs a read.
    """

    def __init__(self, database: Database) -> None:
        super().__init__()
        self._database = database

    def now_read(self, stored_offset: float | None) -> float:
        return self.now() if stored_offset is None else time.time() + stored_offset

    def advance(self, seconds: float) -> float:
        if seconds < 0:
            raise ValueError("the clock only moves forward")
        with self._database.write() as connection:
            offset = stored.advance(connection, seconds)
        return time.time() + offset

    def reset(self) -> None:
        # The offset is zeroed by the store's reset, in the same transaction as the rest of the state.
        pass

    @property
    def offset(self) -> float:
        with self._database.read() as connection:
            return stored.state(connection)[0]


def to_istanbul(epoch: float) -> datetime:
    return datetime.fromtimestamp(epoch, ISTANBUL)


def to_utc(epoch: float) -> datetime:
    return datetime.fromtimestamp(epoch, UTC)


def iso(epoch: float) -> str:
    """ISO-8601 in Istanbul time with its offset, to the millisecond, as the control API answers."""
    return to_istanbul(epoch).isoformat(timespec="milliseconds")
