"""Delivery status of a send, its summary counts and its per-number report (500 a page)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..records import MessageInfo, Principal
from ..store import messages
from . import delivery
from .backend import Backend
from .errors import ApiError

PAGE_SIZE = 500


@dataclass(frozen=True, slots=True)
class Status:
    message: MessageInfo
    status: str

    @property
    def code(self) -> str:
        return delivery.STATUS_CODE[self.status]

    @property
    def text(self) -> str:
        return delivery.SMS_STATUS_TEXT[self.status]


@dataclass(frozen=True, slots=True)
class Summary:
    sms_id: int
    total: int
    delivered: int
    failed: int
    pending: int


@dataclass(frozen=True, slots=True)
class Line:
    number: str
    sent_at: float
    status: str


@dataclass(frozen=True, slots=True)
class Page:
    current: int
    total_pages: int
    total_records: int
    lines: list[Line]


def _message(backend: Backend, principal: Principal, sms_id: int) -> MessageInfo:
    with backend.database.read() as connection:
        found = messages.message(connection, principal.account_id, sms_id)
    if found is None:
        # D9: another account's message answers like a missing one, so nothing leaks.
        raise ApiError("TS-1052")
    return found


def _counts(backend: Backend, sms_id: int) -> dict[str, int]:
    with backend.database.read() as connection:
        return messages.status_counts(connection, sms_id, backend.clock.now())


def status(backend: Backend, principal: Principal, sms_id: int) -> Status:
    message = _message(backend, principal, sms_id)
    counts = _counts(backend, sms_id)
    return Status(message=message, status=delivery.batch_status(s for s, n in counts.items() if n))


def summary(backend: Backend, principal: Principal, sms_id: int) -> Summary:
    _message(backend, principal, sms_id)
    counts = _counts(backend, sms_id)
    total = sum(counts.values())
    delivered = counts.get(delivery.DELIVERED, 0)
    failed = counts.get(delivery.FAILED, 0)
    return Summary(sms_id, total, delivered, failed, total - delivered - failed)


def page(backend: Backend, principal: Principal, sms_id: int, number: int) -> Page:
    _message(backend, principal, sms_id)
    total = sum(_counts(backend, sms_id).values())
    pages = max(1, math.ceil(total / PAGE_SIZE))
    lines: list[Line] = []
    if number <= pages:
        now = backend.clock.now()
        with backend.database.read() as connection:
            rows = messages.deliveries(connection, sms_id, PAGE_SIZE, (number - 1) * PAGE_SIZE)
        lines = [Line(row.number, row.send_at, delivery.status_at(row, now)) for row in rows]
    return Page(current=number, total_pages=pages, total_records=total, lines=lines)
