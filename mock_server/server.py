"""Serve a WSGI app on an already bound socket with waitress, in one process or several forked ones."""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from types import FrameType
from typing import Any

from waitress.adjustments import Adjustments
from waitress.channel import HTTPChannel
from waitress.server import TcpWSGIServer
from waitress.task import ErrorTask, ThreadedTaskDispatcher

from . import defaults

WsgiApp = Callable[..., Any]
# What an error found by the server itself (before the app runs) answers: status → (content type, body).
ErrorBody = Callable[[int, str], tuple[str, bytes]]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Limits:
    """How long and how much a client may take. waitress reads every request in its I/O thread and
    hands it to a worker thread only once it is complete, so a slow client costs a socket, never a
    thread; these bound what even that socket may hold."""

    threads: int = defaults.THREADS
    max_body_bytes: int = defaults.MAX_BODY_BYTES
    # A request must arrive whole within this (headers and body), however steadily it trickles.
    request_timeout_s: float = 30.0
    # A connection with no request in flight and nothing received is closed after this.
    idle_timeout_s: int = 60
    # Per process; past it waitress stops accepting until a connection closes.
    connection_limit: int = 1000


def _error_task(error_body: ErrorBody) -> type[ErrorTask]:
    class JsonErrorTask(ErrorTask):  # type: ignore[misc]  # waitress is untyped
        """waitress' own refusals (413, 431, a malformed request line) in the API's envelope."""

        def execute(self) -> None:
            error = self.request.error
            content_type, body = error_body(error.code, f"{error.reason}: {error.body}")
            self.status = f"{error.code} {error.reason}"
            self.response_headers.append(("Content-Type", content_type))
            self.set_close_on_finish()
            self.content_length = len(body)
            self.write(body)

    return JsonErrorTask


def _server_class(limits: Limits, error_body: ErrorBody) -> type[TcpWSGIServer]:
    class Channel(HTTPChannel):  # type: ignore[misc]
        error_task_class = _error_task(error_body)
        request_started = 0.0

        def received(self, data: bytes) -> bool:
            if self.request is None and data:
                self.request_started = time.monotonic()
            done: bool = super().received(data)
            return done

    class Server(TcpWSGIServer):  # type: ignore[misc]
        channel_class = Channel

        def maintenance(self, now: float) -> None:
            super().maintenance(now)  # the idle timeout
            deadline = time.monotonic() - limits.request_timeout_s
            for channel in list(self.active_channels.values()):
                # Still reading a request that began too long ago: a trickle, not a client.
                if (
                    channel.request is not None
                    and not channel.requests
                    and channel.request_started < deadline
                ):
                    channel.will_close = True

    return Server


def build(app: WsgiApp, listener: socket.socket, limits: Limits, error_body: ErrorBody) -> Any:
    """A waitress server for `app` on `listener`; `.run()` serves until SystemExit, `.close()` stops
    accepting."""
    listener.setblocking(False)
    adjustments = Adjustments(
        sockets=[listener],
        threads=limits.threads,
        channel_timeout=limits.idle_timeout_s,
        cleanup_interval=1,
        connection_limit=limits.connection_limit,
        max_request_body_size=limits.max_body_bytes,
        ident="turkeysms-mock",
        expose_tracebacks=False,
        # Read on while a request runs, so that a hung fault (api/faulty.py) sees its client leave.
        channel_request_lookahead=1,
    )
    dispatcher = ThreadedTaskDispatcher()
    dispatcher.set_thread_count(limits.threads)
    return _server_class(limits, error_body)(
        app,
        {},
        True,
        listener,
        dispatcher=dispatcher,
        adj=adjustments,
        bind_socket=False,
        sockinfo=(listener.family, listener.type, listener.proto, listener.getsockname()),
    )


def _serve_here(app: WsgiApp, listener: socket.socket, limits: Limits, error_body: ErrorBody) -> None:
    server = build(app, listener, limits, error_body)
    # A request in flight finishes before the process goes (waitress waits up to 5 s for its threads).
    signal.signal(signal.SIGTERM, _exit_on_signal)
    server.run()


def _exit_on_signal(signum: int, _frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


def _watch_parent(parent: int) -> None:
    """A worker whose supervisor died (kill -9) must not keep the port: it leaves too."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os.kill(os.getpid(), signal.SIGTERM)


def serve(
    factory: Callable[[], WsgiApp],
    listener: socket.socket,
    *,
    workers: int,
    limits: Limits,
    error_body: ErrorBody,
) -> None:
    """Serve `factory()` on `listener` until SIGTERM or SIGINT. With more than one worker, each is a
    forked process that builds its own app (connections and threads never cross a fork) and accepts
    from the same socket; a worker that dies is replaced."""
    if workers <= 1:
        with contextlib.suppress(KeyboardInterrupt):
            _serve_here(factory(), listener, limits, error_body)
        return
    parent = os.getpid()
    children: set[int] = set()
    stopping = threading.Event()

    def spawn() -> None:
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                # Not the supervisor's handlers: a worker that is told to stop, stops.
                signal.signal(signal.SIGTERM, signal.SIG_DFL)
                signal.signal(signal.SIGINT, signal.SIG_IGN)  # the supervisor decides; it sends SIGTERM
                threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
                _serve_here(factory(), listener, limits, error_body)
            except SystemExit as leaving:
                code = leaving.code if isinstance(leaving.code, int) else 1
            except BaseException:
                log.exception("a worker failed")
                code = 1
            finally:
                sys.stderr.flush()
                os._exit(code)
        children.add(pid)

    def stop(_signum: int, _frame: FrameType | None) -> None:
        stopping.set()
        for pid in list(children):
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                children.discard(pid)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    for _ in range(workers):
        spawn()
    while children:
        try:
            pid, status = os.wait()
        except ChildProcessError:
            break
        children.discard(pid)
        if not stopping.is_set():
            log.warning("worker %d exited (status %d); starting another", pid, status)
            time.sleep(0.5)  # a worker that dies at once must not spin the supervisor
            spawn()
