"""Live edits of the accounts: status, limits, balances, keys and sender IDs, seen by every worker at once.

Each edit is one write transaction on the shared database, which is all the state there is (no worker
keeps a copy), so the next request of any worker meets the change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..records import Balance
from ..store import account_edits as stored
from ..store.account_edits import Connection
from . import permissions
from .backend import Backend


class EditRefusedError(Exception):
    """An edit that cannot be made: `reason` is not_found, conflict or invalid."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason, self.message = reason, message


@dataclass(frozen=True, slots=True)
class KeyState:
    id: int
    active: bool
    permissions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SenderState:
    title: str
    active: bool


@dataclass(frozen=True, slots=True)
class AccountState:
    name: str
    active: bool
    international: bool
    rate_limit_per_minute: int
    balance: Balance
    webhook_url: str | None
    sender_ids: tuple[SenderState, ...]
    keys: tuple[KeyState, ...]


def _state(row: stored.AccountRow) -> AccountState:
    return AccountState(
        name=row.name,
        active=row.active,
        international=row.international_enabled,
        rate_limit_per_minute=row.rate_limit_per_minute,
        balance=Balance(main=row.main, international=row.international),
        webhook_url=row.webhook_url,
        sender_ids=tuple(SenderState(s.title, s.active) for s in row.sender_ids),
        keys=tuple(
            KeyState(k.id, k.active, tuple(sorted(k.permissions.split(","))) if k.permissions else ())
            for k in row.keys
        ),
    )


def listing(backend: Backend) -> list[AccountState]:
    with backend.database.read() as connection:
        return [_state(row) for row in stored.accounts(connection)]


def _edit(backend: Backend, name: str, change: Callable[[Connection, int], None]) -> AccountState:
    """Run `change` on the named account and read it back, in one write transaction."""
    with backend.database.write() as connection:
        found = stored.account(connection, name)
        if found is None:
            raise EditRefusedError("not_found", f"No account is named {name!r}.")
        change(connection, found.id)
        after = stored.account(connection, name)
    assert after is not None
    return _state(after)


def edit_account(
    backend: Backend,
    name: str,
    *,
    active: bool | None = None,
    international: bool | None = None,
    rate_limit_per_minute: int | None = None,
) -> AccountState:
    """Suspend or reactivate, switch international sending, change the per-key rate limit."""

    def change(connection: Connection, account_id: int) -> None:
        stored.update_account(
            connection,
            account_id,
            active=active,
            international_enabled=international,
            rate_limit_per_minute=rate_limit_per_minute,
        )

    return _edit(backend, name, change)


def change_balance(
    backend: Backend, name: str, main: int | None, international: int | None, *, add: bool
) -> AccountState:
    """Top up (`add`) or set the balances given; None leaves a balance as it is."""

    def change(connection: Connection, account_id: int) -> None:
        if not stored.change_balance(connection, account_id, main, international, add=add):
            raise EditRefusedError("invalid", f"A balance may not exceed {stored.MAX_AMOUNT}.")

    return _edit(backend, name, change)


def _permission_list(granted: str | Iterable[str]) -> str:
    try:
        return ",".join(sorted(permissions.resolve(granted)))
    except ValueError as error:
        raise EditRefusedError("invalid", str(error)) from None


def add_key(
    backend: Backend, name: str, key: str, granted: str | Iterable[str] = "all", *, active: bool = True
) -> AccountState:
    stored_permissions = _permission_list(granted)

    def change(connection: Connection, account_id: int) -> None:
        if not stored.add_key(connection, account_id, key, stored_permissions, active):
            raise EditRefusedError("conflict", "This API key exists already.")

    return _edit(backend, name, change)


def edit_key(
    backend: Backend,
    name: str,
    key: str,
    *,
    active: bool | None = None,
    granted: str | Iterable[str] | None = None,
) -> AccountState:
    """Deactivate or reactivate one of the account's keys, or replace its permissions."""
    stored_permissions = None if granted is None else _permission_list(granted)

    def change(connection: Connection, account_id: int) -> None:
        if not stored.update_key(connection, account_id, key, active, stored_permissions):
            raise EditRefusedError("not_found", f"The account {name!r} has no such API key.")

    return _edit(backend, name, change)


def add_sender(backend: Backend, name: str, title: str, *, active: bool = True) -> AccountState:
    def change(connection: Connection, account_id: int) -> None:
        if not stored.add_sender(connection, account_id, title, active):
            raise EditRefusedError("conflict", f"The account {name!r} has the sender ID {title!r} already.")

    return _edit(backend, name, change)


def edit_sender(backend: Backend, name: str, title: str, *, active: bool) -> AccountState:
    def change(connection: Connection, account_id: int) -> None:
        if not stored.update_sender(connection, account_id, title, active):
            raise EditRefusedError("not_found", f"The account {name!r} has no sender ID {title!r}.")

    return _edit(backend, name, change)
