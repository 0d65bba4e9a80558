"""An account's blacklist: numbers that never receive a message from it (D1, D2)."""

from __future__ import annotations

from ..records import BlacklistEntry, Principal
from ..store import blacklist
from .backend import Backend
from .errors import ApiError


def add(backend: Backend, principal: Principal, number: str) -> None:
    with backend.database.write() as connection:
        if not blacklist.add(connection, principal.account_id, number, backend.clock.now()):
            raise ApiError("TS-1140")


def lookup(backend: Backend, principal: Principal, number: str) -> BlacklistEntry | None:
    with backend.database.read() as connection:
        return blacklist.entry(connection, principal.account_id, number)
