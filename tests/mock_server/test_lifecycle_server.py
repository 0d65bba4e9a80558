"""The lifecycle on the real server: workers share one clock, and a kill -9 mid-retry loses no webhook."""

from __future__ import annotations

import json
import os
import signal
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import both_engines
from tests.mock_server.lifecycle_support import receiving
from tests.serving import post, serving
from turkeysms.webhooks import construct_event

pytestmark = pytest.mark.slow

KEY = "test-key"  # the demo account's
SECRET = "restart-secret"


def _get(base: str, path: str) -> dict[str, Any]:
    with urllib.request.urlopen(base + path, timeout=30) as response:
        answer: dict[str, Any] = json.loads(response.read())
        return answer


def _send(base: str, to: str = "905321234567") -> int:
    status, answer = post(
        base, "/sms/send", {"api_key": KEY, "title": "MyCompany", "text": "Hi", "sentto": to}
    )
    assert status == 200, answer
    sms_id: int = answer["sms_id"]
    return sms_id


@both_engines
def test_every_worker_tells_the_same_time(tmp_path: Path, database_target: str) -> None:
    # A delay no real wait reaches: only the shared advance can deliver the message.
    with serving(tmp_path, "--db", database_target, "--workers", "3", "--delivery-delay", "600") as (base, _):
        sms_id = _send(base)
        assert post(base, "/_mock/clock", {"advance": 7200})[0] == 200

        def status(_: int) -> str:
            code: str = post(base, "/sms/status", {"api_key": KEY, "sms_id": sms_id})[1]["result_code"]
            return code

        # Concurrent requests land on every worker; each must see the delivery the advance caused.
        with ThreadPoolExecutor(max_workers=12) as pool:
            codes = list(pool.map(status, range(60)))
        assert set(codes) == {"TS-1064"}
        assert post(base, "/_mock/reset", {})[0] == 200
        with ThreadPoolExecutor(max_workers=12) as pool:
            answers = list(
                pool.map(lambda _: post(base, "/sms/status", {"api_key": KEY, "sms_id": sms_id}), range(30))
            )
        assert {answer["result_code"] for _, answer in answers} == {"TS-1052"}  # reset reached them all


@both_engines
def test_a_kill_9_in_the_middle_of_retrying_loses_nothing(tmp_path: Path, database_target: str) -> None:
    args = ("--db", database_target)
    with receiving(fail_first=10_000, fail_status=503) as receiver:
        with serving(tmp_path, *args) as (base, process):
            body = {"api_key": KEY, "url": receiver.url, "secret": SECRET}
            assert post(base, "/_mock/webhook", body)[0] == 200
            sms_id = _send(base)
            post(base, "/_mock/clock", {"advance": 5})
            assert len(receiver.calls) == 1
            [waiting] = _get(base, f"/_mock/webhooks?sms_id={sms_id}")["pending"]
            assert waiting["attempts"] == 1
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
        receiver.fail_first = len(receiver.calls)  # the receiver recovers while the mock is down
        with serving(tmp_path, *args) as (base, _):
            post(base, "/_mock/clock", {"advance": 10})
            history = _get(base, f"/_mock/webhooks?sms_id={sms_id}")
    assert [(a["attempt"], a["outcome"], a["response_status"]) for a in history["attempts"]] == [
        (2, "delivered", 204),
        (1, "http_error", 503),
    ]
    assert history["pending"] == []
    assert len({a["event_id"] for a in history["attempts"]}) == 1
    assert len(receiver.calls) == 2 and receiver.calls[0].body == receiver.calls[1].body
    event = construct_event(receiver.calls[1].body, receiver.calls[1].signature, SECRET)
    assert (event.data.sms_id, event.data.status) == (sms_id, "delivered")
