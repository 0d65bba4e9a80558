"""When to send a request again, and how long to wait first."""

from __future__ import annotations

import email.utils
import random
import time
from dataclasses import dataclass
from typing import Final

import httpx

from turkeysms._exceptions import TurkeySMSError

__all__ = ["RetryPolicy", "parse_retry_after", "should_retry"]

# The request never reached the server: sending it again cannot duplicate anything.
_NOT_SENT: Final = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
# A Retry-After longer than this is a server asking us to go away, not to wait.
_MAX_RETRY_AFTER: Final = 60.0


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Exponential backoff with jitter: initial × 2^attempt, capped, minus up to a quarter."""

    max_retries: int
    initial_delay: float = 0.5
    max_delay: float = 8.0

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        """Seconds to sleep before retry number `attempt` (0-based)."""
        if retry_after is not None and 0 <= retry_after <= _MAX_RETRY_AFTER:
            return retry_after
        base: float = min(self.initial_delay * 2.0**attempt, self.max_delay)
        # Jitter spreads out many clients that were throttled at the same moment.
        return base * (1 - 0.25 * random.random())


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header: a number of seconds or an HTTP date."""
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def should_retry(error: BaseException, *, idempotent: bool) -> bool:
    """Whether sending the same request again is both useful and safe.

    A send (SMS, OTP, bulk) is never repeated once its bytes may have reached the
    server: after a read or write timeout, a dropped connection or a gateway timeout
    the provider may already have dispatched and billed the message, and a second
    request would send it twice. Only failures before the request left, TS-1060 (the
    rate limit refuses before doing anything) and server errors are retried for it.
    """
    if isinstance(error, _NOT_SENT):
        return True
    if isinstance(error, httpx.TransportError):
        return idempotent
    if isinstance(error, TurkeySMSError):
        if error.status_code == 504 and not idempotent:
            return False
        return error.retryable
    return False
