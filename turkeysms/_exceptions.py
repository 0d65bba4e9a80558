"""The exception tree of the SDK; the code → class map is derived from the spec's catalogue."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from turkeysms._contract import result_codes

if TYPE_CHECKING:
    import httpx

__all__ = [
    "APIConnectionError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AccountError",
    "AuthenticationError",
    "ConflictError",
    "InsufficientBalanceError",
    "InvalidRequestError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "SenderIdError",
    "TurkeySMSError",
    "error_class_for",
    "make_api_error",
]


class TurkeySMSError(Exception):
    """Base of every error the SDK raises.

    `code` is the TS-xxxx result code (None when the API gave none), `status_code`
    the HTTP status (None when no answer arrived), `message` the API's text and
    `body` the decoded answer (key redacted). None of them ever holds the API key.
    `http_response` is the raw httpx answer (None when none arrived), `request` the
    httpx request that was sent, `retries_taken` how often it was sent again first.
    """

    family: ClassVar[str | None] = None

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        status_code: int | None = None,
        body: Mapping[str, Any] | None = None,
        http_response: httpx.Response | None = None,
        retryable: bool | None = None,
    ) -> None:
        super().__init__(message)
        self.message: str = message
        self.code: str | None = code
        self.status_code: int | None = status_code
        self.body: Mapping[str, Any] | None = body
        self.http_response: httpx.Response | None = http_response
        self.request: httpx.Request | None = http_response.request if http_response is not None else None
        self.retries_taken: int = 0
        # Seconds the server asked us to wait (Retry-After), when it said.
        self.retry_after: float | None = None
        self._retryable = retryable

    @property
    def retryable(self) -> bool:
        """Whether sending the same request again is safe and may succeed.

        False for a send that may already have been dispatched (a broken connection
        or a gateway timeout after the request left): repeating it could text twice.
        """
        if self._retryable is not None:
            return self._retryable
        if self.code is not None:
            row = result_codes().get(self.code)
            if row is not None:
                return row.retryable
        return self.status_code is not None and self.status_code >= 500

    def _mark_retryable(self, retryable: bool) -> None:
        self._retryable = retryable

    def __str__(self) -> str:
        prefix = " ".join(part for part in (self.code, _status_text(self.status_code)) if part)
        return f"{prefix}: {self.message}" if prefix else self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, status_code={self.status_code!r}, message={self.message!r})"


def _status_text(status_code: int | None) -> str:
    return f"(HTTP {status_code})" if status_code is not None else ""


class AuthenticationError(TurkeySMSError):
    """The API key is missing or invalid (TS-1050, TS-1031)."""

    family: ClassVar[str | None] = "authentication"


class AccountError(TurkeySMSError):
    """The account is deactivated or suspended (TS-1030)."""

    family: ClassVar[str | None] = "account"


class PermissionDeniedError(TurkeySMSError):
    """The key or account lacks a permission the operation needs."""

    family: ClassVar[str | None] = "permission"


class InsufficientBalanceError(TurkeySMSError):
    """The balance cannot pay for the whole send (TS-1027); nothing was sent."""

    family: ClassVar[str | None] = "insufficient_balance"


class RateLimitError(TurkeySMSError):
    """The per-minute rate limit was hit (TS-1060); retried automatically before it surfaces."""

    family: ClassVar[str | None] = "rate_limit"


class InvalidRequestError(TurkeySMSError):
    """A field is missing or invalid, or the body is not in the documented format."""

    family: ClassVar[str | None] = "invalid_request"


class NotFoundError(TurkeySMSError):
    """The group does not exist, was deleted, or belongs to another account (TS-1086)."""

    family: ClassVar[str | None] = "not_found"


class SenderIdError(TurkeySMSError):
    """The sender title is unknown, not activated or malformed (TS-1028, TS-1029, TS-1034)."""

    family: ClassVar[str | None] = "sender_id"


class ConflictError(TurkeySMSError):
    """The thing already exists: a group name, a contact, a blocked number."""

    family: ClassVar[str | None] = "conflict"


class APIStatusError(TurkeySMSError):
    """An HTTP error without the API's envelope, such as a proxy's 502 page."""


class APIResponseValidationError(TurkeySMSError):
    """A 2xx answer that does not parse into the documented model; `status_code`, `body` and
    `http_response` keep what arrived (`body` is None when it was not a JSON object)."""

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        status_code: int | None = None,
        body: Mapping[str, Any] | None = None,
        http_response: httpx.Response | None = None,
        retryable: bool | None = False,
    ) -> None:
        super().__init__(
            message,
            code=code,
            status_code=status_code,
            body=body,
            http_response=http_response,
            retryable=retryable,
        )


class APIConnectionError(TurkeySMSError):
    """No answer arrived: the connection failed or broke."""


class APITimeoutError(APIConnectionError):
    """No answer arrived in time."""


_FAMILY_CLASSES: Mapping[str, type[TurkeySMSError]] = {
    cls.family: cls
    for cls in (
        AuthenticationError,
        AccountError,
        PermissionDeniedError,
        InsufficientBalanceError,
        RateLimitError,
        InvalidRequestError,
        NotFoundError,
        SenderIdError,
        ConflictError,
    )
    if cls.family is not None
}


@functools.cache
def _code_classes() -> Mapping[str, type[TurkeySMSError]]:
    # Built once, on the first error_class_for call, from the compiled catalogue (no YAML is read).
    # A family the catalogue gains before this module learns it falls back to the base class;
    # tests/turkeysms/test_exceptions.py catches the drift.
    return {
        code: _FAMILY_CLASSES.get(row.family or "", TurkeySMSError)
        for code, row in result_codes().items()
        if row.is_error
    }


def error_class_for(code: str | None) -> type[TurkeySMSError]:
    """The exception class of a TS code; an unknown or missing code maps to the base class."""
    if code is None:
        return TurkeySMSError
    return _code_classes().get(code, TurkeySMSError)


def make_api_error(
    *,
    code: str | None,
    status_code: int,
    message: str | None,
    body: Mapping[str, Any] | None,
    http_response: httpx.Response | None = None,
) -> TurkeySMSError:
    """Build the error an API answer stands for."""
    if message is None and code is not None and code in result_codes():
        message = result_codes()[code].message
    cls = error_class_for(code)
    if cls is TurkeySMSError and code is None:
        cls = APIStatusError
    return cls(
        message or f"HTTP {status_code}",
        code=code,
        status_code=status_code,
        body=body,
        http_response=http_response,
    )
