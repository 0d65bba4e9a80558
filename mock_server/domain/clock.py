"""The mock's only source of time: real by default, movable by tests (and by issue 4's control API)."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta, timezone

# D4: Europe/Istanbul has been UTC+03:00 all year since 2016, so a fixed offset is exact and
# needs no tz database on the machine.
ISTANBUL = timezone(timedelta(hours=3), "Europe/Istanbul")


class Clock:
    """Epoch seconds: the wall clock plus an offset that only ever moves forward."""

    def __init__(self, offset: float = 0.0) -> None:
        self._offset = offset
        self._lock = threading.Lock()

    def now(self) -> float:
        return time.time() + self._offset

    def advance(self, seconds: float) -> float:
        """Move the clock forward and return the new time."""
        if seconds < 0:
            raise ValueError("the clock only moves forward")
        with self._lock:
            self._offset += seconds
        return self.now()

    @property
    def offset(self) -> float:
        return self._offset


def to_istanbul(epoch: float) -> datetime:
    return datetime.fromtimestamp(epoch, ISTANBUL)


def to_utc(epoch: float) -> datetime:
    return datetime.fromtimestamp(epoch, UTC)
