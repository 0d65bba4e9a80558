"""Plain records the store returns and the domain reasons about."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is calling: the key's row joined with its account's."""

    key_id: int
    key_active: bool
    permissions: frozenset[str]
    account_id: int
    account_active: bool
    rate_limit_per_minute: int
    international_enabled: bool


@dataclass(frozen=True, slots=True)
class Balance:
    main: int
    international: int


@dataclass(frozen=True, slots=True)
class SenderId:
    id: int
    title: str
    active: bool
    document: bool
    network_stat: bool


@dataclass(frozen=True, slots=True)
class Group:
    id: int
    name: str
    created_at: float


@dataclass(frozen=True, slots=True)
class Delivery:
    """One recipient of a message and the timeline its status follows."""

    number: str
    parts: int
    send_at: float  # leaves the queue (later than created for a scheduled send)
    due_at: float  # reaches its outcome
    outcome: str  # delivered | failed | out_of_coverage (the status after due_at)


@dataclass(frozen=True, slots=True)
class MessageInfo:
    id: int
    title: str
    credits: int
    created_at: float


@dataclass(frozen=True, slots=True)
class BlacklistEntry:
    number: str
    created_at: float
