"""waitress as we configure it: a trickle is cut off, waitress' own refusals answer in our envelope."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from turkeysms_mock.access_log import logged
from turkeysms_mock.cli import _server_error
from turkeysms_mock.listener import bind
from turkeysms_mock.server import Limits, build


def _hello(_environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", "2")])
    return [b"hi"]


@pytest.fixture
def served() -> Iterator[tuple[int, list[str]]]:
    """A tiny app behind our waitress setup: 1 s to send a whole request, 64-byte bodies at most."""
    lines: list[str] = []

    class Out:
        def write(self, text: str) -> None:
            lines.append(text)

        def flush(self) -> None:
            pass

    listener = bind("127.0.0.1", 0)
    server = build(
        logged(_hello, Out()),  # type: ignore[arg-type]
        listener,
        Limits(threads=2, max_body_bytes=64, request_timeout_s=1.0),
        _server_error,
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1], lines
    finally:
        server.task_dispatcher.shutdown()
        for channel in list(server._map.values()):
            channel.close()
        thread.join(timeout=5)


def _ask(port: int, raw: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(raw)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
            if b"\r\n\r\n" in answer and answer.endswith((b"}", b"hi")):
                break
        return answer


def test_a_request_that_trickles_past_the_deadline_is_cut_off(served: tuple[int, list[str]]) -> None:
    port, _ = served
    with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
        sock.sendall(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\n")
        for _ in range(40):  # a byte every half second, 20 s at most; the deadline is 1 s
            try:
                sock.sendall(b"x")
                if sock.recv(1) == b"":
                    return  # closed by the server
            except TimeoutError:
                continue  # still open: the recv waited the half second
            except OSError:
                return  # reset by the server
    pytest.fail("the server kept waiting for a request trickling past its deadline")


def test_a_body_over_the_limit_answers_413_in_the_envelope(served: tuple[int, list[str]]) -> None:
    port, _ = served
    answer = _ask(port, b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 65\r\n\r\n" + b"x" * 65)
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 413")
    assert b"application/json" in head
    assert json.loads(body)["result_code"] == "TS-1033"


def test_a_malformed_request_answers_400_in_the_envelope(served: tuple[int, list[str]]) -> None:
    port, _ = served
    answer = _ask(port, b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n")
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 400")
    assert json.loads(body)["result"] is False


def test_the_access_log_has_the_path_and_no_query(served: tuple[int, list[str]]) -> None:
    port, lines = served
    assert _ask(port, b"GET /balance/?api_key=secret HTTP/1.1\r\nHost: x\r\n\r\n").endswith(b"hi")
    for _ in range(100):
        if lines:
            break
        threading.Event().wait(0.02)
    assert '"GET /balance/ HTTP/1.1" 200 2 ' in lines[0]
    assert "secret" not in lines[0]
