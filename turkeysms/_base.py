"""What the sync and async clients share: settings, repr, response checks and result parsing."""

from __future__ import annotations

import logging
from typing import Any, TypeVar

import httpx

from turkeysms._config import Settings, resolve_settings
from turkeysms._envelope import check_response
from turkeysms._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
    TurkeySMSError,
)
from turkeysms._requests import Call
from turkeysms._retry import RetryPolicy
from turkeysms._secret import redact

__all__ = ["USER_AGENT", "BaseClient", "logger"]

T = TypeVar("T")

logger = logging.getLogger("turkeysms")
USER_AGENT = "turkeysms-python/0.1.0"
# What a generated parser raises on a 2xx body that does not match its model.
PARSE_ERRORS = (KeyError, TypeError, ValueError, AttributeError)


class BaseClient:
    """Configuration and the pure steps of a request, without any I/O."""

    def __init__(
        self,
        api_key: str | None,
        *,
        base_url: str | None,
        timeout: float | httpx.Timeout,
        max_retries: int,
    ) -> None:
        self._settings: Settings = resolve_settings(api_key, base_url, timeout, max_retries)
        self._retry = RetryPolicy(max_retries=max_retries)

    @property
    def base_url(self) -> str:
        """The API's root URL."""
        return self._settings.base_url

    @property
    def timeout(self) -> httpx.Timeout:
        """The timeout of every request."""
        return self._settings.timeout

    @property
    def max_retries(self) -> int:
        """How often a failed request is retried when that is safe."""
        return self._settings.max_retries

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r}, max_retries={self.max_retries})"

    def _key(self) -> str:
        return self._settings.api_key.get()

    def _check(self, response: httpx.Response) -> None:
        check_response(response, self._key())

    def _wrap_transport_error(self, error: httpx.TransportError, call: Call[Any]) -> TurkeySMSError:
        name = call.endpoint.__name__.rsplit(".", 1)[-1]
        cls = APITimeoutError if isinstance(error, httpx.TimeoutException) else APIConnectionError
        detail = f"{name}: {type(error).__name__}: {redact(str(error), self._key())}"
        if not call.idempotent and not isinstance(error, httpx.ConnectError | httpx.ConnectTimeout):
            detail += " (not retried: the request may have reached the server; check before sending again)"
        return cls(detail)

    def _wrap_parse_error(self, error: Exception, call: Call[Any]) -> TurkeySMSError:
        # Only a 2xx answer reaches the generated parser: the response hook raised on the rest.
        return APIResponseValidationError(
            f"the answer does not match {call.result_type.__name__}: {type(error).__name__}: {error}"
        )

    def _result(self, call: Call[T], parsed: object, status_code: int) -> T:
        if isinstance(parsed, call.result_type):
            return parsed
        raise APIResponseValidationError(
            f"expected {call.result_type.__name__}, got {type(parsed).__name__}", status_code=status_code
        )

    def _log_retry(self, call: Call[Any], error: BaseException, attempt: int, delay: float) -> None:
        logger.info(
            "retrying %s (attempt %d of %d) in %.2fs after %s",
            call.endpoint.__name__.rsplit(".", 1)[-1],
            attempt + 1,
            self.max_retries,
            delay,
            type(error).__name__ if isinstance(error, httpx.TransportError) else error,
        )
