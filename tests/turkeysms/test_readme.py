"""The README's Python SDK section runs: its snippets as one session against the mock, its receivers."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import re
import textwrap
from pathlib import Path
from typing import Any

import pytest

from turkeysms import webhooks

README = Path(__file__).resolve().parents[2] / "README.md"
RECEIVER = "# webhook receiver: "
SECRETS = ("whsec-new", "whsec-old")


def _section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("\n## Python SDK\n")
    end = text.index("\n## ", start + 1)
    return text[start:end]


def _snippets() -> list[str]:
    blocks = re.findall(r"^( *)```python\n(.*?)^\1```", _section(), flags=re.MULTILINE | re.DOTALL)
    return [textwrap.dedent(code) for _, code in blocks]


def _receiver(framework: str) -> str:
    (code,) = [s for s in _snippets() if s.startswith(RECEIVER + framework)]
    return code


def test_the_sessions_snippets_run_against_the_mock(turkeysms_mock: Any) -> None:
    session = [s for s in _snippets() if not s.startswith(RECEIVER)]
    assert len(session) >= 8
    namespace: dict[str, Any] = {"__name__": "readme"}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        for code in session:
            exec(code.replace("http://127.0.0.1:8080", turkeysms_mock.base_url), namespace)
    printed = out.getvalue()
    assert "TS-1029 403 False" in printed  # the raw-answer snippet's unknown sender title
    assert "\n2 1\n" in printed  # dedupe: two sent, one duplicate skipped
    assert "\nTrue True\n" in printed  # named permissions of /auth/check
    assert re.search(
        r"^TS-1027 [1-9]\d* [1-9]\d* \[\d", printed, flags=re.MULTILINE
    )  # the bulk that ran out of credits
    assert "Unset" not in printed


def _event(created_at: dt.datetime) -> bytes:
    return json.dumps(
        {
            "event": "sms.status",
            "created_at": created_at.isoformat(),
            "data": {"sms_id": 1000007721, "phone_number": "905321234567", "status": "delivered"},
        }
    ).encode()


def _cases() -> list[tuple[str, bytes, dict[str, str], int]]:
    fresh = _event(dt.datetime.now(dt.UTC))
    stale = _event(dt.datetime.now(dt.UTC) - dt.timedelta(hours=1))
    header = webhooks.SIGNATURE_HEADER
    return [
        ("new secret", fresh, {header: webhooks.sign(fresh, SECRETS[0])}, 204),
        ("old secret", fresh, {header: webhooks.sign(fresh, SECRETS[1])}, 204),
        ("no signature", fresh, {}, 400),
        ("wrong signature", fresh, {header: "0" * 64}, 400),
        ("replayed", stale, {header: webhooks.sign(stale, SECRETS[0])}, 400),
    ]


@pytest.fixture
def receiver_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TURKEYSMS_WEBHOOK_SECRETS", ",".join(SECRETS))


def _load(framework: str) -> dict[str, Any]:
    namespace: dict[str, Any] = {"__name__": f"readme_{framework.lower()}"}
    exec(_receiver(framework), namespace)
    return namespace


def test_flask_receiver(receiver_env: None, capsys: pytest.CaptureFixture[str]) -> None:
    client = _load("Flask")["app"].test_client()
    for name, body, headers, status in _cases():
        answer = client.post(
            "/turkeysms/webhook", data=body, headers=headers, content_type="application/json"
        )
        assert answer.status_code == status, (name, answer.get_data(as_text=True))
    assert capsys.readouterr().out.count("1000007721 905321234567 delivered") == 2


def test_fastapi_receiver(receiver_env: None, capsys: pytest.CaptureFixture[str]) -> None:
    from fastapi.testclient import TestClient  # noqa: PLC0415 (dev-only dependency)

    client = TestClient(_load("FastAPI")["app"])
    for name, body, headers, status in _cases():
        answer = client.post("/turkeysms/webhook", content=body, headers=headers)
        assert answer.status_code == status, (name, answer.text)
    assert capsys.readouterr().out.count("1000007721 905321234567 delivered") == 2


def test_django_receiver(receiver_env: None, capsys: pytest.CaptureFixture[str]) -> None:
    import django  # noqa: PLC0415 (dev-only dependency)
    from django.conf import settings  # noqa: PLC0415
    from django.test import RequestFactory  # noqa: PLC0415

    if not settings.configured:
        settings.configure(SECRET_KEY="test", ALLOWED_HOSTS=["testserver"], USE_TZ=True)
        django.setup()
    view = _load("Django")["turkeysms_webhook"]
    factory = RequestFactory()
    for name, body, headers, status in _cases():
        request = factory.post(
            "/turkeysms/webhook", data=body, content_type="application/json", headers=headers
        )
        assert view(request).status_code == status, name
    assert view(factory.get("/turkeysms/webhook")).status_code == 405
    assert capsys.readouterr().out.count("1000007721 905321234567 delivered") == 2
