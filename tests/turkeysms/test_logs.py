"""Debug logs: one line per request and answer with method, path, status, duration, retries; never the key."""

from __future__ import annotations

import logging
import os
import subprocess
import sys

import httpx
import pytest

from turkeysms import TurkeySMS

from .conftest import KEY, FakeAPI, error_body


def test_each_request_and_answer_is_logged_without_the_key(
    client: TurkeySMS, fake: FakeAPI, caplog: pytest.LogCaptureFixture
) -> None:
    fake.script += [httpx.Response(503, json={**error_body("TS-9999", f"bad key {KEY}")})]
    with caplog.at_level(logging.DEBUG, logger="turkeysms"):
        client.send_sms("MyCompany", "905321234567", "Hi")
    lines = [record.getMessage() for record in caplog.records if record.name == "turkeysms"]
    text = "\n".join(lines)
    assert KEY not in text and "**redacted**" in text
    answers = [line for line in lines if line.startswith("answer ")]
    assert answers[0].startswith("answer POST /sms/send -> 503 TS-9999 in ")
    assert "(attempt 1, retries 0)" in answers[0] and " ms " in answers[0]
    assert (
        answers[1].startswith("answer POST /sms/send -> 200 in ") and "(attempt 2, retries 1)" in answers[1]
    )
    assert any(line.startswith("retrying POST /sms/send (retry 1 of 3)") for line in lines)
    assert any(line.startswith("request POST http://fake/sms/send (attempt 1)") for line in lines)


def test_nothing_is_formatted_when_debug_is_off(client: TurkeySMS, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="turkeysms"):
        client.get_balance()
    assert [r for r in caplog.records if r.name == "turkeysms"] == []


def test_turkeysms_log_env_turns_on_stderr_logging() -> None:
    script = (
        "import httpx, turkeysms\n"
        "def api(request): return httpx.Response(200, json={'result': True, 'result_code': 'TS-1040', 'result_message': 'ok',"
        " 'balance': {'main': 1, 'international': 2}})\n"
        "http = httpx.Client(transport=httpx.MockTransport(api), base_url='http://fake')\n"
        f"turkeysms.TurkeySMS({KEY!r}, http_client=http).get_balance()\n"
    )
    env = {**os.environ, "TURKEYSMS_LOG": "debug"}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    assert "answer POST /balance/ -> 200 in " in done.stderr
    assert KEY not in done.stderr
