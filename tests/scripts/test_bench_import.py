"""scripts/bench_import.py: reading -X importtime's lines, and one tiny run end to end."""

from __future__ import annotations

import sys

import bench_import
import pytest

STDERR = """import time: self [us] | cumulative | imported package
import time:       100 |        100 |   attr._compat
import time:       200 |        300 | attr
import time:        50 |         50 |     turkeysms_api.models.a
import time:       400 |        750 |   turkeysms._client
import time:       250 |       1000 | turkeysms
"""


def test_the_total_is_the_modules_top_level_line_and_own_times_add_up_per_package() -> None:
    found = bench_import.parse_importtime("turkeysms", STDERR)
    assert found.total_us == 1000
    assert found.by_package == {"attr": 300, "turkeysms_api": 50, "turkeysms": 650}


def test_a_module_that_was_not_imported_is_an_error() -> None:
    with pytest.raises(ValueError, match="httpx"):
        bench_import.parse_importtime("httpx", STDERR)


def test_a_tiny_run_end_to_end(capsys: pytest.CaptureFixture[str]) -> None:
    assert bench_import.main(["--rounds", "1", "--python", sys.executable]) == 0
    out = capsys.readouterr().out
    assert "ratio turkeysms/httpx" in out
