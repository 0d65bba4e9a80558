"""A fault answered over HTTP: the X-Mock-Fault header read, error pages, delays, dropped and hung connections."""

from __future__ import annotations

import contextlib
import errno
import select
import socket
import time
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from flask import Response
from waitress.channel import ClientDisconnected
from werkzeug.datastructures import Headers

from ..domain import faults
from ..domain.errors import ApiError
from ..domain.faults import Fault

# The module, not its function: control_bodies imports pipeline, which imports this module.
from . import control_bodies, guard, responses
from .responses import RefusedError

HEADER = "X-Mock-Fault"
# What nginx writes for these statuses: a client must cope with this HTML where it expects JSON.
_GATEWAY_TITLES = {
    502: "502 Bad Gateway",
    503: "503 Service Temporarily Unavailable",
    504: "504 Gateway Time-out",
}
# The header's short form: the kind's own value goes into this field.
_MAIN_FIELD = {"code": "code", "status": "status", "gateway": "status", "delay": "seconds", "hang": "seconds"}
_NUMBERS: Mapping[str, Callable[[str], Any]] = {
    "status": int,
    "retry_after": int,
    "seconds": float,
    "code": str,
    "commit": lambda text: {"true": True, "1": True, "false": False, "0": False}[text.lower()],
}
# The servers we run under hand the connection's socket to the application in the environ.
_SOCKET_KEYS = ("gunicorn.socket", "werkzeug.socket")
# waitress hands over no socket, only this callable: whether the client has gone.
_WAITRESS_DISCONNECTED = "waitress.client_disconnected"
_POLL_S = 0.05


def _header_fields(value: str) -> dict[str, Any]:
    parts = [part.strip() for part in value.split(";")]
    kind, _, main = parts[0].partition("=")
    kind = kind.strip().lower()
    if kind not in faults.KINDS:
        raise ValueError(f"the kind must be one of {', '.join(faults.KINDS)}")
    fields: dict[str, Any] = {"kind": kind}
    pairs: list[tuple[str, str]] = []
    if main.strip():
        if kind not in _MAIN_FIELD:
            raise ValueError(f"a {kind} fault takes no value")
        pairs.append((_MAIN_FIELD[kind], main))
    for part in parts[1:]:
        name, equals, text = part.partition("=")
        if not equals:
            raise ValueError(f"'{part}' is not name=value")
        pairs.append((name.strip().lower(), text))
    for name, text in pairs:
        convert = _NUMBERS.get(name)
        if convert is None:
            raise ValueError(f"'{name}' is not a parameter of a {kind} fault")
        try:
            fields[name] = convert(text.strip())
        except (KeyError, ValueError):
            raise ValueError(f"'{text.strip()}' is not a valid {name}") from None
    return fields


def requested(headers: Headers, operation: str) -> Fault | None:
    """The fault the request's X-Mock-Fault header asks for; a malformed one, or one without the
    control token of a mock that has one, answers TS-1033 (nothing done or billed)."""
    value = headers.get(HEADER)
    if value is None:
        return None
    if not guard.token_accepted(headers):
        # A mock shared behind --control-token is steered by its token holders only: no other caller
        # ties up its threads with hangs and delays. A local mock without a token takes the header.
        raise ApiError(
            "TS-1033",
            f"{HEADER}: this mock has a control token; send it as {guard.TOKEN_HEADER} with the fault header.",
        )
    try:
        return faults.define(control_bodies.check(_header_fields(value), "FaultRequest"), operation)
    except (ValueError, RefusedError) as problem:
        detail = problem.message if isinstance(problem, RefusedError) else str(problem)
        raise ApiError("TS-1033", f"{HEADER}: {detail}") from None


def _gateway_page(status: int) -> Response:
    title = _GATEWAY_TITLES[status]
    page = (
        f"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n"
        "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
    )
    return Response(page, status=status, mimetype="text/html")


def _socket(environ: Mapping[str, Any]) -> socket.socket | None:
    for key in _SOCKET_KEYS:
        found = environ.get(key)
        if isinstance(found, socket.socket):
            return found
    return None


def _client_left(connection: socket.socket, seconds: float) -> None:
    """Wait `seconds`, or until the client closes its end: no one waits for an answer any more."""
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        readable, _, _ = select.select([connection], [], [], left)
        if not readable:
            return
        try:
            if not connection.recv(1, socket.MSG_PEEK):
                return
        except OSError:
            return
        # Bytes of a next request, not a hang-up: nothing more to watch, so wait out the time.
        time.sleep(max(0.0, deadline - time.monotonic()))
        return


def _hold(environ: Mapping[str, Any], seconds: float) -> None:
    """Keep the request unanswered for `seconds`, ending early where the server tells of a hang-up."""
    connection = _socket(environ)
    if connection is not None:
        _client_left(connection, seconds)
        return
    # waitress only notices a hang-up while a request runs with channel_request_lookahead > 0;
    # otherwise this polls a False and waits the whole time, which is still bounded.
    disconnected = environ.get(_WAITRESS_DISCONNECTED)
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        if callable(disconnected) and disconnected():
            return
        time.sleep(min(left, _POLL_S))


class DroppedConnection(Response):
    """No answer at all: the connection closes after `hold_s` seconds without a byte written.

    Called as the WSGI application's answer, it ends the request the way each server we run under
    treats a client that went away, writing nothing and closing the connection: waitress on its
    ClientDisconnected; werkzeug and gunicorn, which hand the socket over in the environ, once the
    socket is shut down and a broken pipe is raised.
    """

    def __init__(self, hold_s: float = 0.0) -> None:
        super().__init__(b"", status=500)
        self.hold_s = hold_s

    def __call__(self, environ: Any, start_response: Any) -> Iterable[bytes]:
        if self.hold_s > 0:
            _hold(environ, self.hold_s)
        if _WAITRESS_DISCONNECTED in environ:
            raise ClientDisconnected("connection dropped by a mock fault")
        connection = _socket(environ)
        if connection is not None:
            with contextlib.suppress(OSError):  # the client is gone already
                connection.shutdown(socket.SHUT_RDWR)
        raise BrokenPipeError(errno.EPIPE, "connection dropped by a mock fault")


def answer(fault: Fault, act: Callable[[], responses.Reply], *, as_php: bool) -> responses.Reply:
    """The answer of a request that meets `fault`; `act` carries the request out as without one."""
    if fault.kind == "delay":
        time.sleep(fault.seconds or 0.0)
        return act()
    if fault.kind == "code":
        assert fault.code is not None
        response = responses.error(ApiError(fault.code), as_php=as_php)
    else:
        if fault.commit:
            act()  # carried out, billed and stored; only its answer is lost
        if fault.kind == "drop":
            return DroppedConnection()
        if fault.kind == "hang":
            return DroppedConnection(fault.seconds or 0.0)
        assert fault.status is not None
        response = (
            _gateway_page(fault.status)
            if fault.kind == "gateway"
            else Response(b"", fault.status, mimetype="text/plain")
        )
    if fault.retry_after is not None:
        response.headers["Retry-After"] = str(fault.retry_after)
    return response
