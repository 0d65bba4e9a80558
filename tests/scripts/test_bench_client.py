"""scripts/bench_client.py: both targets and both operations run end to end and print the paired ratio."""

from __future__ import annotations

import bench_client
import pytest


@pytest.mark.parametrize("operation", ["balance", "send"])
@pytest.mark.parametrize("target", ["mock", "wsgi"])
def test_each_target_runs_and_prints_the_ratio(
    target: str, operation: str, capsys: pytest.CaptureFixture[str]
) -> None:
    bench_client.main(["--target", target, "--operation", operation, "--calls", "3", "--rounds", "3"])
    out = capsys.readouterr().out
    assert f"target: {target}" in out and "ratio facade/raw" in out
