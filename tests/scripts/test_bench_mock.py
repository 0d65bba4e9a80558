"""scripts/bench-mock's helper pieces: result parsing, medians and ratio, seed file, ports, readiness, Lua hook."""

from __future__ import annotations

import dataclasses
import http.server
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import bench_mock
import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]

WRK_OUTPUT = """Running 6s test @ http://127.0.0.1:4010/sms/send
  2 threads and 16 connections
Requests/sec:   1000.00
BENCH requests=6000 duration_us=6000000 p50_us=8000 p99_us=28000 non200=0 socket_errors=0 statuses=-
"""


def make_round(server: str, rate: int, p99_ms: int, non200: int = 0) -> bench_mock.Round:
    return bench_mock.Round(
        server=server,
        requests=rate * 5,
        duration_us=5_000_000,
        p50_us=p99_ms * 300,
        p99_us=p99_ms * 1000,
        non200=non200,
        socket_errors=0,
        statuses="-" if not non200 else "402",
    )


def test_parses_the_lua_result_line_out_of_wrk_output() -> None:
    r = bench_mock.parse_wrk_output("prism", WRK_OUTPUT)
    assert r.requests == 6000
    assert r.rate == pytest.approx(1000.0)
    assert r.p99_us == 28000
    assert r.non200 == 0


@pytest.mark.parametrize("text", ["no result here\n", WRK_OUTPUT + WRK_OUTPUT])
def test_wrk_output_needs_exactly_one_result_line(text: str) -> None:
    with pytest.raises(ValueError, match="BENCH"):
        bench_mock.parse_wrk_output("mock", text)


def test_summary_takes_medians_and_sums_errors() -> None:
    rounds = [
        make_round("mock", 3000, 10),
        make_round("mock", 1000, 50, non200=2),
        make_round("mock", 2000, 20),
    ]
    s = bench_mock.summarise("mock", rounds)
    assert s.rate == pytest.approx(2000)
    assert s.p99_ms == pytest.approx(20)
    assert s.non200 == 2
    assert s.rounds == 3


def test_ratio_is_mock_median_over_prism_median() -> None:
    mock = bench_mock.summarise("mock", [make_round("mock", 3000, 10), make_round("mock", 3200, 12)])
    prism = bench_mock.summarise("prism", [make_round("prism", 2000, 28), make_round("prism", 2000, 30)])
    assert bench_mock.ratio(mock, prism) == pytest.approx(1.55)


def test_report_prints_table_and_ratio_and_flags_non_200s() -> None:
    text, clean = bench_mock.report(
        {"prism": [make_round("prism", 2000, 28)], "mock": [make_round("mock", 3000, 10)]}
    )
    assert clean
    assert "ratio mock/prism (median req/s): 1.50x" in text
    assert "3,000" in text and "2,000" in text
    _, clean = bench_mock.report({"mock": [make_round("mock", 3000, 10, non200=1)]})
    assert not clean


def test_report_command_exit_code_follows_the_status_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.txt"
    good.write_text(WRK_OUTPUT)
    bad = tmp_path / "bad.txt"
    bad.write_text(WRK_OUTPUT.replace("non200=0", "non200=3").replace("statuses=-", "statuses=402"))
    assert bench_mock.main(["report", f"prism={good}", f"mock={good}"]) == 0
    assert "1.00x" in capsys.readouterr().out
    assert bench_mock.main(["report", f"prism={good}", f"mock={bad}"]) == 1
    assert "FAIL" in capsys.readouterr().out


def test_seed_gives_one_all_powerful_key_and_a_balance_a_run_cannot_exhaust(tmp_path: Path) -> None:
    path = tmp_path / "seed.yaml"
    assert bench_mock.main(["seed", str(path), "--api-key", "k", "--title", "TurkeySMS"]) == 0
    (account,) = yaml.safe_load(path.read_text())["accounts"]
    assert account["api_keys"] == [{"key": "k", "permissions": "all"}]
    assert account["balance"]["main"] >= 10**8
    assert account["sender_ids"] == [{"title": "TurkeySMS", "status": "active"}]
    assert account["rate_limit_per_minute"] == 0


def test_free_ports_are_distinct() -> None:
    ports = bench_mock.free_ports(3)
    assert len(set(ports)) == 3
    assert all(0 < p < 65536 for p in ports)


class _Handler(http.server.BaseHTTPRequestHandler):
    """Answers 200 on /ok and 404 elsewhere, to any method, quietly."""

    # HTTP/1.1 keeps wrk's connections open, as the real servers do.
    protocol_version = "HTTP/1.1"

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        status = 200 if self.path.startswith("/ok") else 404
        body = b'{"result": true}'
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        self._answer()

    def do_POST(self) -> None:
        self._answer()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_wait_ready_checks_the_expected_status(server: str) -> None:
    assert bench_mock.wait_ready(f"{server}/ok", body=None, expect=200, timeout=5)
    assert bench_mock.wait_ready(f"{server}/missing", body=b"{}", expect=None, timeout=5)
    assert not bench_mock.wait_ready(f"{server}/missing", body=None, expect=200, timeout=0.3)


