"""scripts/bench_inbox.py: the page-like poller (fetches only when the cursor moves) and the side-by-side report."""

from __future__ import annotations

import http.server
import json
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import bench_inbox
import pytest

from tests.scripts.test_bench_mock import WRK_OUTPUT

REPO = Path(__file__).resolve().parents[2]


class _Mock(http.server.BaseHTTPRequestHandler):
    """Answers the cursor, which moves on every third poll, and counts what was fetched."""

    polls = 0
    fetched: list[str] = []  # noqa: RUF012  # shared by the handler instances of one server

    def do_GET(self) -> None:
        if self.path == "/_mock/changes":
            type(self).polls += 1
            body = {"cursor": str(type(self).polls // 3), "generation": 0}
        else:
            type(self).fetched.append(self.path)
            body = {"messages": [], "accounts": []}
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def mock() -> Iterator[str]:
    _Mock.polls, _Mock.fetched = 0, []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Mock)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


def test_the_poller_fetches_like_the_page_only_when_the_cursor_moves(mock: str, tmp_path: Path) -> None:
    out = tmp_path / "poller.json"
    command = [sys.executable, str(REPO / "scripts" / "bench_inbox.py"), "poll", mock, "--interval", "0.02"]
    poller = subprocess.Popen([*command, "--out", str(out)])
    deadline = time.monotonic() + 20
    while _Mock.polls < 9 and time.monotonic() < deadline:
        time.sleep(0.02)
    poller.terminate()
    assert poller.wait(timeout=10) == 0
    stats = json.loads(out.read_text())
    assert stats["polls"] >= 9 and stats["errors"] == 0
    # One refresh per distinct cursor seen, each the page's two requests.
    assert stats["refreshes"] == len({str(n // 3) for n in range(1, stats["polls"] + 1)})
    assert len(stats["refresh_ms"]) == stats["refreshes"]
    assert _Mock.fetched[:2] == [f"/_mock/messages?limit={bench_inbox.PAGE_LIMIT}", "/_mock/accounts"]
    assert len(_Mock.fetched) == 2 * stats["refreshes"]


def test_report_puts_both_side_by_side_with_the_ratio(tmp_path: Path) -> None:
    alone, watched = tmp_path / "mock.txt", tmp_path / "inbox.txt"
    alone.write_text(WRK_OUTPUT)
    watched.write_text(WRK_OUTPUT.replace("requests=6000", "requests=5400"))
    poller = tmp_path / "poller.json"
    poller.write_text(json.dumps({"polls": 12, "refreshes": 12, "errors": 0, "refresh_ms": [3.0, 5.0, 4.0]}))
    text, clean = bench_inbox.report([alone], [watched], [poller])
    assert clean
    assert "ratio inbox/mock (median req/s): 0.90x" in text
    assert "12 polls, 12 refreshes" in text and "median 4.0 ms" in text
    poller.write_text(json.dumps({"polls": 12, "refreshes": 12, "errors": 1, "refresh_ms": []}))
    assert bench_inbox.report([alone], [watched], [poller])[1] is False
