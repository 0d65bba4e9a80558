"""Faults on demand: what each kind does, the rules that say which requests meet one, and taking a rule."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from turkeysms_spec.catalogue import RESULT_CODES
from turkeysms_spec.documents import load_openapi

from ..store import faults as stored
from .backend import Backend

KINDS = ("code", "status", "gateway", "delay", "drop", "hang")
GATEWAY_STATUSES = (502, 503, 504)
DEFAULT_GATEWAY_STATUS = 502
# The parameters each kind takes; any other one is refused, so a typo never passes silently.
PARAMETERS: Mapping[str, frozenset[str]] = {
    "code": frozenset({"code", "retry_after"}),
    "status": frozenset({"status", "retry_after", "commit"}),
    "gateway": frozenset({"status", "retry_after", "commit"}),
    "delay": frozenset({"seconds"}),
    "drop": frozenset({"commit"}),
    "hang": frozenset({"seconds", "commit"}),
}
_ALL_PARAMETERS = frozenset().union(*PARAMETERS.values())
# The parameter a kind cannot do without (a gateway answers 502 unless told otherwise).
NEEDS: Mapping[str, str] = {"code": "code", "status": "status", "delay": "seconds", "hang": "seconds"}
# A dropped or hung request is first carried out: the "sent but unanswered" case is the point of them.
_COMMITS_BY_DEFAULT = frozenset({"drop", "hang"})
# Fields of a request body that name who receives a message.
RECIPIENT_FIELDS = ("sentto", "mobile")


class FaultError(ValueError):
    """A fault described inconsistently (a parameter the kind does not take, a code not documented)."""


@dataclass(frozen=True, slots=True)
class Fault:
    kind: str
    code: str | None = None
    status: int | None = None  # the HTTP status answered: the catalogue's for a code
    seconds: float | None = None
    retry_after: int | None = None
    commit: bool = False

    def params(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "status": self.status,
            "seconds": self.seconds,
            "retry_after": self.retry_after,
            "commit": self.commit,
        }


@dataclass(frozen=True, slots=True)
class Rule:
    id: int
    fault: Fault
    operation: str | None
    api_key: str | None
    recipient: str | None
    count: int
    remaining: int
    created_at: float


@functools.cache
def _documented_codes(operation: str) -> frozenset[str]:
    return frozenset(load_openapi()["paths"][operation]["post"]["x-result-codes"])


def define(fields: Mapping[str, Any], operation: str | None) -> Fault:
    """The fault that schema-checked `fields` describe, for requests to `operation` (None: any)."""
    kind: str = fields["kind"]
    extra = sorted((set(fields) & _ALL_PARAMETERS) - PARAMETERS[kind])
    if extra:
        raise FaultError(f"'{extra[0]}' does not apply to a {kind} fault.")
    status = fields.get("status")
    code = fields.get("code")
    if kind == "code":
        row = RESULT_CODES.get(code) if code is not None else None
        if row is None or not row.is_error:
            raise FaultError("A code fault needs 'code', an error code of the catalogue.")
        if operation is not None and code not in _documented_codes(operation):
            raise FaultError(f"{operation} does not document {code}.")
        status = row.http_status
    elif kind == "status" and status is None:
        raise FaultError("A status fault needs 'status' (500 to 599).")
    elif kind == "gateway":
        status = DEFAULT_GATEWAY_STATUS if status is None else status
        if status not in GATEWAY_STATUSES:
            raise FaultError("A gateway fault answers 502, 503 or 504.")
    elif kind in ("delay", "hang") and fields.get("seconds") is None:
        raise FaultError(f"A {kind} fault needs 'seconds'.")
    seconds = fields.get("seconds")
    return Fault(
        kind=kind,
        code=code,
        status=status,
        seconds=None if seconds is None else float(seconds),
        retry_after=fields.get("retry_after"),
        commit=bool(fields.get("commit", kind in _COMMITS_BY_DEFAULT)),
    )


def defaults(kind: str) -> dict[str, Any]:
    """What a rule of `kind` uses for the parameters it takes but was not given."""
    found: dict[str, Any] = {}
    if "commit" in PARAMETERS[kind]:
        found["commit"] = kind in _COMMITS_BY_DEFAULT
    if kind == "gateway":
        found["status"] = DEFAULT_GATEWAY_STATUS
    return found


def _rule(row: stored.StoredRule) -> Rule:
    return Rule(
        id=row.id,
        fault=Fault(kind=row.kind, **row.params),
        operation=row.operation,
        api_key=row.api_key,
        recipient=row.recipient,
        count=row.count,
        remaining=row.remaining,
        created_at=row.created_at,
    )


def add(
    backend: Backend,
    fault: Fault,
    *,
    operation: str | None = None,
    api_key: str | None = None,
    recipient: str | None = None,
    count: int = 1,
) -> Rule:
    with backend.database.write() as connection:
        row = stored.add(
            connection,
            fault.kind,
            fault.params(),
            (operation, api_key, recipient),
            count=count,
            now=backend.clock.now(),
        )
    return _rule(row)


def rules(backend: Backend) -> list[Rule]:
    """Every rule, newest first, used up or not."""
    with backend.database.read() as connection:
        return [_rule(row) for row in stored.listed(connection)]


def remove(backend: Backend, rule_id: int | None = None) -> int:
    """Remove one rule (or all of them with None); returns how many were removed."""
    with backend.database.write() as connection:
        return stored.delete(connection, rule_id)


def recipients(body: Mapping[str, Any]) -> list[str]:
    """The numbers a request body sends to, whatever shape its recipient fields have."""
    found: list[str] = []
    for name in RECIPIENT_FIELDS:
        value = body.get(name)
        items = value if isinstance(value, list) else [value]
        found.extend(item for item in items if isinstance(item, str))
    return found


def take(
    backend: Backend, operation: str, body: Mapping[str, Any], *, active: bool | None = None
) -> Fault | None:
    """The fault of the oldest rule this request matches, using one of its requests; None for none.
    `active`: whether any rule was active in a read this request just made (None: read it here)."""
    # A plain read first: with no rule active (the usual case) a request takes no write lock.
    if active is None:
        with backend.database.read() as connection:
            active = stored.any_active(connection)
    if not active:
        return None
    key = body.get("api_key")
    with backend.database.write() as connection:
        row = stored.take(connection, operation, key if isinstance(key, str) else None, recipients(body))
    return None if row is None else _rule(row).fault
