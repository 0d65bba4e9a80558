"""An idle webhook dispatcher round is a read: it builds no HTTP client (a CA bundle load, ~17 ms of GIL)."""

from __future__ import annotations

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
