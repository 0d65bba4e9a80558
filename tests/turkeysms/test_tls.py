"""The SDK's own http clients share one verified TLS context per CA setting."""

from __future__ import annotations

import asyncio
import ssl
from pathlib import Path

import certifi
import pytest

from turkeysms import AsyncTurkeySMS, TurkeySMS
from turkeysms._tls import shared_ssl_context


def _context(client: TurkeySMS | AsyncTurkeySMS) -> ssl.SSLContext:
    context: ssl.SSLContext = client._http._transport._pool._ssl_context  # type: ignore[union-attr]
    return context


def test_every_client_the_sdk_makes_uses_the_one_verified_context() -> None:
    first, second = TurkeySMS("k"), TurkeySMS("k")
    later = AsyncTurkeySMS("k")
    try:
        assert _context(first) is _context(second) is _context(later) is shared_ssl_context()
        assert _context(first).verify_mode == ssl.CERT_REQUIRED
        assert _context(first).check_hostname
    finally:
        first.close()
        second.close()
        asyncio.run(later.aclose())


def test_another_ca_bundle_in_the_environment_gets_a_context_of_its_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    default = shared_ssl_context()
    monkeypatch.setenv("SSL_CERT_DIR", str(Path(certifi.where()).parent))
    own = shared_ssl_context()
    assert own is not default
    assert own is shared_ssl_context()
    monkeypatch.undo()
    assert shared_ssl_context() is default
