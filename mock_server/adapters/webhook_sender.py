"""Sending the webhook outbox over HTTP from a background thread: signed POSTs, at least once."""

from __future__ import annotations

import logging
import os
import threading
import time
import uuid
from dataclasses import dataclass

import httpx

from turkeysms.webhooks import SIGNATURE_HEADER, sign

from ..domain import lifecycle, webhooks
from ..domain.backend import Backend
from ..domain.webhooks import Policy
from ..records import Event

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class _Result:
    outcome: str
    response_status: int | None = None
    error: str | None = None


def _post(client: httpx.Client, event: Event) -> _Result:
    raw = webhooks.body(event)
    headers = {"Content-Type": "application/json", SIGNATURE_HEADER: sign(raw, event.secret)}
    try:
        response = client.post(event.url, content=raw, headers=headers)
    except httpx.TimeoutException as error:
        return _Result("timeout", error=f"{type(error).__name__}: no answer in time")
    except (httpx.HTTPError, httpx.InvalidURL, ValueError) as error:
        # ValueError: a URL httpx cannot use; it will never work, but it is retried and recorded alike.
        return _Result("connection_error", error=f"{type(error).__name__}: {error}")
    if 200 <= response.status_code < 300:
        return _Result(webhooks.DELIVERED, response.status_code)
    return _Result("http_error", response.status_code, f"HTTP {response.status_code}")


class Dispatcher:
    """Sweeps status changes into the outbox and sends what is due; one per process.

    Several processes may run one each: events are claimed under a lease in SQLite, so no two
    send the same event at once, and a claim of a killed process lapses after `Policy.lease_s`.
    """

    def __init__(self, backend: Backend, policy: Policy | None = None, interval_s: float = 0.25) -> None:
        self.backend = backend
        self.policy = policy or Policy()
        self.interval_s = interval_s
        self._owner = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._thread_pid: int | None = None
        self._run_lock = threading.Lock()

    def run_due(self, *, wait_for_others: bool = False) -> int:
        """Sweep, then send every due event; returns the attempts made.

        With `wait_for_others`, also wait (bounded) while another worker is sending a due event,
        so that the caller's answer comes after every attempt that was due.
        """
        made = 0
        deadline = time.monotonic() + self.policy.lease_s
        while True:
            lifecycle.sweep(self.backend)
            made += self._send_round()
            if not wait_for_others or time.monotonic() > deadline:
                return made
            if not webhooks.leased_due(self.backend, wall=time.time()):
                # A round may have left due events only if it was full: go again until none is due.
                if not webhooks.is_due(self.backend):
                    return made
            else:
                time.sleep(0.02)

    def _send_round(self) -> int:
        made = 0
        client: httpx.Client | None = None
        try:
            while True:
                if not webhooks.is_due(self.backend):
                    return made  # the idle case takes no write lock from the senders
                claimed = webhooks.claim(
                    self.backend, owner=self._owner, wall=time.time(), policy=self.policy
                )
                if not claimed:
                    return made
                if client is None:
                    # Built only when there is something to send: a client loads the CA bundle
                    # (~17 ms of CPU under the GIL), which, four times a second in every worker,
                    # stalled the request thread and cost the senders about a tenth of their rate.
                    client = httpx.Client(
                        timeout=self.policy.timeout_s, follow_redirects=False, trust_env=False
                    )
                for event in claimed:
                    self._attempt(client, event)
                    made += 1
        finally:
            if client is not None:
                client.close()

    def _attempt(self, client: httpx.Client, event: Event) -> None:
        result = _post(client, event)
        kept = webhooks.record(
            self.backend,
            event,
            owner=self._owner,
            policy=self.policy,
            outcome=result.outcome,
            response_status=result.response_status,
            error=result.error,
        )
        if not kept:
            log.info("webhook event %s was reset while being sent", event.id)

    def wake(self) -> None:
        self._wake.set()

    def start(self) -> None:
        """Run in a daemon thread of this process (again after a fork: threads do not survive one)."""
        if self._thread is not None and self._thread_pid == os.getpid() and self._thread.is_alive():
            return
        self._owner = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name="turkeysms-mock-webhooks", daemon=True)
        self._thread_pid = os.getpid()
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None and self._thread_pid == os.getpid():
            self._thread.join(timeout=self.policy.timeout_s + 1)
        self._thread = None

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                with self._run_lock:
                    self.run_due()
            except Exception:  # the loop must outlive a bad round (e.g. a locked database)
                log.exception("webhook dispatcher round failed")
            self._wake.wait(self.interval_s)
            self._wake.clear()
