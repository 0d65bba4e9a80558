"""What every domain operation works with: the database, the clock and the behaviour settings."""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import defaults
from ..store import clock as stored_clock
from ..store.database import Database
from .clock import Clock


@dataclass(slots=True)
class Backend:
    database: Database
    clock: Clock = field(default_factory=Clock)
    # Mock seconds between dispatch and the delivery outcome.
    delivery_delay_s: float = defaults.DELIVERY_DELAY_S

    def generation(self) -> int:
        """Bumped by every reset in any process: a per-process cache keyed on it never serves old state."""
        with self.database.read() as connection:
            return stored_clock.state(connection)[1]
