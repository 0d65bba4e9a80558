"""When a send leaves: now, or the scheduled Istanbul date and time (D4, D5, D6)."""

from __future__ import annotations

from datetime import date, datetime, time

from .clock import ISTANBUL
from .errors import ApiError


def send_time(flag: int, day: str | None, clock_time: str | None, now: float) -> float:
    """The epoch a message leaves at; a time not in the future means now (D5)."""
    if flag != 1:
        return now
    if day is None or clock_time is None:
        raise ApiError("TS-1033", "scheduled_sms needs scheduled_date and scheduled_time.")
    try:
        moment = datetime.combine(date.fromisoformat(day), time.fromisoformat(clock_time), ISTANBUL)
    except ValueError as error:
        raise ApiError("TS-1033", "scheduled_date or scheduled_time is malformed.") from error
    return max(moment.timestamp(), now)
