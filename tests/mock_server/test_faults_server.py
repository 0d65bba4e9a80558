"""Faults and live edits on the served mock (waitress, two worker processes, one database), over real sockets."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.serving import serving

SEND = {"api_key": "test-key", "title": "MyCompany", "text": "Hello", "sentto": "905321234567"}


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    workdir = tmp_path_factory.mktemp("faults")
    with serving(workdir, "--db", str(workdir / "mock.sqlite3"), "--workers", "2") as (url, _):
        yield url


@pytest.fixture
def http(base: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base, timeout=10, trust_env=False) as client:
        assert client.post("/_mock/reset", json={}).status_code == 200
        yield client


def raw_post(base: str, path: str, body: bytes, headers: dict[str, str], timeout: float) -> bytes:
    """POST over a bare socket and return every byte the server wrote before it closed."""
    host, port = base.removeprefix("http://").split(":")
    head = "".join(f"{name}: {value}\r\n" for name, value in headers.items())
    request = (
        f"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n{head}\r\n"
    ).encode() + body
    with socket.create_connection((host, int(port)), timeout=timeout) as connection:
        connection.sendall(request)
        received = b""
        while chunk := connection.recv(65536):
            received += chunk
    return received


def sent(http: httpx.Client) -> int:
    return len(http.get("/_mock/messages").json()["messages"])


def test_drop_closes_the_connection_without_a_byte_after_the_send_is_committed(
    base: str, http: httpx.Client
) -> None:
    body = json.dumps(SEND).encode()
    assert raw_post(base, "/sms/send", body, {"X-Mock-Fault": "drop"}, timeout=10) == b""
    assert sent(http) == 1
    assert raw_post(base, "/sms/send", body, {"X-Mock-Fault": "drop; commit=false"}, timeout=10) == b""
    assert sent(http) == 1
    # The workers are free again: both answer at once.
    assert {http.get("/_mock/health").status_code for _ in range(6)} == {200}


def test_a_hang_outlasts_the_client_and_the_other_requests_go_on(
    http: httpx.Client,
) -> None:
    with pytest.raises(httpx.ReadTimeout):
        http.post("/sms/send", json=SEND, headers={"X-Mock-Fault": "hang=3"}, timeout=0.5)
    assert sent(http) == 1
    answers = [http.post("/balance/", json={"api_key": "test-key"}).status_code for _ in range(6)]
    assert answers == [200] * 6


def test_a_hang_ends_when_its_client_leaves(tmp_path: Path) -> None:
    # One worker with one thread: while the hang held it, nothing else would be answered.
    with (
        serving(tmp_path, "--db", str(tmp_path / "mock.sqlite3"), "--workers", "1", "--threads", "1") as (
            url,
            _,
        ),
        httpx.Client(base_url=url, timeout=10, trust_env=False) as client,
    ):
        with pytest.raises(httpx.ReadTimeout):
            client.post(
                "/balance/", json={"api_key": "test-key"}, headers={"X-Mock-Fault": "hang=20"}, timeout=0.5
            )
        assert client.get("/_mock/health").status_code == 200  # long before the 20 s are up


def test_the_next_n_are_taken_exactly_once_across_workers(http: httpx.Client) -> None:
    rule = {"kind": "code", "code": "TS-1060", "operation": "/balance/", "count": 5}
    assert http.post("/_mock/faults", json=rule).status_code == 201

    def balance(_: int) -> int:
        return http.post("/balance/", json={"api_key": "test-key"}).status_code

    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(balance, range(24)))
    assert sorted(statuses) == [200] * 19 + [403] * 5
    assert http.get("/_mock/faults").json()["faults"][0]["remaining"] == 0


def test_a_live_edit_is_seen_by_every_worker_at_once(http: httpx.Client) -> None:
    def read(_: int) -> Any:
        return http.post("/balance/", json={"api_key": "test-key"}).json()

    assert http.post("/_mock/accounts/demo/balance", json={"set": {"main": 7}}).status_code == 200
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert {answer["balance"]["main"] for answer in pool.map(read, range(12))} == {7}
    assert http.patch("/_mock/accounts/demo", json={"status": "suspended"}).status_code == 200
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert {answer["result_code"] for answer in pool.map(read, range(12))} == {"TS-1030"}


def test_a_gateway_page_is_served_as_html(http: httpx.Client) -> None:
    answer = http.post("/balance/", json={"api_key": "test-key"}, headers={"X-Mock-Fault": "gateway=502"})
    assert (answer.status_code, answer.headers["content-type"]) == (502, "text/html; charset=utf-8")
    assert "<title>502 Bad Gateway</title>" in answer.text
