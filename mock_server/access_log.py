"""A WSGI middleware writing one access-log line per request: the path only, never a query or a body."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def _line(environ: dict[str, Any], status: str, sent: int, took_s: float) -> str:
    # API keys travel in bodies, and a careless client may put one in the URL: PATH_INFO carries
    # no query string, and bodies are never read here.
    when = time.strftime("[%d/%b/%Y:%H:%M:%S %z]")
    return (
        f'{environ.get("REMOTE_ADDR", "-")} {when} "{environ.get("REQUEST_METHOD", "-")} '
        f'{environ.get("SCRIPT_NAME", "")}{environ.get("PATH_INFO", "")} {environ.get("SERVER_PROTOCOL", "-")}" '
        f"{status.split(' ', 1)[0]} {sent or '-'} {took_s:.6f}s\n"
    )


def logged(app: WsgiApp, out: IO[str]) -> WsgiApp:
    """`app`, with a line written to `out` once each answer has been sent."""
    lock = threading.Lock()  # the server's threads share `out`: whole lines, never interleaved

    def middleware(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        started = time.monotonic()
        seen: dict[str, str] = {}

        def recording_start(status: str, headers: list[tuple[str, str]], *info: Any) -> Any:
            seen["status"] = status
            return start_response(status, headers, *info)

        body = app(environ, recording_start)

        def sending() -> Iterator[bytes]:
            sent = 0
            try:
                for chunk in body:
                    sent += len(chunk)
                    yield chunk
            finally:
                close = getattr(body, "close", None)
                if close is not None:
                    close()
                line = _line(environ, seen.get("status", "-"), sent, time.monotonic() - started)
                with lock:
                    out.write(line)
                    out.flush()

        return sending()

    return middleware
