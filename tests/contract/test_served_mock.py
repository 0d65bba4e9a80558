"""The same schemathesis run from its CLI against the mock served by its own CLI (waitress), with a JUnit report."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import both_engines
from tests.contract.contract import CONFIG_PATH, REPORTS, SCHEMATHESIS_SPEC_PATH, write_seed
from tests.serving import CONSOLE_SCRIPT, serving
from turkeysms._contract import load_openapi

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
# Bounded for the suite's budget; the in-process property tests go deeper. On PostgreSQL the same
# operations, links and checks with fewer examples each (the engine changes the store, not the paths).
MAX_EXAMPLES = {"sqlite": "20", "postgresql": "5"}

pytestmark = both_engines


@pytest.fixture
def served_mock(tmp_path: Path, database_target: str) -> Iterator[str]:
    """`turkeysms-mock` on a fresh database and the contract seed, two workers."""
    seed = write_seed(tmp_path)
    args = ("--db", database_target, "--seed", str(seed))
    with serving(tmp_path, *args, log=tmp_path / "mock.log", command=CONSOLE_SCRIPT) as (url, _):
        yield url


def test_schemathesis_cli_against_the_served_mock(served_mock: str, tmp_path: Path, engine: str) -> None:
    junit = tmp_path / "schemathesis-junit.xml"
    command = [
        str(BIN / "schemathesis"),
        "--config-file",
        str(CONFIG_PATH),
        "run",
        str(SCHEMATHESIS_SPEC_PATH),
        "--url",
        served_mock,
        "--max-examples",
        MAX_EXAMPLES[engine],
        "--workers",
        "1",
        "--report",
        "junit",
        "--report-junit-path",
        str(junit),
    ]
    # The config names the hooks module (tests.contract.hooks): importable from the checkout's root.
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    run = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=240, check=False)
    REPORTS.mkdir(exist_ok=True)
    named = "" if engine == "sqlite" else f"-{engine}"  # the README's report is SQLite's
    (REPORTS / f"schemathesis-cli{named}.txt").write_text(run.stdout + run.stderr, encoding="utf-8")
    assert junit.exists(), run.stdout[-4000:] + run.stderr[-2000:]
    shutil.copy(junit, REPORTS / f"schemathesis-junit{named}.xml")
    assert run.returncode == 0, run.stdout[-6000:]

    suites = ET.parse(junit).getroot()
    cases = suites.findall(".//testcase")
    names = {case.get("name") for case in cases}
    assert {f"POST {path}" for path in load_openapi()["paths"]} <= names, names
    assert "Stateful tests" in names
    failed = [
        case.get("name")
        for case in cases
        if case.find("failure") is not None or case.find("error") is not None
    ]
    assert failed == []
    assert (suites.get("failures"), suites.get("errors")) == ("0", "0")
