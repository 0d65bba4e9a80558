"""After the clock moves: statuses change at once, due webhooks are sent in the background, waited on a while."""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass

from ..store import outbox
from . import lifecycle
from .backend import Backend
from .webhooks import Sender

log = logging.getLogger(__name__)

POLL_S = 0.02


@dataclass(frozen=True, slots=True)
class Settled:
    """What a bounded wait saw: `due` webhook attempts not made yet (0: every one that was due ran)."""

    now: float
    due: int


class Settler:
    """Runs due work for a clock advance without ever holding the caller longer than it asked.

    Status changes are written before `settle` returns (a transaction, quick whatever the receivers
    do). Webhook attempts go out from a thread of their own, so a receiver that hangs costs that
    thread its timeout and never the request; attempts another process is making count as due until
    they are recorded, so the wait covers every instance sharing the store.
    """

    def __init__(self, backend: Backend, sender: Sender) -> None:
        self.backend = backend
        self.sender = sender
        self._lock = threading.Lock()
        self._asked = False  # an advance came after the sending thread last looked
        self._sending = False

    def settle(self, wait_s: float) -> Settled:
        """Sweep, start sending, and wait at most `wait_s` for every attempt due by now to be made."""
        lifecycle.sweep(self.backend)
        # After the sweep: the events it enqueued are due at its own `now`, which must count.
        horizon = self.backend.clock.now()
        self._send_in_background()
        deadline = time.monotonic() + wait_s
        while True:
            with self.backend.database.read() as connection:
                due = outbox.due_count(connection, horizon)
            if due == 0 or time.monotonic() >= deadline:
                return Settled(horizon, due)
            time.sleep(POLL_S)

    def _send_in_background(self) -> None:
        self.sender.wake()  # the dispatcher's own thread, where one runs
        with self._lock:
            self._asked = True
            if self._sending:
                return  # the running thread looks again before it ends
            self._sending = True
        threading.Thread(target=self._send, name="turkeysms-mock-settle", daemon=True).start()

    def _send(self) -> None:
        while True:
            with self._lock:
                if not self._asked:
                    self._sending = False
                    return
                self._asked = False
            try:
                self.sender.run_due()  # claims until nothing due is left
            except Exception:  # a thread of its own: log it; the next advance or round tries again
                log.exception("sending due webhooks failed")
