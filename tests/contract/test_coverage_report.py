"""The contract coverage report: every documented (operation, status, code) and whether the suite produced it."""

from __future__ import annotations

import json

import pytest

from tests.contract.contract import RECORDER, REPORTS, Combination, documented_combinations

# The modules whose answers feed the report; the report only judges a run that included them all.
FEEDERS = ("test_properties", "test_stateful", "test_scenarios", "test_client_roundtrip")


def write_report(combinations: list[Combination]) -> list[Combination]:
    """Write reports/contract-coverage.{md,json}; return the combinations never seen."""
    REPORTS.mkdir(exist_ok=True)
    rows = [(c, RECORDER.sources(c)) for c in combinations]
    missing = [c for c, sources in rows if not sources]
    seen = len(rows) - len(missing)
    documented = {(c.path.rstrip("/"), c.status, c.code) for c in combinations}
    undocumented = sorted(
        (
            key
            for key in RECORDER.seen
            if key not in documented and key[0] in {c.path.rstrip("/") for c in combinations}
        ),
        key=str,
    )
    (REPORTS / "contract-coverage.json").write_text(
        json.dumps(
            {
                "seen": seen,
                "total": len(rows),
                "combinations": [
                    {
                        "operation": c.operation,
                        "path": c.path,
                        "status": c.status,
                        "code": c.code,
                        "sources": s,
                    }
                    for c, s in rows
                ],
                "undocumented_answers": [list(key) for key in undocumented],
            },
            indent=2,
        ),
        encoding="utf-8",
    )
    lines = [
        "# Contract coverage",
        "",
        f"**{seen} of {len(rows)}** documented (operation, HTTP status, TS code) combinations were produced.",
        "",
        "| Operation | Path | Status | Code | Seen | Produced by |",
        "|---|---|---|---|---|---|",
    ]
    for c, sources in rows:
        by = ", ".join(f"{name} ×{count}" for name, count in sorted(sources.items()))
        lines.append(
            f"| {c.operation} | `{c.path}` | {c.status} | {c.code or '(none)'} | {'yes' if sources else '**NO**'} | {by} |"
        )
    (REPORTS / "contract-coverage.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return missing


def test_contract_coverage_report(request: pytest.FixtureRequest) -> None:
    """Runs last (conftest); fails when a documented combination was never produced."""
    collected = {item.module.__name__.rsplit(".", 1)[-1] for item in request.session.items if item.module}
    missing = write_report(documented_combinations())
    if not set(FEEDERS) <= collected:
        pytest.skip(
            f"the report judges a whole contract run; not collected: {sorted(set(FEEDERS) - collected)}"
        )
    assert not missing, "never produced: " + ", ".join(c.label() for c in missing)
