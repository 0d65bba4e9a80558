"""One verified TLS context for every http client the SDK makes itself, built once per CA setting."""

from __future__ import annotations

import os
import ssl
import threading

import httpx

__all__ = ["shared_ssl_context"]

# Building a context loads the whole CA bundle: about 20 ms, which a test suite that makes a
# client per test paid on every test. The context is read-only once made (httpcore only sets the
# same ALPN list on it per connection), so the clients can share it.
_lock = threading.Lock()
_contexts: dict[tuple[str, str], ssl.SSLContext] = {}


def shared_ssl_context() -> ssl.SSLContext:
    """What httpx builds for `verify=True` with `trust_env=True`, made once per SSL_CERT_FILE/SSL_CERT_DIR."""
    key = (os.environ.get("SSL_CERT_FILE", ""), os.environ.get("SSL_CERT_DIR", ""))
    context = _contexts.get(key)
    if context is None:
        with _lock:
            context = _contexts.get(key)
            if context is None:
                context = _contexts[key] = httpx.create_ssl_context()
    return context
