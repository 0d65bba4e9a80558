"""Keys, account state, the rate limit, balances and sender IDs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..records import Balance, Principal, SenderId
from ..store import accounts, first_read, keys, ratelimit
from . import permissions
from .backend import Backend
from .errors import ApiError

# What the pipeline hands from a request's first read to authenticate.
FirstRead = first_read.FirstRead


@dataclass(frozen=True, slots=True)
class AuthReport:
    key_active: bool
    permissions: dict[str, bool]
    account_active: bool
    balance: Balance


def look_up(backend: Backend, api_key: object, title: object) -> FirstRead | None:
    """A request's first read, before anything is checked: whether fault rules are active, and the
    caller (with the sender ID `title` names and the clock) for `authenticate` (None: no mock_state row)."""
    key = api_key if isinstance(api_key, str) and api_key else None
    with backend.database.read() as connection:
        return first_read.read(connection, keys.secret(backend.database, connection), key, _bindable(title))


def _bindable(title: object) -> str | None:
    # The body's title before validation: one no driver can encode (a lone surrogate) is not looked up
    # here; validation refuses it (TS-1034) before the send would need it.
    if not isinstance(title, str):
        return None
    try:
        title.encode("utf-8")
    except UnicodeEncodeError:
        return None
    return title


def authenticate(backend: Backend, api_key: object, found: FirstRead | None = None) -> Principal:
    """D18's first steps: a key is present (TS-1050), known and active (TS-1031); `found` is this
    request's first read of `api_key` when it was just made (None: read the key now)."""
    if api_key is None or api_key == "":
        raise ApiError("TS-1050")
    if not isinstance(api_key, str):
        raise ApiError("TS-1031")
    if found is not None:
        principal = found.principal
    else:
        with backend.database.read() as connection:
            principal = accounts.principal(connection, keys.secret(backend.database, connection), api_key)
    if principal is None or not principal.key_active:
        raise ApiError("TS-1031")
    return principal


def admit(backend: Backend, principal: Principal, required: Sequence[str], *, audit: bool = False) -> None:
    """Account active (TS-1030, except for the audit endpoint: D16), permissions, then the rate limit."""
    if not principal.account_active and not audit:
        raise ApiError("TS-1030")
    permissions.require(principal, required)
    limit = principal.rate_limit_per_minute
    if limit > 0:
        with backend.database.write() as connection:
            now = backend.clock.now_read(principal.clock_offset)  # no clock query: read with the key
            admitted = ratelimit.hit(connection, principal.key_id, now, limit)
        if not admitted:
            raise ApiError("TS-1060")


def auth_report(backend: Backend, principal: Principal) -> AuthReport:
    return AuthReport(
        key_active=principal.key_active,
        permissions=dict(permissions.report(principal)),
        account_active=principal.account_active,
        balance=balance(backend, principal),
    )


def balance(backend: Backend, principal: Principal) -> Balance:
    with backend.database.read() as connection:
        return accounts.balance(connection, principal.account_id)


def sender_ids(backend: Backend, principal: Principal) -> list[SenderId]:
    with backend.database.read() as connection:
        return accounts.sender_ids(connection, principal.account_id)


def require_sender(backend: Backend, principal: Principal, title: str) -> None:
    """The title must be one of the account's sender IDs (TS-1029) and activated (TS-1028)."""
    if principal.sender_title == title:  # read with the key, in the request's first read
        sender = principal.sender
    else:
        with backend.database.read() as connection:
            sender = accounts.sender_id(connection, principal.account_id, title)
    if sender is None:
        raise ApiError("TS-1029")
    if not sender.active:
        raise ApiError("TS-1028")
