"""The seed format: the demo account, permission lists, and refusals of malformed files."""

from __future__ import annotations

import pytest

from turkeysms_mock.domain import seed
from turkeysms_mock.domain.permissions import GROUP_PRIVILEGES, all_permissions


def test_demo_account_is_the_documented_one() -> None:
    (demo,) = seed.load(None).accounts
    assert (demo.name, demo.main, demo.international, demo.rate_limit_per_minute) == ("demo", 1500, 250, 0)
    assert demo.keys[0].key == "test-key" and demo.keys[0].permissions == all_permissions()
    assert [(s.title, s.active) for s in demo.sender_ids] == [("TurkeySMS", True), ("MyCompany", True)]


def test_manage_groups_grants_the_four_group_privileges() -> None:
    parsed = seed.parse(
        "accounts: [{name: a, api_keys: [{key: k, permissions: [post_request, manage_groups]}]}]"
    )
    assert parsed.accounts[0].keys[0].permissions == {"post_request", *GROUP_PRIVILEGES}


@pytest.mark.parametrize(
    "text",
    [
        "nope",
        "accounts: [{api_keys: []}]",
        "accounts: [{name: a, api_keys: [{key: k, permissions: [fly]}]}]",
        "accounts: [{name: a, status: sleepy}]",
        "accounts: [{name: a, balance: {main: -1}}]",
        "accounts: [{name: a, api_keys: [{key: k}]}, {name: b, api_keys: [{key: k}]}]",
        "accounts: [{name: a}, {name: a}]",
        "accounts: [{name: a, sender_ids: {title: x}}]",
        'accounts: [{name: a, webhook: {url: "http://127.0.0.1:9/hook\\r\\nX-Injected: 1", secret: s}}]',
        "accounts: [{name: a, webhook: {url: ftp://host/hook, secret: s}}]",
        'accounts: [{name: a, webhook: {url: "http://[::1/hook", secret: s}}]',  # urlsplit raises
    ],
)
def test_malformed_seed_is_refused(text: str) -> None:
    with pytest.raises(seed.SeedError):
        seed.parse(text)
