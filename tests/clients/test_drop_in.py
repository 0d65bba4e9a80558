"""The same calls through the official SDK and through turkeysms.TurkeySmsClient give answers of one shape."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.clients.support import KEY, Mock, run_official
from tests.serving import free_port
from turkeysms import TurkeySmsClient

pytestmark = pytest.mark.slow

CALLS: list[tuple[str, list[Any]]] = [
    ("send_sms", ["MyCompany", "905321260001", "Same calls"]),
    ("send_otp", ["905321260011", 0, 6]),
    ("send_detailed_otp", ["SenderID", "905321260021", "Code: TS-CODE", 1]),
    ("get_balance", []),
    ("add_to_blacklist", ["905321260031"]),
    ("get_sms_status", ["$0.sms_id"]),
]


def shape(value: Any) -> Any:
    """Keys and JSON types, recursively: what code written against one answer relies on."""
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [shape(item) for item in value]
    return type(value).__name__


def ours(base_url: str, api_key: str, calls: list[tuple[str, list[Any]]]) -> list[dict[str, Any]]:
    client = TurkeySmsClient(api_key, max_retries=0)
    client.BASE_URL = base_url
    results: list[dict[str, Any]] = []
    for method, args in calls:
        resolved = [
            results[int(arg[1:].split(".")[0])][arg.split(".")[1]] if str(arg).startswith("$") else arg
            for arg in args
        ]
        results.append(getattr(client, method)(*resolved))
    client.close()
    return results


def test_every_method_answers_the_official_shape(official_sdk: Path, mock: Mock) -> None:
    official = run_official(official_sdk, mock.base + "/", KEY, CALLS).results
    mock.reset()
    drop_in = ours(mock.base + "/", KEY, CALLS)
    for (method, _), theirs, mine in zip(CALLS, official, drop_in, strict=True):
        assert mine.get("result_code") == theirs.get("result_code") != "LOCAL-ERR", (method, theirs, mine)
        assert shape(mine) == shape(theirs), method


def test_no_answer_is_the_same_local_err_dict(official_sdk: Path) -> None:
    closed = f"http://127.0.0.1:{free_port()}/"
    [theirs] = run_official(official_sdk, closed, KEY, [("get_balance", [])]).results
    [mine] = ours(closed, KEY, [("get_balance", [])])
    assert shape(mine) == shape(theirs) == {key: "str" for key in theirs} | {"result": "bool"}
    assert {**mine, "result_message": ""} == {**theirs, "result_message": ""}
