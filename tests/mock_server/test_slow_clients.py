"""The served mock keeps answering while clients trickle their requests in, a byte at a time."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FuturesTimeout
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.serving import post, serving

pytestmark = pytest.mark.slow

# Generous on purpose: the claim is "answered at all while tricklers are open", not a speed. Before the
# server buffered requests, both sync workers sat in the tricklers' reads until gunicorn killed them.
ANSWER_WITHIN_S = 5.0
TRICKLE_EVERY_S = 0.5


@contextmanager
def trickling(base: str, connections: int) -> Iterator[None]:
    """Open `connections` requests that announce a body and send it one byte every half second."""
    host, port = base.removeprefix("http://").split(":")
    body = b'{"api_key": "test-key"}' * 4
    stop = threading.Event()
    sockets = [socket.create_connection((host, int(port)), timeout=10) for _ in range(connections)]

    def trickle(sock: socket.socket) -> None:
        head = f"POST /balance/ HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n"
        sock.sendall(f"{head}Content-Length: {len(body)}\r\n\r\n".encode())
        for byte in body:
            if stop.wait(TRICKLE_EVERY_S):
                return
            try:
                sock.sendall(bytes([byte]))
            except OSError:
                return  # the server hung up on us: also fine, it is not waiting for us any more

    threads = [threading.Thread(target=trickle, args=(sock,), daemon=True) for sock in sockets]
    for thread in threads:
        thread.start()
    try:
        yield
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=5)
        for sock in sockets:
            sock.close()


def test_other_requests_are_answered_while_two_clients_trickle(tmp_path: Path) -> None:
    with (
        serving(tmp_path, "--db", "slow.sqlite3") as (base, _),
        trickling(base, connections=2),
        ThreadPoolExecutor(max_workers=1) as asking,
    ):
        # Give the tricklers time to be accepted and to sit in the server's reads.
        threading.Event().wait(1.0)
        for _ in range(5):
            answer = asking.submit(post, base, "/balance/", {"api_key": "test-key"})
            try:
                status, _body = answer.result(timeout=ANSWER_WITHIN_S)
            except FuturesTimeout:
                pytest.fail(f"no answer within {ANSWER_WITHIN_S} s while two clients trickle")
            assert status == 200
