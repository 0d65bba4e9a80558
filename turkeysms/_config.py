"""Resolve the client's settings from arguments, the environment and defaults."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

import httpx

from turkeysms._secret import Secret

__all__ = [
    "API_KEY_ENV",
    "BASE_URL_ENV",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "PRODUCTION_BASE_URL",
    "Settings",
    "resolve_settings",
]

API_KEY_ENV: Final = "TURKEYSMS_API_KEY"
BASE_URL_ENV: Final = "TURKEYSMS_BASE_URL"
PRODUCTION_BASE_URL: Final = "https://api.turkeysms.com.tr"
# The generated client waits forever by default; a hung connection must not hang a cron job.
DEFAULT_TIMEOUT: Final = httpx.Timeout(30.0, connect=5.0)
DEFAULT_MAX_RETRIES: Final = 2


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a client is configured with; the key is a Secret so this repr is safe."""

    api_key: Secret
    base_url: str
    timeout: httpx.Timeout
    max_retries: int


def resolve_settings(
    api_key: str | None,
    base_url: str | None,
    timeout: float | httpx.Timeout,
    max_retries: int,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Apply argument → environment → default, and validate."""
    env = os.environ if environ is None else environ
    key = api_key if api_key is not None else env.get(API_KEY_ENV)
    if not key:
        raise ValueError(f"no API key: pass api_key=... or set {API_KEY_ENV}")
    url = base_url or env.get(BASE_URL_ENV) or PRODUCTION_BASE_URL
    if max_retries < 0:
        raise ValueError("max_retries must be 0 or more")
    resolved = timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
    return Settings(api_key=Secret(key), base_url=url.rstrip("/"), timeout=resolved, max_retries=max_retries)
