"""The pytest plugin: registered by entry point, cheap to load, and usable with a user's own seed."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import entry_points

import pytest

pytest_plugins = ("pytester",)


def test_registered_as_a_pytest11_entry_point(pytestconfig: pytest.Config) -> None:
    found = {entry.name: entry.value for entry in entry_points(group="pytest11")}
    assert found.get("turkeysms_mock") == "turkeysms_mock.pytest_plugin"
    assert pytestconfig.pluginmanager.has_plugin("turkeysms_mock")


def test_loading_the_plugin_imports_no_server() -> None:
    # It is loaded into every pytest session of the environment, used or not.
    code = "import sys, turkeysms_mock.pytest_plugin; print(sorted(m for m in ('flask', 'werkzeug', 'sqlite3', 'httpx') if m in sys.modules))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"


def test_a_user_suite_with_its_own_seed(pytester: pytest.Pytester) -> None:
    pytester.makefile(
        ".yaml",
        seed="""
accounts:
  - name: shop
    api_keys: [{key: shop-key}]
    balance: {main: 10, international: 0}
    sender_ids: [{title: SHOP, status: active}]
delivery_delay: 30
""",
    )
    pytester.makeconftest(
        """
import pytest
from pathlib import Path

@pytest.fixture(scope="session")
def turkeysms_mock_seed():
    return Path(__file__).parent / "seed.yaml"
"""
    )
    pytester.makepyfile(
        """
def test_login_with_an_otp(turkeysms_mock):
    assert turkeysms_mock.api_key == "shop-key"
    sent = turkeysms_mock.post("/otp/send", mobile="905321234567", digits=4)
    assert turkeysms_mock.otp("905321234567") == sent["otp_code"]
    turkeysms_mock.advance(29)
    assert turkeysms_mock.messages(to="905321234567")[0]["status"] == "pending"
    turkeysms_mock.advance(1)
    assert turkeysms_mock.messages()[0]["status"] == "delivered"

def test_state_is_reset_between_tests(turkeysms_mock):
    assert turkeysms_mock.messages() == []
    assert turkeysms_mock.post("/balance/")["balance"]["main"] == 10
"""
    )
    result = pytester.runpytest_subprocess("-q", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=2)


def test_the_fixtures_own_client_is_one_per_session_and_reset_reaches_the_served_state(
    pytester: pytest.Pytester,
) -> None:
    pytester.makepyfile(
        """
from turkeysms import TurkeySMS

clients = []

def test_send_through_the_fixtures_client(turkeysms_mock):
    client = turkeysms_mock.client
    assert isinstance(client, TurkeySMS) and client.base_url == turkeysms_mock.base_url
    sent = client.send_sms("MyCompany", "905321234567", "hello")
    assert turkeysms_mock.messages(to="905321234567")[0]["sms_id"] == sent.sms_id
    turkeysms_mock.fault("code", code="TS-1060", operation="/sms/send", count=5)
    clients.append(client)

def test_the_next_test_has_the_same_client_and_a_reset_server(turkeysms_mock):
    # The reset went to the app in-process; what the socket serves must show it.
    assert turkeysms_mock.client is clients[0]
    assert turkeysms_mock.messages() == [] and turkeysms_mock.faults() == []
    assert turkeysms_mock.client.send_sms("MyCompany", "905321234567", "again").sms_id
"""
    )
    result = pytester.runpytest_subprocess("-q", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=2)
