"""The inbox's fault panel in headless Chromium: rules listed live, added through the form, refused, removed."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

import turkeysms
from tests.serving import serving
from turkeysms import TurkeySMS

from .conftest import MAIN_KEY, Mock

NUMBER = "905321234567"
LIVE_S = 2.0


def client(base_url: str, key: str = MAIN_KEY) -> TurkeySMS:
    return TurkeySMS(key, base_url=base_url, max_retries=0)


def open_panel(page: Any) -> Any:
    page.get_by_text("Faults", exact=True).click()
    expect(page.get_by_role("heading", name="Add a rule")).to_be_visible()
    return page.locator("#faults-rows")


def rule_row(page: Any, rule_id: int) -> Any:
    return page.locator(f'#faults-rows tr[data-fault-id="{rule_id}"]')


def post(
    base: str, path: str, body: dict[str, Any], headers: dict[str, str] | None = None
) -> tuple[int, Any]:
    """A JSON POST with the standard library; answers (status, decoded body or None)."""
    request = urllib.request.Request(
        base + path,
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", **(headers or {})},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        raw = error.read()
        return error.code, json.loads(raw) if raw.startswith(b"{") else None


def test_the_panel_lists_a_rule_made_through_the_control_api_and_counts_its_uses_live(
    page: Any, mock: Mock
) -> None:
    summary = page.locator("#faults-summary")
    expect(summary).to_have_text("no rules")
    made = mock.call(
        "/_mock/faults",
        {
            "kind": "code",
            "code": "TS-1060",
            "retry_after": 2,
            "operation": "/sms/send",
            "recipient": NUMBER,
            "count": 2,
        },
    )
    expect(summary).to_have_text("1 active", timeout=LIVE_S * 1000)  # seen with the panel folded
    open_panel(page)
    row = rule_row(page, made["id"])
    expect(row).to_contain_text("code: TS code TS-1060, Retry-After (s) 2, HTTP 403")
    expect(row).to_contain_text(f"/sms/send · to {NUMBER}")
    expect(row.locator(".fault-remaining")).to_have_text("2 of 2")
    with client(mock.base_url) as sdk:
        with pytest.raises(turkeysms.RateLimitError):
            sdk.send_sms("TurkeySMS", NUMBER, "Meets the fault")
        expect(row.locator(".fault-remaining")).to_have_text("1 of 2", timeout=LIVE_S * 1000)
        with pytest.raises(turkeysms.RateLimitError):
            sdk.send_sms("TurkeySMS", NUMBER, "Meets it again")
    expect(row.locator(".fault-remaining")).to_have_text("used up (0 of 2)", timeout=LIVE_S * 1000)
    expect(summary).to_have_text("none active, 1 used up")


def test_a_rule_added_in_the_form_answers_the_next_matching_send_and_bills_nothing(
    page: Any, mock: Mock
) -> None:
    open_panel(page)
    kind = page.get_by_label("Kind")
    kind.select_option("delay")  # each kind shows the fields it takes, from the served spec
    expect(page.get_by_label("Seconds (required)")).to_be_visible()
    expect(page.get_by_label("TS code")).to_be_hidden()
    kind.select_option("code")
    expect(page.get_by_label("Seconds")).to_be_hidden()
    page.get_by_label("TS code (required)").fill("TS-1027")
    page.get_by_label("Operation").select_option("/sms/send")
    page.get_by_label("Recipient").fill(NUMBER)
    page.get_by_label("Requests").fill("1")
    page.get_by_role("button", name="Add rule").click()
    expect(page.locator("#toast")).to_contain_text("added: code: TS code TS-1027")
    [rule] = mock.call("/_mock/faults")["faults"]
    assert (
        rule["kind"],
        rule["code"],
        rule["operation"],
        rule["recipient"],
        rule["count"],
        rule["api_key"],
    ) == (
        "code",
        "TS-1027",
        "/sms/send",
        NUMBER,
        1,
        None,
    )
    expect(rule_row(page, rule["id"]).locator(".fault-remaining")).to_have_text("1 of 1")
    with client(mock.base_url) as sdk:
        before = sdk.get_balance()
        with pytest.raises(turkeysms.InsufficientBalanceError):
            sdk.send_sms("TurkeySMS", NUMBER, "Refused by the fault")
        assert sdk.get_balance() == before  # nothing billed
        assert mock.call(f"/_mock/messages?to={NUMBER}")["messages"] == []
        expect(rule_row(page, rule["id"]).locator(".fault-remaining")).to_have_text(
            "used up (0 of 1)", timeout=LIVE_S * 1000
        )
        assert sdk.send_sms("TurkeySMS", NUMBER, "The rule is used up").sms_id


def test_a_refused_rule_shows_the_apis_own_message_and_adds_nothing(
    page: Any, mock: Mock, expected_console: list[str]
) -> None:
    expected_console.append("the server responded with a status of 400")
    open_panel(page)
    page.get_by_label("Kind").select_option("code")
    page.get_by_label("TS code (required)").fill("TS-1086")
    page.get_by_label("Operation").select_option("/sms/send")
    page.get_by_role("button", name="Add rule").click()
    status, answer = post(
        mock.base_url, "/_mock/faults", {"kind": "code", "code": "TS-1086", "operation": "/sms/send"}
    )
    assert (status, answer["message"]) == (400, "/sms/send does not document TS-1086.")
    expect(page.locator("#fault-error")).to_have_text("Refused: " + answer["message"])
    expect(page.locator("#faults-empty")).to_be_visible()
    assert mock.call("/_mock/faults")["faults"] == []


def test_one_rule_is_removed_then_every_rule_is_cleared(page: Any, mock: Mock) -> None:
    first = mock.call("/_mock/faults", {"kind": "status", "status": 503})
    second = mock.call("/_mock/faults", {"kind": "drop", "operation": "/otp/send"})
    open_panel(page)
    expect(page.locator("#faults-rows tr")).to_have_count(2, timeout=LIVE_S * 1000)
    page.get_by_role("button", name=f"Remove fault rule {first['id']}").click()
    expect(page.locator("#faults-rows tr")).to_have_count(1)
    expect(page.get_by_role("button", name=f"Remove fault rule {second['id']}")).to_be_focused()
    assert [rule["id"] for rule in mock.call("/_mock/faults")["faults"]] == [second["id"]]
    mock.call("/_mock/faults", {"kind": "gateway"})
    expect(page.locator("#faults-rows tr")).to_have_count(2, timeout=LIVE_S * 1000)
    page.get_by_role("button", name="Clear all").click()
    expect(page.locator("#faults-empty")).to_be_visible()
    expect(page.locator("#faults-summary")).to_have_text("no rules")
    expect(page.get_by_label("Kind")).to_be_focused()  # the focus stays in the panel
    assert mock.call("/_mock/faults")["faults"] == []


def test_behind_a_control_token_the_form_works_and_callers_without_it_are_refused(
    browser: Any, tmp_path: Path
) -> None:
    token = "t0ken-for-the-faults"
    with serving(tmp_path, "--db", str(tmp_path / "t.sqlite3"), "--control-token", token) as (base, _):
        context = browser.new_context(viewport={"width": 1280, "height": 860})
        page = context.new_page()
        problems: list[str] = []
        # The refused polls before the token is given are logged by Chromium as failed loads (401).
        page.on("console", lambda m: m.type == "error" and "401" not in m.text and problems.append(m.text))
        page.on("pageerror", lambda error: problems.append(str(error)))
        try:
            page.goto(base + "/")
            page.get_by_role("textbox", name="Control token").fill(token)
            page.get_by_role("button", name="Use this token").click()
            expect(page.locator("#live.on")).to_be_visible()
            open_panel(page)
            page.get_by_label("Kind").select_option("status")
            page.get_by_label("HTTP status (required)").fill("503")
            page.get_by_label("Operation").select_option("/balance/")
            page.get_by_role("button", name="Add rule").click()
            expect(page.locator("#faults-rows tr")).to_have_count(1)
            expect(page.locator("#faults-rows")).to_contain_text(
                "status: HTTP status 503, Carried out first no"
            )
        finally:
            context.close()
        assert post(base, "/_mock/faults", {"kind": "drop"})[0] == 401
        # The header on the public API obeys the token too: without it, TS-1033 and nothing done.
        status, answer = post(base, "/balance/", {"api_key": "test-key"}, {"X-Mock-Fault": "status=500"})
        assert (status, answer["result_code"]) == (400, "TS-1033")
        assert answer["result_message"].startswith("X-Mock-Fault: this mock has a control token")
        assert (
            post(
                base,
                "/balance/",
                {"api_key": "test-key"},
                {"X-Mock-Fault": "status=500", "X-Mock-Token": token},
            )[0]
            == 500
        )
        assert post(base, "/balance/", {"api_key": "test-key"})[0] == 503  # the form's rule
    assert not problems, problems
