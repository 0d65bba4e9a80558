"""Sending: single, bulk, mixed and OTP, billed whole or not at all in one write transaction."""

from __future__ import annotations

import functools
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from turkeysms.segments import Estimate, estimate

from ..records import NewRecipient, Principal
from ..store import accounts, blacklist, messages
from . import accounts as accounts_domain
from . import scheduling
from .backend import Backend
from .delivery import DELIVERED, FAILED, OUT_OF_COVERAGE
from .errors import ApiError
from .numbers import country_label, is_international

# D14: /otp/send takes no title; the provider sends from its own.
PROVIDER_TITLE = "TurkeySMS"
OTP_PLACEHOLDER = "TS-CODE"
LINE_BREAK_PLACEHOLDER = "TS-L"
# D31: the provider's texts are not published; one per `lang` (labels in ENUM_LABELS["SmsLang"]): lang 2,
# Unicode, sends the Arabic text the page names for it.
_OTP_TEXTS = {
    0: "Your verification code is: {code}",
    1: "Doğrulama kodunuz: {code}",
    2: "رمز التحقق الخاص بك هو: {code}",
}
BLACKLISTED_MESSAGE = "Recipient number is blacklisted."


@dataclass(frozen=True, slots=True)
class Schedule:
    """The request's scheduling fields as sent: `scheduled_sms` and the Istanbul date and time (D4-D6)."""

    flag: int
    day: str | None = None
    clock_time: str | None = None


@dataclass(frozen=True, slots=True)
class Outgoing:
    """A send the api layer has validated, in the domain's terms."""

    kind: str  # single | bulk | mixed | otp
    title: str | None  # None: the provider's own title (D14), which needs no sender ID of the account
    numbers: Sequence[str]
    texts: Sequence[str]  # one per number, or a single text for all
    sms_lang: int
    content_type: int
    report: int
    schedule: Schedule | None = None  # None: now
    otp_code: str | None = None

    def text_for(self, index: int) -> str:
        return self.texts[0] if len(self.texts) == 1 else self.texts[index]


@dataclass(frozen=True, slots=True)
class Sent:
    sms_id: int
    credits: int
    recipients: int
    blacklisted: tuple[str, ...]
    country: str


@functools.lru_cache(maxsize=4096)
def _estimate(text: str, sms_lang: int) -> Estimate:
    return estimate(text, sms_lang)


# Magic recipients (README): the last four digits pick the outcome a test wants to see.
MAGIC_OUTCOMES: Final = {"0002": FAILED, "0003": OUT_OF_COVERAGE}


def outcome_for(number: str) -> str:
    """The status a recipient ends in: failed for ...0002, out of coverage for ...0003, else delivered."""
    return MAGIC_OUTCOMES.get(number[-4:], DELIVERED)


def otp_code(digits: int) -> str:
    return "".join(secrets.choice("0123456789") for _ in range(digits))


def otp_text(lang: int, code: str) -> str:
    return _OTP_TEXTS[lang].format(code=code)


def custom_otp_text(template: str, code: str) -> str:
    """D15: the code where TS-CODE stands (required) and a line break where TS-L stands."""
    if OTP_PLACEHOLDER not in template:
        raise ApiError("TS-1026", "The text must contain TS-CODE.")
    return template.replace(OTP_PLACEHOLDER, code).replace(LINE_BREAK_PLACEHOLDER, "\n")


def send(backend: Backend, principal: Principal, outgoing: Outgoing) -> Sent:
    """Check the schedule, then the sender ID; bill parts × recipients and store the message, or refuse
    it whole (D1, D2, D4-D6, D20, D21)."""
    if outgoing.kind == "mixed" and len(outgoing.texts) != len(outgoing.numbers):
        raise ApiError("TS-1025", "Every recipient needs exactly one text.")  # D3
    # One reading of the clock per send: the shared clock costs a query each time it is read, none
    # when the request's first read brought its offset with the key.
    now = backend.clock.now_read(principal.clock_offset)
    schedule = outgoing.schedule
    send_at = (
        now
        if schedule is None
        else scheduling.send_time(schedule.flag, schedule.day, schedule.clock_time, now)
    )
    title = PROVIDER_TITLE if outgoing.title is None else outgoing.title
    if outgoing.title is not None:
        accounts_domain.require_sender(backend, principal, outgoing.title)
    due_at = send_at + backend.delivery_delay_s
    single = outgoing.kind in {"single", "otp"}
    with backend.database.write() as connection:
        blocked = blacklist.blocked_among(connection, principal.account_id, outgoing.numbers)
        if blocked and single:
            raise ApiError("TS-1025", BLACKLISTED_MESSAGE)
        batch: list[NewRecipient] = []
        main_cost = international_cost = 0
        for index, number in enumerate(outgoing.numbers):
            if number in blocked:
                continue
            text = outgoing.text_for(index)
            estimated = _estimate(text, outgoing.sms_lang)
            if is_international(number):
                if not principal.international_enabled:
                    raise ApiError("TS-1032")
                international_cost += estimated.parts
            else:
                main_cost += estimated.parts
            batch.append(
                NewRecipient(
                    number=number,
                    text=text,
                    parts=estimated.parts,
                    encoding=str(estimated.encoding),
                    country=country_label(number),
                    send_at=send_at,
                    due_at=due_at,
                    outcome=outcome_for(number),
                )
            )
        if not batch:
            raise ApiError("TS-1025", "Every recipient is blacklisted.")
        if not accounts.debit(connection, principal.account_id, main_cost, international_cost):
            raise ApiError("TS-1027")  # D21: raised inside the transaction, so nothing is kept
        credits = main_cost + international_cost
        sms_id = messages.insert(
            connection,
            account_id=principal.account_id,
            kind=outgoing.kind,
            title=title,
            sms_lang=outgoing.sms_lang,
            content_type=outgoing.content_type,
            report=outgoing.report,
            credits=credits,
            created_at=now,
            otp_code=outgoing.otp_code,
            recipients=batch,
        )
    kept = frozenset(outgoing.numbers) - blocked
    return Sent(
        sms_id=sms_id,
        credits=credits,
        recipients=len(batch),
        blacklisted=tuple(number for number in outgoing.numbers if number not in kept),
        country=batch[0].country,
    )
