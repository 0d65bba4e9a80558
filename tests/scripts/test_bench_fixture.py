"""scripts/bench_fixture.py: the generated test files, the phase summary, and one tiny run end to end."""

from __future__ import annotations

import ast
import sys

import bench_fixture
import pytest


@pytest.mark.parametrize("variant", sorted(bench_fixture.VARIANTS))
def test_each_variant_generates_the_asked_number_of_tests(variant: str) -> None:
    tree = ast.parse(bench_fixture.test_module(variant, 4))
    names = [node.name for node in tree.body if isinstance(node, ast.FunctionDef)]
    assert names == ["test_0", "test_1", "test_2", "test_3"]


def test_the_first_setup_is_kept_apart_from_the_per_test_ones() -> None:
    phases = [
        ("t0", "setup", 0.5, "passed"),
        ("t0", "call", 0.002, "passed"),
        ("t0", "teardown", 0.001, "passed"),
        ("t1", "setup", 0.003, "passed"),
        ("t1", "call", 0.004, "passed"),
        ("t1", "teardown", 0.001, "passed"),
    ]
    run = bench_fixture.Run.from_phases("fixture", 2.0, phases)
    assert run.tests == 2
    assert run.first_setup == pytest.approx(0.5)
    assert run.setup == pytest.approx(0.003)
    assert run.call == pytest.approx(0.003)


def test_a_failed_test_fails_the_benchmark() -> None:
    with pytest.raises(RuntimeError, match="failed"):
        bench_fixture.Run.from_phases("send", 1.0, [("t0", "call", 0.1, "failed")])


def test_the_report_gives_the_cost_per_test_against_bare() -> None:
    bare = bench_fixture.Run("bare", 100, 2.0, 0.0, 0.0, 0.0, 0.0)
    fixture = bench_fixture.Run("fixture", 100, 2.5, 0.4, 0.001, 0.0, 0.0)
    lines = bench_fixture.report({"bare": [bare], "fixture": [fixture]})
    assert "5.00" in lines[2]  # (2.5 s - 2.0 s) / 100 tests


def test_a_tiny_run_end_to_end(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        bench_fixture.main(
            ["--tests", "2", "--rounds", "1", "--variants", "bare,client", "--python", sys.executable]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "bare" in out and "client" in out
