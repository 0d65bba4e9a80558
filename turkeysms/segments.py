"""Count the parts an SMS is billed as: GSM-7, the Turkish shift tables and UCS-2 (3GPP TS 23.038)."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Literal

__all__ = ["Encoding", "Estimate", "NotEncodableError", "estimate"]

# GSM 03.38 default alphabet (basic table), in code order; ESC (0x1B) is left out.
_DEFAULT_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
# Characters reached through ESC: each costs two septets.
_DEFAULT_EXTENSION = frozenset("\f^{}\\[~]|€")
# 23.038 A.3.1: the Turkish locking shift table is the default table with eight positions replaced.
_TURKISH_LOCKING_BASIC = (_DEFAULT_BASIC - frozenset("èìØøÆæ¡¿")) | frozenset("€ıĞğŞşİç")
# 23.038 A.2.1: the Turkish single shift table adds these to the default extension set.
_TURKISH_SINGLE_EXTENSION = _DEFAULT_EXTENSION | frozenset("ĞİŞç€ğış")

_UCS2_SINGLE, _UCS2_MULTI = 70, 67


class Encoding(enum.StrEnum):
    """How a text travels; the value is a human-readable name."""

    GSM7 = "GSM-7"
    GSM7_TURKISH_SINGLE = "GSM-7 Turkish single shift"
    GSM7_TURKISH_LOCKING = "GSM-7 Turkish locking shift"
    UCS2 = "UCS-2"


@dataclass(frozen=True, slots=True)
class _Table:
    encoding: Encoding
    basic: frozenset[str]
    extension: frozenset[str]
    single_part: int  # septets in a one-part message
    per_part: int  # septets per part of a multi-part message (header included)


# Each shift table used costs a 3-octet header element, hence 155/149 instead of 160/153.
_GSM_DEFAULT = _Table(Encoding.GSM7, _DEFAULT_BASIC, _DEFAULT_EXTENSION, 160, 153)
_GSM_TURKISH_SINGLE = _Table(
    Encoding.GSM7_TURKISH_SINGLE, _DEFAULT_BASIC, _TURKISH_SINGLE_EXTENSION, 155, 149
)
# With a locking table and no single shift, ESC reaches the default extension table.
_GSM_TURKISH_LOCKING = _Table(
    Encoding.GSM7_TURKISH_LOCKING, _TURKISH_LOCKING_BASIC, _DEFAULT_EXTENSION, 155, 149
)
# Locking + single together (152/146) never reaches a character the two alone miss, so it is
# never cheaper for Turkish; Android does not pair them either.
_TURKISH_CANDIDATES = (_GSM_DEFAULT, _GSM_TURKISH_SINGLE, _GSM_TURKISH_LOCKING)


class NotEncodableError(ValueError):
    """The text holds a character the requested alphabet cannot carry (only with non_gsm="reject")."""

    def __init__(self, character: str, sms_lang: int) -> None:
        super().__init__(f"U+{ord(character):04X} cannot be sent with sms_lang {sms_lang}")
        self.character = character
        self.sms_lang = sms_lang


@dataclass(frozen=True, slots=True)
class Estimate:
    """What a text costs: parts billed, the encoding chosen and how the parts split."""

    parts: int
    encoding: Encoding
    units: int  # septets for GSM-7, UTF-16 code units for UCS-2
    per_part: int  # capacity of each part in `units` (the one-part limit when parts == 1)
    segments: tuple[str, ...]
    remaining: int  # units still free in the last part before the text needs another one

    @property
    def characters(self) -> int:
        return sum(len(segment) for segment in self.segments)


def estimate(
    text: str,
    sms_lang: int = 2,
    *,
    turkish: Literal["shift-tables", "flat"] = "shift-tables",
    non_gsm: Literal["ucs2", "reject"] = "ucs2",
) -> Estimate:
    """Estimate the parts of `text` sent with `sms_lang` (a turkeysms.SmsLang value: 0, 1 or 2).

    `sms_lang` 2 is always UCS-2. With 0 or 1, a character outside the alphabet makes the
    whole text UCS-2 (`non_gsm="ucs2"`, the default: the text is never mangled, only dearer)
    or raises NotEncodableError (`non_gsm="reject"`). `turkish="flat"` bills sms_lang 1 at a
    flat 155/149 septets instead of choosing the cheapest shift table.
    """
    if sms_lang not in (0, 1, 2):
        raise ValueError(f"sms_lang must be 0, 1 or 2, not {sms_lang!r}")
    if sms_lang == 2:
        return _ucs2(text)
    if sms_lang == 0:
        tables: tuple[_Table, ...] = (_GSM_DEFAULT,)
    elif turkish == "flat":
        tables = (
            _Table(
                Encoding.GSM7_TURKISH_SINGLE,
                _TURKISH_LOCKING_BASIC | _DEFAULT_BASIC,
                _TURKISH_SINGLE_EXTENSION,
                155,
                149,
            ),
        )
    else:
        tables = _TURKISH_CANDIDATES
    best: Estimate | None = None
    for table in tables:
        candidate = _gsm(text, table)
        if candidate is not None and (best is None or candidate.parts < best.parts):
            best = candidate
    if best is not None:
        return best
    if non_gsm == "reject":
        allowed = set().union(*(t.basic | t.extension for t in tables))
        raise NotEncodableError(next(c for c in text if c not in allowed), sms_lang)
    return _ucs2(text)


def _gsm(text: str, table: _Table) -> Estimate | None:
    costs = []
    for character in text:
        if character in table.basic:
            costs.append(1)
        elif character in table.extension:
            costs.append(2)
        else:
            return None
    return _split(text, costs, table.encoding, table.single_part, table.per_part)


def _ucs2(text: str) -> Estimate:
    costs = [_ucs2_cost(character) for character in text]
    return _split(text, costs, Encoding.UCS2, _UCS2_SINGLE, _UCS2_MULTI)


def _ucs2_cost(character: str) -> int:
    # A character beyond the BMP is a surrogate pair: two UTF-16 code units.
    return 2 if ord(character) > 0xFFFF else 1


def _split(text: str, costs: list[int], encoding: Encoding, single_part: int, per_part: int) -> Estimate:
    units = sum(costs)
    if units <= single_part:
        segments = (text,) if text else ()
        return Estimate(len(segments), encoding, units, single_part, segments, single_part - units)
    split, last_used = _pack(text, costs, per_part)
    return Estimate(len(split), encoding, units, per_part, split, per_part - last_used)


def _pack(text: str, costs: list[int], capacity: int) -> tuple[tuple[str, ...], int]:
    """Fill parts greedily; a character (escape pair, surrogate pair) never straddles two parts."""
    parts: list[str] = []
    start, used = 0, 0
    for index, cost in enumerate(costs):
        if used + cost > capacity:
            parts.append(text[start:index])
            start, used = index, 0
        used += cost
    parts.append(text[start:])
    return tuple(parts), used
