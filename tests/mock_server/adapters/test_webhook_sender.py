"""The webhook dispatcher: an idle round builds no HTTP client (a CA bundle load, ~17 ms of GIL), a
trickling receiver costs one timeout."""

from __future__ import annotations

import contextlib
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from turkeysms_mock import create_app
from turkeysms_mock.adapters import webhook_sender
from turkeysms_mock.adapters.webhook_sender import Dispatcher
from turkeysms_mock.api import control


def test_idle_rounds_build_no_http_client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = create_app({"DATABASE": str(tmp_path / "mock.sqlite3"), "WEBHOOK_THREAD": False})
    dispatcher: Dispatcher = app.extensions[control.DISPATCHER_KEY]
    built: list[Any] = []

    def counting_client(*args: Any, **kwargs: Any) -> Any:
        built.append(kwargs)
        raise AssertionError("an idle round must not build an HTTP client")

    monkeypatch.setattr(webhook_sender.httpx, "Client", counting_client)
    for _ in range(5):
        assert dispatcher.run_due() == 0
    assert built == []


def test_a_receiver_that_trickles_its_answer_is_a_timeout(tmp_path: Path) -> None:
    # httpx's timeout bounds each read, not the attempt: an answer that sends a byte every 0.1 s kept
    # the sender for as long as it trickled (past its lease: another instance then sent the event
    # too), and every other event of every account waited behind it.
    trickling = threading.Event()
    stop = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length", "0")))
            self.send_response(200)
            self.send_header("Content-Length", "200")
            self.end_headers()
            trickling.set()
            with contextlib.suppress(OSError):
                for _ in range(200):  # 20 s at most
                    if stop.wait(0.1):
                        return
                    self.wfile.write(b" ")

        def log_message(self, format: str, *args: Any) -> None:  # the base class's name
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
    app = create_app(
        {"DATABASE": str(tmp_path / "mock.sqlite3"), "WEBHOOK_THREAD": False, "WEBHOOK_TIMEOUT_S": 0.5}
    )
    client = app.test_client()
    try:
        hook = {"api_key": "test-key", "url": f"http://127.0.0.1:{server.server_port}/", "secret": "s"}
        assert client.post("/_mock/webhook", json=hook).status_code == 200
        body = {"api_key": "test-key", "title": "MyCompany", "text": "Hi", "sentto": "905321234567"}
        assert client.post("/sms/send", json=body).status_code == 200
        # The advance starts the sending in a thread of its own, and answers at once (wait 0).
        assert client.post("/_mock/clock", json={"advance": 5, "wait": 0}).status_code == 200
        assert trickling.wait(10)
        settled = client.post("/_mock/clock", json={"advance": 0, "wait": 5})  # ten times the timeout
        assert settled.get_json()["settled"] is True, "the sender is still reading a trickling answer"
        [attempt] = client.get("/_mock/webhooks").get_json()["attempts"]
        assert attempt["outcome"] == "timeout"
    finally:
        stop.set()
        server.shutdown()
        server.server_close()
