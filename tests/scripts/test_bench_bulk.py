"""scripts/bench_bulk.py: RSS readings, the table, and one small bulk send to a served mock end to end."""

from __future__ import annotations

import os

import bench_bulk
import pytest


def test_rss_of_this_process_and_of_one_that_is_gone() -> None:
    assert bench_bulk.rss_kib(os.getpid()) > 0
    assert bench_bulk.rss_kib(2**22 + 12345) == 0


def test_the_table_shows_rate_and_memory_per_process() -> None:
    result = bench_bulk.Result(
        count=1000,
        seconds=0.5,
        client_peak_kib=40 * 1024,
        client_rss_kib_by_tenth=(30 * 1024, 31 * 1024, 32 * 1024),
        mock_before_kib={10: 50 * 1024},
        mock_peak_kib={10: 60 * 1024},
    )
    header, row = bench_bulk.render([result])
    assert "msg/s" in header
    assert "2000" in row and "40.0" in row and "50->60" in row


def test_a_small_bulk_send_end_to_end(capsys: pytest.CaptureFixture[str]) -> None:
    assert bench_bulk.main(["--sizes", "120", "--rounds", "1", "--chunk-size", "50", "--workers", "1"]) == 0
    assert "     120 " in capsys.readouterr().out