def test_wait_ready_gives_up_on_a_closed_port() -> None:
    (port,) = bench_mock.free_ports(1)
    assert not bench_mock.wait_ready(f"http://127.0.0.1:{port}/", body=None, expect=None, timeout=0.3)


def test_wait_ready_gives_up_when_the_server_process_has_exited(monkeypatch: pytest.MonkeyPatch) -> None:
    (port,) = bench_mock.free_ports(1)
    exited = subprocess.Popen(["true"])
    exited.wait()

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("polled a server whose process had already exited")

    # Structural, not timed: a dead process is noticed before the first poll of its port.
    monkeypatch.setattr(bench_mock.urllib.request, "urlopen", never)
    assert not bench_mock.wait_ready(
        f"http://127.0.0.1:{port}/", body=None, expect=None, timeout=10, pid=exited.pid
    )


@pytest.mark.skipif(
    shutil.which("wrk") is None, reason="wrk is not installed (scripts/bench-mock installs it)"
)
@pytest.mark.parametrize(("path", "non200"), [("/ok", False), ("/missing", True)])
def test_lua_script_reports_one_parsable_line_and_counts_non_200s(
    server: str, path: str, non200: bool
) -> None:
    out = subprocess.run(
        ["wrk", "-t1", "-c2", "-d1s", "-s", str(REPO / "scripts/bench-mock-send.lua"), server + path],
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    ).stdout
    r = bench_mock.parse_wrk_output("x", out)
    assert r.requests > 0
    assert (r.non200 == r.requests) if non200 else (r.non200 == 0)
    assert r.statuses == ("404" if non200 else "-")


def test_histogram_line_is_parsed_and_merged_rounds_take_percentiles_of_the_whole() -> None:
    fast = bench_mock.parse_wrk_output(
        "pg",
        WRK_OUTPUT.replace("requests=6000", "requests=5") + "BENCH-HIST 1000:3,2000:2\n",
    )
    assert fast.histogram == ((1000, 3), (2000, 2))
    slow = dataclasses.replace(fast, requests=4, histogram=((9000, 4),), p50_us=9000, p99_us=9000)
    merged = bench_mock.merge("pg-2", [fast, slow])
    assert merged.server == "pg-2"
    assert merged.requests == 9
    # Five requests took 1-2 ms, four 9 ms: the median of the whole is 2 ms, not a mean of medians.
    assert merged.p50_us == 2000
    assert merged.p99_us == 9000
    assert bench_mock.merge("one", [fast]).p50_us == fast.p50_us


def test_percentile_follows_wrk() -> None:
    histogram = [(100, 98), (500, 1), (900, 1)]
    assert bench_mock.percentile(histogram, 50) == 100
    # rank = C round(p% x count + 0.5): 98.5 -> 99 (the 500), 99.5 -> 100 (the 900)
    assert bench_mock.percentile(histogram, 98) == 500
    assert bench_mock.percentile(histogram, 99) == 900
    assert bench_mock.percentile([], 99) == 0


def test_merge_refuses_parts_without_a_histogram() -> None:
    part = bench_mock.parse_wrk_output("pg", WRK_OUTPUT)
    with pytest.raises(ValueError, match="histogram"):
        bench_mock.merge("pg-2", [part, part])


def test_report_prints_every_server_against_both_references() -> None:
    text, clean = bench_mock.report(
        {
            "prism": [make_round("prism", 1000, 28)],
            "flask": [make_round("flask", 4000, 5)],
            "mock": [make_round("mock", 3000, 10)],
            "pg-1": [make_round("pg-1", 2000, 12)],
        }
    )
    assert clean
    assert "ratio mock/flask (median req/s): 0.75x" in text
    assert "ratio mock/prism (median req/s): 3.00x" in text
    assert "ratio pg-1/flask (median req/s): 0.50x" in text
    assert "ratio flask/prism" not in text


def test_cpu_per_request_is_the_median_of_the_rounds_and_is_printed() -> None:
    mock = [dataclasses.replace(make_round("mock", 1000, 10), cpu_s=cpu) for cpu in (2.5, 5.0, 3.0)]
    flask = [dataclasses.replace(make_round("flask", 4000, 5), cpu_s=6.0)]
    assert mock[0].cpu_us_per_request == pytest.approx(500)
    assert bench_mock.summarise("mock", mock).cpu_us == pytest.approx(600)
    text, _ = bench_mock.report({"flask": flask, "mock": mock})
    assert "CPU us/req" in text
    assert "CPU/req 600 vs 300 us" in text
    assert bench_mock.summarise("flask", [make_round("flask", 4000, 5)]).cpu_us is None
