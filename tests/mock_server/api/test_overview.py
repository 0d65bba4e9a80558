"""The inbox page's reads: the change cursor moves with every change the page shows and only then; accounts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest
from flask import Flask

from tests.mock_server.conftest import send
from tests.mock_server.lifecycle_support import conforms
from turkeysms_mock.domain.clock import ISTANBUL, Clock

from .. import conftest

NUMBER = "905321234567"


@pytest.fixture
def http(app: Flask) -> Iterator[httpx.Client]:
    with httpx.Client(transport=httpx.WSGITransport(app=app), base_url="http://127.0.0.1") as client:
        yield client


def changes(http: httpx.Client) -> dict[str, Any]:
    body: dict[str, Any] = conforms(http.get("/_mock/changes"), "/_mock/changes")
    return body


def test_the_cursor_stays_put_while_nothing_changes(http: httpx.Client, clock: Clock) -> None:
    first = changes(http)
    assert first["next_change_at"] is None
    clock.advance(30)
    assert changes(http)["cursor"] == first["cursor"]


def test_a_send_moves_it_and_so_does_its_delivery_on_the_clock(
    http: httpx.Client, api: conftest.Api, clock: Clock
) -> None:
    before = changes(http)
    send(api, NUMBER)
    sent = changes(http)
    assert sent["cursor"] != before["cursor"]
    due = datetime.fromisoformat(sent["next_change_at"])
    assert (due - datetime.fromisoformat(sent["now"])).total_seconds() == pytest.approx(2, abs=0.5)
    clock.advance(1)  # not yet due: nothing the page shows has changed
    assert changes(http)["cursor"] == sent["cursor"]
    clock.advance(1.5)  # delivered now, though nothing was written: the cursor still moves
    delivered = changes(http)
    assert delivered["cursor"] != sent["cursor"]
    assert delivered["next_change_at"] is None


def test_a_scheduled_send_moves_it_when_it_leaves(
    http: httpx.Client, api: conftest.Api, clock: Clock
) -> None:
    at = (datetime.now(ISTANBUL) + timedelta(hours=1)).replace(second=0, microsecond=0)
    send(
        api,
        NUMBER,
        scheduled_sms=1,
        scheduled_date=at.strftime("%Y-%m-%d"),
        scheduled_time=at.strftime("%H:%M"),
    )
    scheduled = changes(http)
    assert datetime.fromisoformat(scheduled["next_change_at"]) == at
    clock.advance((at - datetime.now(ISTANBUL)).total_seconds() + 0.5)
    pending = changes(http)
    assert pending["cursor"] != scheduled["cursor"]
    assert datetime.fromisoformat(pending["next_change_at"]) > at


def test_a_forced_outcome_moves_it_without_a_webhook(
    http: httpx.Client, api: conftest.Api, clock: Clock
) -> None:
    sms_id = send(api, NUMBER)["sms_id"]
    clock.advance(5)
    delivered = changes(http)
    assert http.post(f"/_mock/messages/{sms_id}/status", json={"status": "failed"}).status_code == 200
    assert changes(http)["cursor"] != delivered["cursor"]


def test_reset_moves_it_and_counts_a_generation(http: httpx.Client, api: conftest.Api) -> None:
    send(api, NUMBER)
    before = changes(http)
    assert http.post("/_mock/reset", json={}).status_code == 200
    after = changes(http)
    assert (after["generation"], after["cursor"] != before["cursor"]) == (before["generation"] + 1, True)


def test_fault_rules_added_used_removed_and_cleared_move_it(http: httpx.Client, api: conftest.Api) -> None:
    seen = [changes(http)["cursor"]]

    def moved() -> None:
        cursor = changes(http)["cursor"]
        assert cursor != seen[-1], "the cursor did not move"
        seen.append(cursor)

    first = http.post(
        "/_mock/faults", json={"kind": "status", "status": 503, "operation": "/balance/"}
    ).json()
    moved()
    second = http.post("/_mock/faults", json={"kind": "status", "status": 500, "operation": "/groups/list"})
    moved()
    assert api("/balance/").status_code == 503  # uses the first rule: only its remaining count changes
    moved()
    assert http.delete(f"/_mock/faults/{first['id']}").status_code == 200
    moved()
    assert changes(http)["cursor"] == seen[-1]  # and stays put while nothing changes
    assert second.status_code == 201 and http.delete("/_mock/faults").json() == {"cleared": 1}
    moved()


def test_webhook_events_and_attempts_move_it(http: httpx.Client, api: conftest.Api, clock: Clock) -> None:
    hook = {"api_key": "key-all", "url": "http://127.0.0.1:9/hook", "secret": "s3cret"}
    assert http.post("/_mock/webhook", json=hook).status_code == 200
    send(api, NUMBER)
    clock.advance(5)
    due = changes(http)
    http.post("/_mock/clock", json={"advance": 0})  # sweeps the delivery into an event and tries it
    attempted = changes(http)
    assert attempted["cursor"] != due["cursor"]
    history = conforms(http.get("/_mock/webhooks"), "/_mock/webhooks")
    [attempt] = history["attempts"]
    assert (attempt["outcome"], attempt["signed"], attempt["recipient"]) == ("connection_error", True, NUMBER)
    [waiting] = history["pending"]
    assert (waiting["recipient"], waiting["status"], waiting["attempts"]) == (NUMBER, "delivered", 1)


def test_an_attempt_without_a_secret_is_not_signed(
    http: httpx.Client, api: conftest.Api, clock: Clock
) -> None:
    assert (
        http.post("/_mock/webhook", json={"api_key": "key-all", "url": "http://127.0.0.1:9/h"}).status_code
        == 200
    )
    send(api, NUMBER)
    clock.advance(5)
    http.post("/_mock/clock", json={"advance": 0})
    [attempt] = conforms(http.get("/_mock/webhooks"), "/_mock/webhooks")["attempts"]
    assert attempt["signed"] is False


def test_messages_carry_account_cost_balance_and_otp_code(http: httpx.Client, api: conftest.Api) -> None:
    send(api, NUMBER, text="ş" * 100)
    send(api, "4915112345678", text="Hallo")
    other = conftest.Api(api.client, key="key-other")
    otp = other.ok("/otp/send", mobile="905320000001")
    listed = conforms(http.get("/_mock/messages"), "/_mock/messages")["messages"]
    by_number = {m["recipient"]: m for m in listed}
    assert (
        by_number["905320000001"]["otp_code"] == str(otp["otp_code"])
        and by_number["905320000001"]["account"] == "other"
    )
    turkish, german = by_number[NUMBER], by_number["4915112345678"]
    assert (turkish["account"], turkish["credits"], turkish["balance"]) == ("main", turkish["parts"], "main")
    assert turkish["credits"] > 1 and turkish["otp_code"] is None
    assert (german["balance"], german["country"]) == ("international", "Germany-DE")


def test_accounts_list_names_status_balances_and_webhook_but_no_keys(
    http: httpx.Client, api: conftest.Api
) -> None:
    send(api, NUMBER)
    body = conforms(http.get("/_mock/accounts"), "/_mock/accounts")
    names = [a["name"] for a in body["accounts"]]
    assert names == ["main", "other", "suspended", "limited", "poor", "domestic"]
    by_name = {a["name"]: a for a in body["accounts"]}
    assert by_name["suspended"]["status"] == "suspended" and by_name["main"]["status"] == "active"
    assert by_name["main"]["balance"] == {"main": 999, "international": 100}
    assert "key-all" not in http.get("/_mock/accounts").text
