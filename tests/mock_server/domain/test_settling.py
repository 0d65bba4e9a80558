"""A clock advance answers in bounded time whatever the receivers do, and the due attempts still run."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import pytest
from flask.testing import FlaskClient

from tests.conftest import both_engines
from turkeysms_mock import create_app

pytestmark = both_engines  # "the same holds for PostgreSQL" (issue 14)

EVENTS = 55
TIMEOUT_S = 1.0  # per attempt: 55 attempts in a row would take about a minute


@pytest.fixture
def hanging() -> Iterator[socket.socket]:
    """A receiver that accepts connections into its backlog and never answers one."""
    with socket.create_server(("127.0.0.1", 0), backlog=EVENTS * 2) as server:
        yield server


@pytest.fixture
def mock(database_target: str, hanging: socket.socket) -> FlaskClient:
    app = create_app({"DATABASE": database_target, "WEBHOOK_TIMEOUT_S": TIMEOUT_S})
    client = app.test_client()
    url = f"http://127.0.0.1:{hanging.getsockname()[1]}/hook"
    assert (
        client.post("/_mock/webhook", json={"api_key": "test-key", "url": url, "secret": "s"}).status_code
        == 200
    )
    numbers = [f"9053212{n:05d}" for n in range(1, EVENTS + 1)]
    sent = client.post(
        "/group/send", json={"api_key": "test-key", "title": "MyCompany", "text": "Hi", "sentto": numbers}
    )
    assert sent.get_json()["result"] is True, sent.get_json()
    return client


def test_advance_answers_within_its_wait_while_receivers_time_out(mock: FlaskClient) -> None:
    started = time.monotonic()
    response = mock.post("/_mock/clock", json={"advance": 60, "wait": 1})
    took = time.monotonic() - started
    answer = response.get_json()
    assert response.status_code == 200
    assert answer["settled"] is False
    assert 0 < answer["webhooks_due"] <= EVENTS
    # Not a benchmark: sending all 55 would take about a minute; the answer came after its wait.
    assert took < EVENTS * TIMEOUT_S / 3
    # Statuses changed before the answer, whatever the receiver does.
    status = mock.post("/sms/status", json={"api_key": "test-key", "sms_id": 1}).get_json()
    assert status["result_code"] != "TS-1023"


def test_wait_zero_answers_at_once_and_the_attempts_still_run(
    mock: FlaskClient, hanging: socket.socket
) -> None:
    first = mock.post("/_mock/clock", json={"advance": 60, "wait": 0}).get_json()
    assert (first["settled"], first["webhooks_due"]) == (False, EVENTS)
    hanging.close()  # now each attempt is refused at once: the background sender gets through them all
    settled = mock.post("/_mock/clock", json={"advance": 0, "wait": 60}).get_json()
    assert (settled["settled"], settled["webhooks_due"]) == (True, 0)
    history = mock.get("/_mock/webhooks").get_json()
    assert len(history["attempts"]) == EVENTS
    assert len(history["pending"]) == EVENTS  # each waits for its retry, on the mock clock


@pytest.mark.parametrize("wait", [-1, 61, "5", True, None])
def test_a_bad_wait_is_refused(mock: FlaskClient, wait: object) -> None:
    response = mock.post("/_mock/clock", json={"advance": 0, "wait": wait})
    assert (response.status_code, response.get_json()["error"]) == (400, "invalid_request")
