"""scripts/bench_startup.py: readiness checks, the summary line, and one start of the mock end to end."""

from __future__ import annotations

import http.server
import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import bench_startup
import pytest


class _Answers(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200 if self.path == "/ok" else 503)
        self.end_headers()

    def log_message(self, *_: object) -> None:
        pass


@pytest.fixture
def served() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Answers)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_ready_means_the_expected_status_or_any_answer(served: str) -> None:
    assert bench_startup.answers(f"{served}/ok")
    assert not bench_startup.answers(f"{served}/down")
    assert bench_startup.answers(f"{served}/down", expect=None)
    assert not bench_startup.answers(f"http://127.0.0.1:{bench_startup.free_port()}/", expect=None)


def test_the_mocks_announced_address_is_read_from_its_output() -> None:
    line = "turkeysms-mock: serving on http://127.0.0.1:40123 (database x.sqlite3)\n"
    match = bench_startup.SERVING.search(line)
    assert match is not None and match.group(1) == "http://127.0.0.1:40123"


def test_a_server_that_exits_fails_the_benchmark(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match="exited 3"):
        bench_startup.time_start(
            [sys.executable, "-c", "raise SystemExit(3)"], lambda _: True, lambda _: None, tmp_path, 10
        )


def test_one_start_of_the_mock_end_to_end(capsys: pytest.CaptureFixture[str]) -> None:
    assert bench_startup.main(["--rounds", "1", "--no-prism"]) == 0
    assert "turkeysms-mock (SQLite file) median" in capsys.readouterr().out


def test_cpu_seconds_of_this_process_grow_with_work() -> None:
    before = bench_startup.cpu_seconds(os.getpid())
    sum(i * i for i in range(3_000_000))
    assert bench_startup.cpu_seconds(os.getpid()) > before
