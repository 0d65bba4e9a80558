"""What the `turkeysms_mock` fixture costs per test: generated test files run by pytest, with and without it."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

# Each variant is one generated test module of N tests; `bare` is the reference (no fixture).
VARIANTS: dict[str, str] = {
    "bare": """
        def test_{i}():
            assert True
    """,
    "fixture": """
        def test_{i}(turkeysms_mock):
            assert turkeysms_mock.api_key
    """,
    # The README's own pattern: a client of its own per test, then one send.
    "send": """
        from turkeysms import TurkeySMS

        def test_{i}(turkeysms_mock):
            client = TurkeySMS(turkeysms_mock.api_key, base_url=turkeysms_mock.base_url)
            with client:
                assert client.send_sms("MyCompany", "905321234567", "hello").sms_id
    """,
    # The fixture's own client (one per session, one connection pool): what a test needs no set-up for.
    "client": """
        def test_{i}(turkeysms_mock):
            assert turkeysms_mock.client.send_sms("MyCompany", "905321234567", "hello").sms_id
    """,
}
DEFAULT_VARIANTS = ("bare", "fixture", "send", "client")

# Loaded into the pytest run with -p: every test's setup/call/teardown durations, written as JSON.
RECORDER = """
import json, os

_phases = []


def pytest_runtest_logreport(report):
    _phases.append((report.nodeid, report.when, report.duration, report.outcome))


def pytest_sessionfinish(session):
    with open(os.environ["BENCH_FIXTURE_OUT"], "w") as out:
        json.dump(_phases, out)
"""


def test_module(variant: str, tests: int) -> str:
    """The source of one generated test file: `tests` copies of the variant's test."""
    template = textwrap.dedent(VARIANTS[variant]).strip("\n")
    head, _, body = template.rpartition("\n\n")
    parts = [head] if head else []
    parts += [body.format(i=i) for i in range(tests)]
    return "\n\n\n".join(parts) + "\n"


@dataclass(frozen=True)
class Run:
    """One pytest process over one variant: its wall time and what each phase of its tests took."""

    variant: str
    tests: int
    wall: float
    first_setup: float
    setup: float
    call: float
    teardown: float

    @classmethod
    def from_phases(cls, variant: str, wall: float, phases: Sequence[Sequence[object]]) -> Run:
        by_phase: dict[str, list[float]] = {"setup": [], "call": [], "teardown": []}
        for _, when, duration, outcome in phases:
            if outcome != "passed":
                raise RuntimeError(f"{variant}: a test {when} {outcome}")
            by_phase[str(when)].append(float(str(duration)))
        setups = by_phase["setup"]
        tests = len(by_phase["call"])
        # The first set-up starts the session's server; the rest are the per-test price.
        return cls(
            variant,
            tests,
            wall,
            first_setup=setups[0] if setups else 0.0,
            setup=statistics.mean(setups[1:]) if len(setups) > 1 else 0.0,
            call=statistics.mean(by_phase["call"]) if tests else 0.0,
            teardown=statistics.mean(by_phase["teardown"]) if tests else 0.0,
        )


def run_variant(variant: str, tests: int, python: str) -> Run:
    """Write the variant's test file into a temporary directory and time pytest over it."""
    with tempfile.TemporaryDirectory(prefix="bench-fixture-") as tmp:
        root = Path(tmp)
        (root / f"test_{variant}.py").write_text(test_module(variant, tests))
        (root / "bench_fixture_recorder.py").write_text(RECORDER)
        out = root / "phases.json"
        env = {
            **os.environ,
            "BENCH_FIXTURE_OUT": str(out),
            "PYTHONPATH": os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH")])),
        }
        command = [python, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "bench_fixture_recorder"]
        # An empty rootdir/ini: the project's own pytest settings must not shape the user's run.
        command += ["--rootdir", tmp, "-c", os.devnull, str(root)]
        started = time.perf_counter()
        done = subprocess.run(command, cwd=tmp, env=env, capture_output=True, text=True, check=False)
        wall = time.perf_counter() - started
        if done.returncode != 0:
            raise RuntimeError(
                f"{variant}: pytest exited {done.returncode}:\n{done.stdout[-3000:]}{done.stderr}"
            )
        return Run.from_phases(variant, wall, json.loads(out.read_text()))


def report(runs: dict[str, list[Run]]) -> list[str]:
    """The table: medians over the rounds, each variant's extra cost per test against `bare`."""
    lines = [
        f"{'variant':<8} {'tests':>5} {'wall s':>15} {'vs bare ms/test':>16} "
        f"{'1st setup ms':>12} {'setup ms':>9} {'call ms':>8} {'teardown ms':>11}"
    ]
    bare = runs.get("bare")
    bare_wall = statistics.median(r.wall for r in bare) if bare else None
    for variant, rounds in runs.items():
        walls = sorted(r.wall for r in rounds)
        wall = statistics.median(walls)
        tests = rounds[0].tests
        spread = f"{wall:6.2f} ({walls[0]:.2f}-{walls[-1]:.2f})"
        extra = "-" if bare_wall is None or variant == "bare" else f"{(wall - bare_wall) / tests * 1000:.2f}"
        med = {
            k: statistics.median(getattr(r, k) for r in rounds) * 1000
            for k in ("first_setup", "setup", "call", "teardown")
        }
        lines.append(
            f"{variant:<8} {tests:>5} {spread:>15} {extra:>16} "
            f"{med['first_setup']:>12.1f} {med['setup']:>9.2f} {med['call']:>8.2f} {med['teardown']:>11.2f}"
        )
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tests", type=int, default=300, help="tests per generated file (default 300)")
    parser.add_argument(
        "--rounds", type=int, default=3, help="pytest runs per variant; medians count (default 3)"
    )
    parser.add_argument(
        "--variants",
        default=",".join(DEFAULT_VARIANTS),
        help=f"comma-separated, from {', '.join(VARIANTS)} (default all)",
    )
    parser.add_argument("--python", default=sys.executable, help="the interpreter that runs pytest")
    args = parser.parse_args(argv)
    variants = [v.strip() for v in args.variants.split(",") if v.strip()]
    unknown = [v for v in variants if v not in VARIANTS]
    if unknown:
        parser.error(f"unknown variant(s): {', '.join(unknown)}")
    print(f"bench-fixture: {args.tests} tests per file, {args.rounds} rounds, load average {_load()}")
    runs: dict[str, list[Run]] = {v: [] for v in variants}
    for round_ in range(args.rounds):
        # Alternate the order so that drift in machine load falls on every variant alike.
        for variant in variants if round_ % 2 == 0 else reversed(variants):
            runs[variant].append(run_variant(variant, args.tests, args.python))
    for line in report(runs):
        print(line)
    print(f"bench-fixture: load average after {_load()}; wall includes pytest's start and the server's")
    return 0


def _load() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


if __name__ == "__main__":
    raise SystemExit(main())
