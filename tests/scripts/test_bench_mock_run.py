"""scripts/bench_mock_run.py: the run's configurations, and its plumbing end to end in a tiny mode."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import bench_mock_run
import pytest

REPO = Path(__file__).resolve().parents[2]


def test_cpu_seconds_count_the_whole_process_tree() -> None:
    me = bench_mock_run.Target("me", [], [subprocess.Popen(["sleep", "5"])])
    try:
        assert bench_mock_run.cpu_seconds(me) >= 0.0
        assert bench_mock_run._tree(os.getpid())[0] == os.getpid()
    finally:
        me.processes[0].kill()
        me.processes[0].wait()


def test_matrix_adds_64_connections_and_workers_equal_to_the_cores() -> None:
    args = bench_mock_run.parser().parse_args(["--matrix", "--mock-workers", "1"])
    found = bench_mock_run.configs(args)
    assert found[0] == bench_mock_run.Config(16, 1, None)
    assert found[1] == bench_mock_run.Config(64, 1, None)
    assert bench_mock_run.Config(16, os.cpu_count(), None) in found


def test_cores_means_the_cpu_count_and_no_matrix_means_one_line() -> None:
    args = bench_mock_run.parser().parse_args(["--mock-workers", "cores", "--mock-threads", "2"])
    (only,) = bench_mock_run.configs(args)
    assert only == bench_mock_run.Config(16, os.cpu_count(), 2)
    assert only.server_flags() == ["--workers", str(os.cpu_count()), "--threads", "2"]


def test_unknown_servers_are_refused() -> None:
    assert bench_mock_run.main(["--only", "mock,nginx"]) == 2
    assert bench_mock_run.main(["--db", "mysql://x"]) == 2


@pytest.mark.skipif(
    shutil.which("wrk") is None, reason="wrk is not installed (scripts/bench-mock installs it)"
)
def test_smoke_run_measures_the_mock_and_the_flask_reference_side_by_side() -> None:
    # The plumbing, not the figures: both servers start, every answer is a 200, the ratio is printed.
    done = subprocess.run(
        [
            sys.executable,
            "scripts/bench_mock_run.py",
            "--smoke",
            "--only",
            "mock,flask",
            "--mock-workers",
            "1",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "ratio mock/flask (median req/s):" in done.stdout
    assert "FAIL" not in done.stdout


def test_a_baseline_checkout_is_served_under_the_package_names(tmp_path: Path) -> None:
    tree = tmp_path / "checkout"
    for folder in ("mock_server", "spec", "turkeysms"):
        (tree / folder).mkdir(parents=True)
    path = Path(bench_mock_run.baseline_path(tree, tmp_path))
    assert (path / "turkeysms_mock").resolve() == (tree / "mock_server").resolve()
    assert (path / "turkeysms_spec").resolve() == (tree / "spec").resolve()
    assert (path / "turkeysms").resolve() == (tree / "turkeysms").resolve()
    assert bench_mock_run.baseline_path(tree, tmp_path) == str(path)  # a second line reuses the links
