"""The inbox in headless Chromium: live arrivals, OTP codes, status badges, controls, inert hostile text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from tests.serving import serving
from turkeysms import TurkeySMS

from .conftest import MAIN_KEY, OTHER_KEY, REPORTS, Mock

NUMBER = "905321234567"
FAILING = "905320000002"
LIVE_S = 2.0  # the promise: a send shows within 2 s, without a reload


def client(mock: Mock, key: str = MAIN_KEY) -> TurkeySMS:
    return TurkeySMS(key, base_url=mock.base_url, max_retries=0)


def number_button(page: Any, number: str) -> Any:
    return page.locator(f'button.number[data-number="{number}"]')


def open_conversation(page: Any, number: str) -> None:
    number_button(page, number).click()
    expect(page.locator("#conversation-title")).to_have_text(number)


def test_a_send_through_the_sdk_appears_without_a_reload(page: Any, mock: Mock) -> None:
    expect(page.locator("#numbers-empty")).to_be_visible()
    with client(mock) as sdk:
        sdk.send_sms("TurkeySMS", NUMBER, "Your order has shipped.\nTrack it in the app.")
    expect(number_button(page, NUMBER)).to_be_visible(timeout=LIVE_S * 1000)
    expect(number_button(page, NUMBER).locator(".unread")).to_have_text("1")
    open_conversation(page, NUMBER)
    message = page.locator("#thread .message")
    expect(message.locator(".text")).to_have_text("Your order has shipped.\nTrack it in the app.")
    expect(message.locator(".sender")).to_have_text("TurkeySMS")
    expect(message.locator(".meta")).to_contain_text("1 credit · main balance")
    expect(number_button(page, NUMBER).locator(".unread")).to_have_count(0)


def test_an_otp_shows_its_code_large_with_a_copy_button(page: Any, mock: Mock) -> None:
    with client(mock) as sdk:
        sdk.send_otp(NUMBER)
    code = mock.call(f"/_mock/otp?mobile={NUMBER}")["code"]
    expect(number_button(page, NUMBER)).to_contain_text(f"Code {code}", timeout=LIVE_S * 1000)
    open_conversation(page, NUMBER)
    expect(page.locator("#thread .otp-code")).to_have_text(code)
    page.get_by_role("button", name=f"Copy the code {code}").click()
    expect(page.locator("#thread .copy")).to_have_text("Copied")


def test_a_forced_failure_turns_the_badge_live_and_the_page_forces_outcomes(page: Any, mock: Mock) -> None:
    with client(mock) as sdk:
        sms_id = sdk.send_sms("TurkeySMS", NUMBER, "Pending, then failed").sms_id
    open_conversation(page, NUMBER)
    badge = page.locator("#thread .message .badge")
    expect(badge).to_have_text("Pending")
    mock.call(f"/_mock/messages/{sms_id}/status", {"status": "failed"})  # from outside the page
    expect(badge).to_have_text("Failed", timeout=LIVE_S * 1000)
    expect(badge).to_have_class("badge status-failed")
    page.get_by_label(f"Outcome to force for sms_id {sms_id}").select_option("out_of_coverage")
    page.get_by_role("button", name="Force").click()
    expect(badge).to_have_text("Out of coverage")
    assert mock.call(f"/_mock/messages?to={NUMBER}")["messages"][0]["status"] == "out_of_coverage"


def test_advancing_the_clock_delivers_pending_messages(page: Any, mock: Mock) -> None:
    with client(mock) as sdk:
        sdk.send_sms("TurkeySMS", NUMBER, "Soon delivered")
        sdk.send_sms("TurkeySMS", FAILING, "Soon failed")
    open_conversation(page, NUMBER)
    page.get_by_label("Advance clock by").fill("3600")
    page.get_by_role("button", name="Advance").click()
    expect(page.locator("#thread .badge")).to_have_text("Delivered")
    expect(page.locator("#clock-offset")).to_contain_text("+1 h ahead")
    expect(number_button(page, FAILING).locator(".dot")).to_have_class("dot status-failed")


def test_reset_asks_first_then_empties_the_page(page: Any, mock: Mock) -> None:
    with client(mock) as sdk:
        sdk.send_sms("TurkeySMS", NUMBER, "Gone after the reset")
    open_conversation(page, NUMBER)
    page.get_by_role("button", name="Reset…").click()
    page.get_by_role("button", name="Cancel").click()
    expect(number_button(page, NUMBER)).to_be_visible()
    page.get_by_role("button", name="Reset…").click()
    page.get_by_role("button", name="Reset everything").click()
    expect(page.locator("#numbers button")).to_have_count(0)
    expect(page.locator("#numbers-empty")).to_contain_text("No messages yet.")
    expect(page.locator("#thread .message")).to_have_count(0)
    assert mock.call("/_mock/messages")["messages"] == []


def test_hostile_text_is_shown_as_text_and_runs_nothing(page: Any, mock: Mock) -> None:
    hostile = "<img src=x onerror=alert(1)>"
    with client(mock) as sdk:
        sdk.send_sms("TurkeySMS", NUMBER, hostile)
    expect(number_button(page, NUMBER)).to_contain_text(hostile, timeout=LIVE_S * 1000)
    open_conversation(page, NUMBER)
    expect(page.locator("#thread .text")).to_have_text(hostile)
    # No element was made from the text; the page fixture fails on an alert dialog or console error.
    assert page.locator("main img").count() == 0


def test_search_status_filter_and_account_switcher(page: Any, mock: Mock) -> None:
    with client(mock) as sdk:
        sdk.send_sms("TurkeySMS", NUMBER, "Dinner at eight")
        sdk.send_sms("MyCompany", FAILING, "Invoice ready")
    with client(mock, OTHER_KEY) as shop:
        shop.send_sms("ShopCo", "905559876543", "Your basket misses you")
    expect(page.locator("#numbers button")).to_have_count(3, timeout=LIVE_S * 1000)
    page.get_by_placeholder("Search number").fill("invoice")
    expect(page.locator("#numbers button")).to_have_count(1)
    page.get_by_placeholder("Search number").fill("mycompany")
    expect(number_button(page, FAILING)).to_be_visible()
    page.get_by_placeholder("Search number").fill("0000002")
    expect(page.locator("#numbers button")).to_have_count(1)
    page.get_by_placeholder("Search number").fill("")
    page.get_by_label("Account").select_option("shop")
    expect(page.locator("#numbers button")).to_have_count(1)
    expect(number_button(page, "905559876543")).to_be_visible()
    page.get_by_label("Account").select_option("")
    mock.call("/_mock/clock", {"advance": 10})
    page.locator(".filters").get_by_label("Status").select_option("failed")  # not the fault form's
    expect(page.locator("#numbers button")).to_have_count(1)
    expect(number_button(page, FAILING)).to_be_visible()


def test_keyboard_search_shortcut_and_number_navigation(page: Any, mock: Mock) -> None:
    with client(mock) as sdk:
        sdk.send_sms("TurkeySMS", NUMBER, "First")
        sdk.send_sms("TurkeySMS", FAILING, "Second")
    expect(page.locator("#numbers button")).to_have_count(2, timeout=LIVE_S * 1000)
    page.keyboard.press("/")
    expect(page.locator("#search")).to_be_focused()
    number_button(page, FAILING).focus()  # the newest is first
    page.keyboard.press("ArrowDown")
    expect(number_button(page, NUMBER)).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#conversation-title")).to_have_text(NUMBER)


def test_webhook_attempts_show_url_answer_error_signature_and_next_retry(page: Any, mock: Mock) -> None:
    # Nothing listens on port 9 of loopback: each attempt is refused and retried later.
    hook = "http://127.0.0.1:9/hooks/sms"
    mock.call("/_mock/webhook", {"api_key": MAIN_KEY, "url": hook, "secret": "s3cret"})
    with client(mock) as sdk:
        sms_id = sdk.send_sms("TurkeySMS", NUMBER, "Report me").sms_id
    mock.call(f"/_mock/messages/{sms_id}/status", {"status": "delivered"})
    mock.call("/_mock/clock", {"advance": 0})
    open_conversation(page, NUMBER)
    page.get_by_text("Webhook attempts").click()
    panel = page.locator("#thread .hooks-body")
    expect(panel.locator("td.url").first).to_have_text(hook)
    expect(panel).to_contain_text("connection failed")
    expect(panel).to_contain_text("signed")
    expect(panel).to_contain_text("goes out again at")


def test_screenshots_at_desktop_and_phone_widths(page: Any, mock: Mock) -> None:
    """A populated inbox, saved under reports/ on every run (the README's picture comes from here)."""
    mock.call(
        "/_mock/webhook", {"api_key": MAIN_KEY, "url": "http://127.0.0.1:9/hooks/sms", "secret": "s3cret"}
    )
    with client(mock) as sdk:
        booked = sdk.send_sms("MyCompany", "905551112233", "Your table for 4 is booked for 20:00.")
        failed = sdk.send_sms("TurkeySMS", FAILING, "Kargonuz yola çıktı. Takip: TR123456")
        sent = sdk.send_otp(NUMBER)
        sdk.send_sms("MyCompany", NUMBER, "Hoş geldiniz! Hesabınız açıldı.\nİyi alışverişler.")
    with client(mock, OTHER_KEY) as shop:
        shop.send_sms("ShopCo", "905559876543", "Sepetinizde ürünler var: %10 indirim bugün.")
    for sms_id, status in (
        (sent.sms_id, "delivered"),
        (booked.sms_id, "delivered"),
        (failed.sms_id, "failed"),
    ):
        mock.call(f"/_mock/messages/{sms_id}/status", {"status": status})
    mock.call("/_mock/clock", {"advance": 0})
    mock.call(
        "/_mock/faults", {"kind": "code", "code": "TS-1060", "retry_after": 2, "operation": "/sms/send"}
    )
    mock.call("/_mock/faults", {"kind": "drop", "operation": "/otp/send", "recipient": NUMBER, "count": 2})
    open_conversation(page, NUMBER)
    page.locator("#thread .hooks summary").first.click()
    expect(page.locator("#thread .hooks-body td.url").first).to_be_visible()
    expect(page.locator("#faults-summary")).to_have_text("2 active")
    REPORTS.mkdir(exist_ok=True)
    page.screenshot(path=str(REPORTS / "inbox-desktop.png"))
    page.get_by_text("Faults", exact=True).click()
    page.get_by_label("Kind").select_option("hang")
    page.screenshot(path=str(REPORTS / "inbox-faults.png"))
    page.get_by_text("Faults", exact=True).click()
    page.set_viewport_size({"width": 390, "height": 844})
    expect(page.locator("#back")).to_be_visible()
    page.screenshot(path=str(REPORTS / "inbox-phone.png"))
    page.get_by_role("button", name="Back to the numbers").click()
    expect(number_button(page, NUMBER)).to_be_focused()
    page.screenshot(path=str(REPORTS / "inbox-phone-numbers.png"))
    assert (REPORTS / "inbox-desktop.png").stat().st_size > 10_000


def test_a_mock_with_a_control_token_asks_for_it_once_per_tab(browser: Any, tmp_path: Path) -> None:
    token = "t0ken-for-the-inbox"
    with serving(tmp_path, "--db", str(tmp_path / "t.sqlite3"), "--control-token", token) as (base, _):
        context = browser.new_context(viewport={"width": 1280, "height": 860})
        page = context.new_page()
        problems: list[str] = []
        # The refused polls before the token is given are logged by Chromium as failed loads (401).
        page.on("console", lambda m: m.type == "error" and "401" not in m.text and problems.append(m.text))
        page.on("pageerror", lambda error: problems.append(str(error)))
        try:
            page.goto(base + "/")
            expect(page.get_by_role("heading", name="This mock needs its control token")).to_be_visible()
            expect(page.locator("#live")).to_have_text("Offline, retrying")
            page.get_by_role("textbox", name="Control token").fill(token)
            page.get_by_role("button", name="Use this token").click()
            expect(page.locator("#live.on")).to_be_visible()
            with TurkeySMS("test-key", base_url=base, max_retries=0) as sdk:
                sdk.send_sms("TurkeySMS", NUMBER, "Behind a token")
            expect(number_button(page, NUMBER)).to_be_visible(timeout=LIVE_S * 1000)
            page.reload()  # the token lasts for the tab
            expect(number_button(page, NUMBER)).to_be_visible()
            expect(page.locator("#token-dialog")).not_to_be_visible()
        finally:
            context.close()
    assert not problems, problems
