"""The contract's app serves as real traffic is served (the fast path), and its recorder still sees every answer."""

from __future__ import annotations

from pathlib import Path

from tests.contract.contract import KEY, RECORDER, contract_app
from turkeysms_mock.api import fast_path, pipeline


def test_the_contract_app_leaves_the_fast_path_in_place(tmp_path: Path) -> None:
    app = contract_app(tmp_path, DATABASE=":memory:")
    assert all(fast_path._unhooked(app, blueprint) for _, _, blueprint in pipeline.ROUTES.values())


def _seen(path: str, status: int, code: str) -> int:
    return sum(RECORDER.seen.get((path, status, code), {}).values())


def test_the_recorder_sees_fast_path_answers(tmp_path: Path) -> None:
    client = contract_app(tmp_path, DATABASE=":memory:").test_client()
    before = _seen("/balance", 200, "TS-1040")
    answer = client.post("/balance", json={"api_key": KEY})
    assert answer.status_code == 200, answer.text
    assert answer.json is not None and answer.json["result_code"] == "TS-1040"
    assert _seen("/balance", 200, "TS-1040") == before + 1
