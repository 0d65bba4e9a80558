"""TurkeySMS v4 for Python: typed client, errors, retries, bulk streaming, segments, webhooks."""

from __future__ import annotations

import typing as _typing

from turkeysms import types, webhooks
from turkeysms._bulk import (
    DEFAULT_CHUNK_SIZE,
    AsyncBulkSend,
    BulkAbortedError,
    BulkChunkResult,
    BulkNotSentWarning,
    BulkSend,
    BulkSummary,
)
from turkeysms._client import TurkeySMS
from turkeysms._config import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT, NOT_GIVEN, PRODUCTION_BASE_URL, NotGiven
from turkeysms._exceptions import (
    AccountError,
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    ConflictError,
    InsufficientBalanceError,
    InvalidRequestError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    SenderIdError,
    TurkeySMSError,
)
from turkeysms._raw import AsyncTurkeySMSWithRawResponse, TurkeySMSWithRawResponse
from turkeysms._response import APIResponse
from turkeysms._version import __version__
from turkeysms.compat import TurkeySmsClient
from turkeysms.segments import Encoding, Estimate, estimate
from turkeysms.webhooks import (
    InvalidWebhookError,
    WebhookEvent,
    construct_event,
    parse_event,
    verify_signature,
)
from turkeysms_api.models import ContentType, OtpDigits, SmsLang

if _typing.TYPE_CHECKING:
    from turkeysms._async_client import AsyncTurkeySMS

__all__ = [
    "DEFAULT_CHUNK_SIZE",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "NOT_GIVEN",
    "PRODUCTION_BASE_URL",
    "APIConnectionError",
    "APIResponse",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AccountError",
    "AsyncBulkSend",
    "AsyncTurkeySMS",
    "AsyncTurkeySMSWithRawResponse",
    "AuthenticationError",
    "BulkAbortedError",
    "BulkChunkResult",
    "BulkNotSentWarning",
    "BulkSend",
    "BulkSummary",
    "ConflictError",
    "ContentType",
    "Encoding",
    "Estimate",
    "InsufficientBalanceError",
    "InvalidRequestError",
    "InvalidWebhookError",
    "NotFoundError",
    "NotGiven",
    "OtpDigits",
    "PermissionDeniedError",
    "RateLimitError",
    "SenderIdError",
    "SmsLang",
    "TurkeySMS",
    "TurkeySMSError",
    "TurkeySMSWithRawResponse",
    "TurkeySmsClient",
    "WebhookEvent",
    "__version__",
    "construct_event",
    "estimate",
    "parse_event",
    "types",
    "verify_signature",
    "webhooks",
]

# Imported on first use: the async client brings asyncio (about a tenth of `import turkeysms`),
# which a synchronous program never needs.
_LAZY = {"AsyncTurkeySMS": "turkeysms._async_client"}


def _present(obj: object) -> object:
    # Present public names as turkeysms.X rather than turkeysms._client.X, as httpx does,
    # so that reprs, docs and tracebacks point at the import users write.
    if isinstance(obj, type) and getattr(obj, "__module__", "").startswith("turkeysms._"):
        obj.__module__ = "turkeysms"
    return obj


def __getattr__(name: str) -> _typing.Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'turkeysms' has no attribute {name!r}")
    import importlib  # noqa: PLC0415

    value = _present(getattr(importlib.import_module(_LAZY[name]), name))
    globals()[name] = value  # once: later lookups find it without this hook
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


for _name in __all__:
    if _name not in _LAZY:
        _present(globals()[_name])
del _name
