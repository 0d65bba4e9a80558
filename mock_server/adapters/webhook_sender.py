"""Sending the webhook outbox over HTTP from a background thread: signed POSTs, at least once."""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import threading
import time
import uuid
from dataclasses import dataclass
from typing import Any

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


class _Deadline:
    """Ends an attempt at `timeout_s` however its receiver answers. httpx's timeout bounds each read,
    not the attempt: an answer trickling a byte at a time would hold the sender (and its lease, and
    every event behind it) for as long as it trickled. At the deadline the attempt's socket is shut
    down, which ends the blocked read at once."""

    def __init__(self, timeout_s: float) -> None:
        self.expired = threading.Event()
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(timeout_s, self._expire)
        self._timer.daemon = True

    def trace(self, name: str, info: dict[str, Any]) -> None:
        """httpcore's trace hook: note the socket of each connection the attempt opens."""
        if name != "connection.connect_tcp.complete":
            return
        stream = info.get("return_value")
        found = stream.get_extra_info("socket") if stream is not None else None
        if isinstance(found, socket.socket):
            with self._lock:
                self._sockets.append(found)
            if self.expired.is_set():
                self._expire()

    def _expire(self) -> None:
        self.expired.set()
        with self._lock:
            for held in self._sockets:
                with contextlib.suppress(OSError):
                    held.shutdown(socket.SHUT_RDWR)

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._timer.cancel()


def _post(client: httpx.Client, event: Event, timeout_s: float) -> _Result:
    raw = webhooks.body(event)
    # A connection of its own per attempt (no keep-alive), so that the deadline knows its socket.
    headers = {
        "Content-Type": "application/json",
        SIGNATURE_HEADER: sign(raw, event.secret),
        "Connection": "close",
    }
    with _Deadline(timeout_s) as deadline:
        try:
            response = client.post(
                event.url, content=raw, headers=headers, extensions={"trace": deadline.trace}
            )
        except httpx.TimeoutException as error:
            return _Result("timeout", error=f"{type(error).__name__}: no answer in time")
        except (httpx.HTTPError, httpx.InvalidURL, ValueError) as error:
            if deadline.expired.is_set():
                return _Result("timeout", error=f"no whole answer within {timeout_s:g} s")
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
        result = _post(client, event, self.policy.timeout_s)
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
