"""Every seed the tests give the mock, built in one place: accounts, the refusal set, YAML files."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from turkeysms._contract import permissions

ACTIVE_SENDERS: list[dict[str, str]] = [
    {"title": "MyCompany", "status": "active"},
    {"title": "TurkeySMS", "status": "active"},
]
# An unactivated title answers TS-1028.
SENDERS: list[dict[str, str]] = [*ACTIVE_SENDERS, {"title": "Pending", "status": "inactive"}]


def account(
    name: str,
    keys: Sequence[Mapping[str, Any]],
    *,
    balance: Mapping[str, int],
    sender_ids: Sequence[Mapping[str, str]] = SENDERS,
    **extra: Any,
) -> dict[str, Any]:
    """One account of a seed: `extra` sets status, international, rate_limit_per_minute, webhook…"""
    found: dict[str, Any] = {
        "name": name,
        "api_keys": [dict(key) for key in keys],
        "balance": dict(balance),
        "sender_ids": [dict(sender) for sender in sender_ids],
        "rate_limit_per_minute": 0,
    }
    found.update(extra)
    return found


def one_key(key: str, permissions: str | Iterable[str] = "all", **extra: Any) -> dict[str, Any]:
    return {
        "key": key,
        "permissions": permissions if isinstance(permissions, str) else list(permissions),
        **extra,
    }


def every_refusal(*, name: str, key: str, balance: Mapping[str, int], rate_limit: int) -> dict[str, Any]:
    """Accounts for every refusal: a key without each permission, an inactive key, another account,
    suspended, rate-limited (`rate_limit` a minute), poor and domestic-only accounts."""
    every = sorted(permissions())
    without = [one_key(f"key-without-{n}", [p for p in every if p != n]) for n in every]
    return {
        "accounts": [
            account(
                name, [one_key(key), *without, one_key("key-inactive", status="inactive")], balance=balance
            ),
            account("other", [one_key("key-other")], balance=balance),
            account("suspended", [one_key("key-suspended")], balance=balance, status="suspended"),
            account("limited", [one_key("key-limited")], balance=balance, rate_limit_per_minute=rate_limit),
            account("poor", [one_key("key-poor")], balance={"main": 0, "international": 0}),
            account("domestic", [one_key("key-domestic")], balance=balance, international=False),
        ]
    }


def write(path: Path, document: Mapping[str, Any]) -> Path:
    """The seed as the YAML file `--seed` and SEED read."""
    path.write_text(yaml.safe_dump(dict(document), sort_keys=False), encoding="utf-8")
    return path
