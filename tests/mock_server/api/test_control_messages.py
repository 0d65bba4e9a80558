"""GET /_mock/messages: cursor paging through every recipient, the filters, and 400 on what it does not take."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from tests.mock_server.lifecycle_support import conforms
from turkeysms_mock import create_app
from turkeysms_mock.pytest_plugin import MockServer

PATH = "/_mock/messages"
KEY = "bulk-key"


@pytest.fixture
def http(tmp_path: Path) -> Iterator[httpx.Client]:
    """The mock in-process on a file database, with credit for a 5,000-number bulk."""
    seed = tmp_path / "seed.yaml"
    account = {
        "name": "bulk",
        "api_keys": [{"key": KEY, "permissions": "all"}],
        "balance": {"main": 100_000, "international": 0},
        "sender_ids": [{"title": "MyCompany", "status": "active"}],
    }
    seed.write_text(yaml.safe_dump({"accounts": [account]}), encoding="utf-8")
    app = create_app({"DATABASE": str(tmp_path / "mock.sqlite3"), "SEED": str(seed)})
    with httpx.Client(transport=httpx.WSGITransport(app=app), base_url="http://127.0.0.1") as client:
        yield client


def _list(http: httpx.Client, **params: Any) -> dict[str, Any]:
    response = http.get(PATH, params=params)
    assert response.status_code == 200, response.text
    answer: dict[str, Any] = conforms(response, PATH)
    return answer


def _bulk(http: httpx.Client, numbers: list[str], text: str = "Hi") -> int:
    answer = http.post(
        "/group/send", json={"api_key": KEY, "title": "MyCompany", "text": text, "sentto": numbers}
    ).json()
    assert answer["result_code"] == "TS-1024", answer
    sms_id: int = answer["sms_id"]
    return sms_id


def test_every_number_of_a_5000_number_bulk_is_listable_page_by_page(http: httpx.Client) -> None:
    numbers = [f"90532{index:07d}" for index in range(5000)]
    sms_ids = [_bulk(http, numbers[start : start + 500]) for start in range(0, 5000, 500)]
    seen: list[str] = []
    cursor: str | None = None
    pages = 0
    while True:
        params: dict[str, Any] = {"limit": 1000} if cursor is None else {"limit": 1000, "cursor": cursor}
        page = _list(http, **params)
        pages += 1
        seen += [entry["recipient"] for entry in page["messages"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert pages == 5
    assert sorted(seen) == numbers  # each once
    assert seen[0] == numbers[-1]  # newest first
    one_send = _list(http, sms_id=sms_ids[3], limit=1000)
    assert [entry["recipient"] for entry in one_send["messages"]][::-1] == numbers[1500:2000]
    assert one_send["next_cursor"] is None


def test_a_page_does_not_shift_when_messages_arrive_meanwhile(http: httpx.Client) -> None:
    _bulk(http, [f"9053200000{index:02d}" for index in range(10)])
    first = _list(http, limit=4)
    _bulk(http, ["905329999999"])
    second = _list(http, limit=4, cursor=first["next_cursor"])
    listed = [entry["recipient"] for entry in first["messages"] + second["messages"]]
    assert listed == [f"9053200000{index:02d}" for index in range(9, 1, -1)]


def _send(mock: MockServer, to: str, **extra: Any) -> int:
    answer = mock.post("/sms/send", title="MyCompany", text=f"to {to}", sentto=to, **extra)
    assert answer["result_code"] == "TS-1024", answer
    sms_id: int = answer["sms_id"]
    return sms_id


def test_filters_by_number_send_status_and_time(turkeysms_mock: MockServer) -> None:
    http = turkeysms_mock.http
    later = (datetime.now().astimezone() + timedelta(days=2)).strftime("%Y-%m-%d")
    scheduled = _send(
        turkeysms_mock, "905320000001", scheduled_sms=1, scheduled_date=later, scheduled_time="09:00"
    )
    delivered = _send(turkeysms_mock, "905320000004")
    failed = _send(turkeysms_mock, "905320000002")
    uncovered = _send(turkeysms_mock, "905320000003")
    turkeysms_mock.advance(5)
    middle = turkeysms_mock.advance(0)
    pending = _send(turkeysms_mock, "905320000005")

    def ids(**params: Any) -> list[int]:
        return [entry["sms_id"] for entry in conforms(http.get(PATH, params=params), PATH)["messages"]]

    assert ids() == [pending, uncovered, failed, delivered, scheduled]
    assert ids(status="scheduled") == [scheduled]
    assert ids(status="pending") == [pending]
    assert ids(status="delivered") == [delivered]
    assert ids(status="failed") == [failed]
    assert ids(status="out_of_coverage") == [uncovered]
    assert ids(to="905320000002") == [failed]
    assert ids(sms_id=delivered) == [delivered]
    assert ids(since=middle) == [pending]
    in_utc = datetime.fromisoformat(middle).astimezone(UTC).isoformat().replace("+00:00", "Z")
    assert ids(since=in_utc) == [pending]
    assert ids(to="905320000004", status="failed") == []
    # Each filter agrees with the status every entry reports.
    for entry in conforms(http.get(PATH), PATH)["messages"]:
        assert entry["sms_id"] in ids(status=entry["status"])


@pytest.mark.parametrize(
    ("params", "says"),
    [
        ({"number": "905321234567"}, "Unknown query parameter 'number'"),
        ({"sms-id": "1"}, "Unknown query parameter 'sms-id'"),
        ({"status": "sent"}, "'status' must be one of"),
        ({"sms_id": "0"}, "'sms_id' must be at least 1"),
        ({"since": "2026-11-24T18:00:00"}, "'since' is not a valid date-time"),  # no offset
        ({"since": "yesterday"}, "'since' is not a valid date-time"),
        ({"cursor": "not-ours"}, "'cursor' must be a next_cursor this mock answered"),
        ({"cursor": "YmVmb3JlOjA"}, "'cursor' must be a next_cursor this mock answered"),  # before:0
        ({"cursor": "é"}, "'cursor' does not match"),
        ({"limit": "1001"}, "'limit' must be at most 1000"),
    ],
)
def test_what_it_does_not_take_is_a_400_in_the_control_envelope(
    turkeysms_mock: MockServer, params: dict[str, str], says: str
) -> None:
    refused = conforms(turkeysms_mock.http.get(PATH, params=params), PATH)
    assert refused["error"] == "invalid_request"
    assert refused["message"].startswith(says), refused


def test_a_filter_given_twice_is_refused(turkeysms_mock: MockServer) -> None:
    refused = turkeysms_mock.http.get(f"{PATH}?to=905321234567&to=905321234568")
    assert conforms(refused, PATH)["message"] == "'to' is given more than once."


def test_the_other_reads_refuse_unknown_parameters_too(turkeysms_mock: MockServer) -> None:
    http = turkeysms_mock.http
    otp = conforms(http.get("/_mock/otp", params={"mobile": "905321234567", "to": "x"}), "/_mock/otp")
    assert otp["message"].startswith("Unknown query parameter 'to'")
    hooks = conforms(http.get("/_mock/webhooks", params={"smsid": "1"}), "/_mock/webhooks")
    assert hooks["message"].startswith("Unknown query parameter 'smsid'")


def test_the_fixture_iterates_past_one_page(turkeysms_mock: MockServer) -> None:
    numbers = [f"90533{index:07d}" for index in range(1001)]
    for start in range(0, 1001, 500):
        answer = turkeysms_mock.post(
            "/group/send", title="MyCompany", text="Hi", sentto=numbers[start : start + 500]
        )
        assert answer["result_code"] == "TS-1024", answer
    listed = [entry["recipient"] for entry in turkeysms_mock.iter_messages()]
    assert listed == numbers[::-1]
    assert [entry["recipient"] for entry in turkeysms_mock.messages(limit=2)] == numbers[:-3:-1]
    assert list(turkeysms_mock.iter_messages(to=numbers[7])) == turkeysms_mock.messages(to=numbers[7])
