"""Spectral (spectral:oas) and Redocly (recommended) find nothing but what DECISIONS.md records."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from tests.portability import tools

SPEC_DIR = tools.SPEC.parent
# Each finding Redocly may keep, and the decision that records it.
RECORDED = {"security-defined": "D34", "no-path-trailing-slash": "D35", "info-license": "D36"}


def test_spectral_finds_nothing(node_bin: Path) -> None:
    command = [
        str(node_bin / "spectral"),
        "lint",
        str(tools.SPEC),
        "--ruleset",
        str(SPEC_DIR / ".spectral.yaml"),
        "--format",
        "json",
        "--fail-severity",
        "hint",
        "--quiet",
    ]
    done = tools.run(command)
    findings = json.loads(done.stdout or "[]")
    assert findings == [] and done.returncode == 0, json.dumps(findings, indent=1)[:6000] + done.stderr


def test_redocly_finds_nothing_but_the_recorded(node_bin: Path) -> None:
    command = [
        str(node_bin / "redocly"),
        "lint",
        "openapi.yaml",
        "--config",
        "redocly.yaml",
        "--format",
        "json",
    ]
    done = tools.run(command, cwd=SPEC_DIR)
    report = json.loads(done.stdout[done.stdout.index("{") :])
    assert report["problems"] == [], json.dumps(report["problems"], indent=1)[:6000]
    assert report["totals"]["errors"] == report["totals"]["warnings"] == 0 and done.returncode == 0
    # What is ignored is exactly the ignore file's list (D34-D36), nothing that slipped in unnoticed.
    ignored = yaml.safe_load((SPEC_DIR / ".redocly.lint-ignore.yaml").read_text(encoding="utf-8"))
    assert report["totals"]["ignored"] == sum(len(places) for places in ignored["openapi.yaml"].values())


def test_every_redocly_exception_is_a_recorded_decision() -> None:
    ignored = yaml.safe_load((SPEC_DIR / ".redocly.lint-ignore.yaml").read_text(encoding="utf-8"))
    assert set(ignored) == {"openapi.yaml"}
    assert set(ignored["openapi.yaml"]) <= set(RECORDED)
    decisions = (SPEC_DIR / "DECISIONS.md").read_text(encoding="utf-8")
    for rule, decision in RECORDED.items():
        row = next(line for line in decisions.splitlines() if line.startswith(f"| {decision} |"))
        assert rule in row, (rule, decision)
    # Only /balance/ keeps its trailing slash, and only /balance/'s is ignored (D35).
    assert ignored["openapi.yaml"]["no-path-trailing-slash"] == ["#/paths/~1balance~1"]
