"""Resolve the client's settings from arguments, the environment, the user's http client and defaults."""

from __future__ import annotations

import enum
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final, Literal

import httpx

from turkeysms._secret import Secret
from turkeysms._version import __version__

__all__ = [
    "API_KEY_ENV",
    "BASE_URL_ENV",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "NOT_GIVEN",
    "PRODUCTION_BASE_URL",
    "USER_AGENT",
    "NotGiven",
    "Settings",
    "resolve_settings",
]

API_KEY_ENV: Final = "TURKEYSMS_API_KEY"
BASE_URL_ENV: Final = "TURKEYSMS_BASE_URL"
PRODUCTION_BASE_URL: Final = "https://api.turkeysms.com.tr"
# The generated client waits forever by default; a hung connection must not hang a cron job.
DEFAULT_TIMEOUT: Final = httpx.Timeout(30.0, connect=5.0)
DEFAULT_MAX_RETRIES: Final = 2
USER_AGENT: Final = f"turkeysms-python/{__version__}"
# httpx's own User-Agent: a client still sending it has no User-Agent of its user's choosing.
_HTTPX_USER_AGENT: Final = f"python-httpx/{httpx.__version__}"


class NotGiven(enum.Enum):
    """An argument left out, told apart from an explicit None (a timeout of None means no timeout)."""

    NOT_GIVEN = "NOT_GIVEN"

    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __bool__(self) -> Literal[False]:
        return False


NOT_GIVEN: Final = NotGiven.NOT_GIVEN


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a client is configured with; the key is a Secret so this repr is safe."""

    api_key: Secret
    base_url: str
    # None: the user's own http client's timeout applies, untouched.
    timeout: httpx.Timeout | None
    max_retries: int
    # Sent with every request, on top of the http client's own headers (which stay as they are).
    headers: Mapping[str, str]


def _timeout(value: float | httpx.Timeout | None) -> httpx.Timeout:
    return value if isinstance(value, httpx.Timeout) else httpx.Timeout(value)


def check_max_retries(max_retries: int) -> int:
    """Refuse a negative retry count."""
    if max_retries < 0:
        raise ValueError("max_retries must be 0 or more")
    return max_retries


def request_headers(
    default_headers: Mapping[str, str] | None, client_headers: httpx.Headers | None
) -> dict[str, str]:
    """Our User-Agent unless the user's client has one of its own; the user's default_headers on top."""
    headers: dict[str, str] = {}
    if client_headers is None or client_headers.get("user-agent", _HTTPX_USER_AGENT) == _HTTPX_USER_AGENT:
        headers["User-Agent"] = USER_AGENT
    headers.update(default_headers or {})
    return headers


def resolve_settings(
    api_key: str | None,
    base_url: str | None,
    timeout: float | httpx.Timeout | NotGiven | None,
    max_retries: int,
    *,
    default_headers: Mapping[str, str] | None = None,
    http_client: httpx.Client | httpx.AsyncClient | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Apply argument → the user's http client → environment → default, and validate.

    A user's http client is only read, never changed: its base URL is used when no
    `base_url` is given and a different one is an error; its timeout stands unless
    `timeout=` is given (then it applies per request); a User-Agent of its own is kept.
    """
    env = os.environ if environ is None else environ
    key = api_key if api_key is not None else env.get(API_KEY_ENV)
    if not key:
        raise ValueError(f"no API key: pass api_key=... or set {API_KEY_ENV}")
    client_url = str(http_client.base_url).rstrip("/") if http_client is not None else ""
    if base_url is not None and client_url and base_url.rstrip("/") != client_url:
        raise ValueError(
            f"base_url={base_url!r} conflicts with http_client.base_url={client_url!r}: give one of them"
        )
    url = base_url or client_url or env.get(BASE_URL_ENV) or PRODUCTION_BASE_URL
    if isinstance(timeout, NotGiven):
        resolved: httpx.Timeout | None = DEFAULT_TIMEOUT if http_client is None else None
    else:
        resolved = _timeout(timeout)
    return Settings(
        api_key=Secret(key),
        base_url=url.rstrip("/"),
        timeout=resolved,
        max_retries=check_max_retries(max_retries),
        headers=request_headers(default_headers, http_client.headers if http_client is not None else None),
    )
