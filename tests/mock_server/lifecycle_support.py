"""Test support for the lifecycle: a real local webhook receiver, and control API answers checked against its spec."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
from openapi_schema_validator import OAS30Validator

from turkeysms._contract import CONTROL_API_PATH, load_openapi
from turkeysms.webhooks import SIGNATURE_HEADER, verify_signature
from turkeysms_mock.api.validation import resolve


@dataclass
class Received:
    body: bytes
    signature: str | None


@dataclass
class Receiver:
    """An http.server in a thread that records every POST; the first `fail_first` answer `fail_status`."""

    url: str = ""
    fail_first: int = 0
    fail_status: int = 500
    calls: list[Received] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def signed_by(self, secret: str) -> bool:
        return all(
            call.signature is not None and verify_signature(call.body, call.signature, secret)
            for call in self.calls
        )


@contextmanager
def receiving(fail_first: int = 0, fail_status: int = 500) -> Iterator[Receiver]:
    receiver = Receiver(fail_first=fail_first, fail_status=fail_status)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            with receiver.lock:
                receiver.calls.append(Received(body, self.headers.get(SIGNATURE_HEADER)))
                failing = len(receiver.calls) <= receiver.fail_first
            self.send_response(receiver.fail_status if failing else 204)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:  # the base class's name
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    receiver.url = f"http://127.0.0.1:{server.server_port}/hooks/sms"
    try:
        yield receiver
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@functools.cache
def _control() -> dict[str, Any]:
    return dict(load_openapi(CONTROL_API_PATH))


def _timestamps(node: Any, schema: dict[str, Any]) -> None:
    """date-time strings parse as ISO-8601 with an offset (the validator skips formats)."""
    if schema.get("format") == "date-time" and isinstance(node, str):
        assert datetime.fromisoformat(node).utcoffset() is not None, node
    for part in schema.get("allOf", []):
        _timestamps(node, part)
    if isinstance(node, dict):
        for name, sub in schema.get("properties", {}).items():
            if name in node:
                _timestamps(node[name], sub)
    if isinstance(node, list) and "items" in schema:
        for item in node:
            _timestamps(item, schema["items"])


def conforms(response: httpx.Response, path: str, method: str = "get") -> Any:
    """The JSON body, after checking it against the control spec's response for its status."""
    document = _control()
    operation = document["paths"][path][method]
    assert str(response.status_code) in operation["responses"], (path, response.status_code, response.text)
    answer = resolve(operation["responses"][str(response.status_code)], document)
    assert response.headers["Content-Type"].startswith("application/json"), response.headers
    schema = answer["content"]["application/json"]["schema"]
    body = response.json()
    errors = [error.message for error in OAS30Validator(schema).iter_errors(body)]
    assert errors == [], (path, response.status_code, errors, body)
    _timestamps(body, schema)
    return body
