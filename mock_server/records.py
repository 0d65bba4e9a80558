"""Plain records: what the store returns and writes, what the domain reasons about, the parsed seed."""

from __future__ import annotations

from dataclasses import dataclass, field


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
    # What the request's first read (store.first_read) found with the key, in the same snapshot: the
    # account's sender ID titled `sender_title` (None: no such row; `sender_title` None: not read)
    # and the shared clock's offset (None: not read).
    sender_title: str | None = None
    sender: SenderId | None = None
    clock_offset: float | None = None


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


@dataclass(frozen=True, slots=True)
class NewRecipient:
    number: str
    text: str
    parts: int
    encoding: str
    country: str
    send_at: float
    due_at: float
    outcome: str


@dataclass(frozen=True, slots=True)
class Received:
    """One recipient of one send, with its timeline."""

    recipient_id: int
    sms_id: int
    account_id: int
    report: int
    recipient: str
    title: str
    text: str
    parts: int
    encoding: str
    created_at: float
    send_at: float
    due_at: float
    outcome: str
    otp_code: str | None
    account: str  # the account's name
    country: str  # the `Name-CC` label; anything but Turkey was billed to the international balance


@dataclass(frozen=True, slots=True)
class Event:
    id: int
    sms_id: int
    recipient: str
    status: str
    updated_at: float
    created_at: float
    url: str
    secret: str
    attempts: int


@dataclass(frozen=True, slots=True)
class Attempt:
    event_id: int
    sms_id: int
    recipient: str
    status: str
    url: str
    attempt: int
    outcome: str
    response_status: int | None
    error: str | None
    attempted_at: float
    signed: bool  # the event had a secret, so X-TurkeySms-Signature was an HMAC a receiver can verify


@dataclass(frozen=True, slots=True)
class Waiting:
    event_id: int
    sms_id: int
    recipient: str
    status: str
    attempts: int
    next_attempt_at: float


@dataclass(frozen=True, slots=True)
class SeedKey:
    key: str
    permissions: frozenset[str]
    active: bool = True


@dataclass(frozen=True, slots=True)
class SeedSenderId:
    title: str
    active: bool
    document: bool = True
    network_stat: bool = True


@dataclass(frozen=True, slots=True)
class SeedAccount:
    name: str
    keys: tuple[SeedKey, ...]
    main: int = 0
    international: int = 0
    sender_ids: tuple[SeedSenderId, ...] = ()
    rate_limit_per_minute: int = 0
    active: bool = True
    international_enabled: bool = True
    webhook_url: str | None = None
    webhook_secret: str | None = None


@dataclass(frozen=True, slots=True)
class Seed:
    accounts: tuple[SeedAccount, ...] = field(default_factory=tuple)
    source: str = ""
    # Top-level `delivery_delay`: mock seconds from dispatch to outcome, unless the server is told otherwise.
    delivery_delay_s: float | None = None


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What the cursor is made of; `next_change_at` is None when nothing is scheduled or pending."""

    parts: tuple[int | float | None, ...]
    next_change_at: float | None

    @property
    def generation(self) -> int:
        return int(self.parts[0] or 0)

    @property
    def cursor(self) -> str:
        return ":".join("-" if part is None else repr(part) for part in self.parts)
