"""Turn a datetime into the API's scheduled_date / scheduled_time, in Europe/Istanbul."""

from __future__ import annotations

import datetime as dt
from typing import Final

__all__ = ["ISTANBUL", "to_schedule"]

# DECISIONS.md D4: scheduled times are Turkish time. Turkey has kept UTC+03:00 all year
# since 2016, so a fixed offset is exact for any future send and needs no tz database
# (Windows has none unless the tzdata package is installed).
ISTANBUL: Final = dt.timezone(dt.timedelta(hours=3), "Europe/Istanbul")


def to_schedule(when: dt.datetime) -> tuple[dt.date, str]:
    """The (date, "HH:MM") pair for `when`; a naive datetime is read as Istanbul wall time.

    The API schedules to the minute; a time with seconds is rounded up to the next
    minute so that a message never goes out before the moment asked for.
    """
    local = when.replace(tzinfo=ISTANBUL) if when.tzinfo is None else when.astimezone(ISTANBUL)
    if local.second or local.microsecond:
        local = local.replace(second=0, microsecond=0) + dt.timedelta(minutes=1)
    return local.date(), local.strftime("%H:%M")
