"""The seed file (YAML): accounts, their keys, balances and sender IDs, checked before anything is stored."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from ..records import Seed, SeedAccount, SeedKey, SeedSenderId
from ..store import keys
from . import urls
from .permissions import resolve

DEMO_SEED = """\
accounts:
  - name: demo
    api_keys:
      - key: test-key
        permissions: all        # or a list of the permission names /auth/check reports
    balance: {main: 1500, international: 250}
    sender_ids:
      - {title: TurkeySMS, status: active}
      - {title: MyCompany, status: active}
    rate_limit_per_minute: 0    # 0 = no limit
"""

_STATUSES = {"active": True, "inactive": False, "suspended": False}


class SeedError(ValueError):
    """The seed file is not in the documented format."""


def load(path: Path | None) -> Seed:
    """The seed at `path`, or the demo account of the README when there is none."""
    text = DEMO_SEED if path is None else path.read_text(encoding="utf-8")
    return parse(text)


def parse(text: str) -> Seed:
    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise SeedError(f"not YAML: {error}") from error
    if not isinstance(document, Mapping) or not isinstance(document.get("accounts"), list):
        raise SeedError("the seed needs a top-level 'accounts' list")
    accounts = tuple(_account(item, index) for index, item in enumerate(document["accounts"]))
    names = [account.name for account in accounts]
    keys = [key.key for account in accounts for key in account.keys]
    if len(set(names)) != len(names):
        raise SeedError("account names must be unique")
    if len(set(keys)) != len(keys):
        raise SeedError("API keys must be unique across accounts")
    delay = document.get("delivery_delay")
    if delay is not None and (isinstance(delay, bool) or not isinstance(delay, int | float) or delay < 0):
        raise SeedError("delivery_delay: must be a number of seconds ≥ 0")
    return Seed(
        accounts=accounts, source=redacted(text), delivery_delay_s=None if delay is None else float(delay)
    )


def redacted(text: str) -> str:
    """The seed as the database keeps it, for reset: every key replaced by its fingerprint, so that
    the database never holds a key in clear (`text` itself when it holds none)."""
    document = yaml.safe_load(text)
    changed = False
    for account in document.get("accounts") or []:
        for item in account.get("api_keys") or []:
            sealed = keys.seeded_fingerprint(item["key"])
            changed = changed or sealed != item["key"]
            item["key"] = sealed
    return yaml.safe_dump(document, sort_keys=False, allow_unicode=True) if changed else text


def _account(item: Any, index: int) -> SeedAccount:
    where = f"accounts[{index}]"
    if not isinstance(item, Mapping) or not isinstance(item.get("name"), str):
        raise SeedError(f"{where}: needs a 'name'")
    balance = item.get("balance") or {}
    if not isinstance(balance, Mapping):
        raise SeedError(f"{where}.balance: needs 'main' and 'international'")
    webhook = item.get("webhook") or {}
    if not isinstance(webhook, Mapping):
        raise SeedError(f"{where}.webhook: needs 'url' and 'secret'")
    if webhook.get("url") is not None and not urls.usable_url(webhook["url"]):
        raise SeedError(f"{where}.webhook.url: an http(s) URL without spaces or control characters (CR, LF)")
    return SeedAccount(
        name=item["name"],
        keys=tuple(
            _key(key, f"{where}.api_keys[{i}]") for i, key in enumerate(_list(item, "api_keys", where))
        ),
        main=_count(balance.get("main", 0), f"{where}.balance.main"),
        international=_count(balance.get("international", 0), f"{where}.balance.international"),
        sender_ids=tuple(
            _sender(sender, f"{where}.sender_ids[{i}]")
            for i, sender in enumerate(_list(item, "sender_ids", where))
        ),
        rate_limit_per_minute=_count(item.get("rate_limit_per_minute", 0), f"{where}.rate_limit_per_minute"),
        active=_status(item.get("status", "active"), f"{where}.status"),
        international_enabled=bool(item.get("international", True)),
        webhook_url=webhook.get("url"),
        webhook_secret=webhook.get("secret"),
    )


def _list(item: Mapping[str, Any], name: str, where: str) -> Sequence[Any]:
    value = item.get(name) or []
    if not isinstance(value, list):
        raise SeedError(f"{where}.{name}: must be a list")
    return value


def _key(item: Any, where: str) -> SeedKey:
    if not isinstance(item, Mapping) or not isinstance(item.get("key"), str) or not item["key"]:
        raise SeedError(f"{where}: needs a non-empty 'key'")
    try:
        granted = resolve(item.get("permissions", "all"))
    except (TypeError, ValueError) as error:
        raise SeedError(f"{where}.permissions: {error}") from error
    return SeedKey(key=item["key"], permissions=granted, active=_status(item.get("status", "active"), where))


def _sender(item: Any, where: str) -> SeedSenderId:
    if not isinstance(item, Mapping) or not isinstance(item.get("title"), str):
        raise SeedError(f"{where}: needs a 'title'")
    return SeedSenderId(
        title=item["title"],
        active=_status(item.get("status", "active"), where),
        document=bool(item.get("document", True)),
        network_stat=bool(item.get("network_stat", True)),
    )


def _status(value: Any, where: str) -> bool:
    if value not in _STATUSES:
        raise SeedError(f"{where}: status must be one of {sorted(_STATUSES)}")
    return _STATUSES[value]


def _count(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise SeedError(f"{where}: must be a whole number ≥ 0")
    return value
