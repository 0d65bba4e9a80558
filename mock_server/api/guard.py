"""What a control call must show before it runs: a Host and Origin we serve, the token if one is set, JSON."""

from __future__ import annotations

import hmac
from collections.abc import Iterable
from urllib.parse import urlsplit

from flask import Response, current_app, request
from werkzeug.datastructures import Headers

from .responses import control_error

# Names that always reach this machine's loopback: a page cannot make a browser send them for its own
# domain. DNS rebinding points an attacker's name at 127.0.0.1; its Host header still says that name.
LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})
WILDCARD_HOSTS = frozenset({"", "0.0.0.0", "::"})  # names of "every address", not binds
ANY_HOST = "*"
TOKEN_HEADER = "X-Mock-Token"  # noqa: S105  # a header name, not a secret
# A load balancer checks health without credentials, by each instance's own address (an ALB or a
# Kubernetes probe sends the target's IP as Host, which no allowed-host list knows ahead): any Host,
# any Origin, no token. Nothing there is secret (readiness and the mock clock).
OPEN_PATHS = frozenset({"/_mock/health"})


def allowed_hosts(bound: str | None, extra: Iterable[str]) -> frozenset[str]:
    """The loopback names, the address the mock is bound to (unless a wildcard), and `extra`."""
    names = set(LOOPBACK_HOSTS) | {name.strip().lower() for name in extra if name.strip()}
    if bound is not None and bound.lower() not in WILDCARD_HOSTS:
        names.add(bound.strip("[]").lower())
    return frozenset(names)


def _hostname(authority: str) -> str | None:
    try:
        return urlsplit("//" + authority).hostname
    except ValueError:
        return None


def _origin_hostname(origin: str) -> str | None:
    try:
        return urlsplit(origin).hostname  # "null" (a sandboxed page, a file) has none
    except ValueError:
        return None


def _token_given(headers: Headers) -> str:
    direct = headers.get(TOKEN_HEADER)
    if direct is not None:
        return direct
    scheme, _, credentials = headers.get("Authorization", "").partition(" ")
    return credentials.strip() if scheme.lower() == "bearer" else ""


def token_accepted(headers: Headers) -> bool:
    """Whether `headers` carry the control token, or the mock has none: what a caller must show to steer it."""
    token: str | None = current_app.config["CONTROL_TOKEN"]
    if not token:
        return True
    # As bytes: compare_digest refuses str with non-ASCII characters, which a header may well hold.
    given = _token_given(headers).encode("utf-8", "surrogateescape")
    return hmac.compare_digest(given, token.encode("utf-8", "surrogateescape"))


def check() -> Response | None:
    """None when the control request may run; else the refusal to answer instead."""
    if request.path in OPEN_PATHS:
        return None
    hosts: frozenset[str] = current_app.config["ALLOWED_HOSTS"]
    if ANY_HOST not in hosts:
        if _hostname(request.host) not in hosts:
            return control_error(
                403, "forbidden_host", f"Host {request.host!r} is not an address this mock serves."
            )
        origin = request.headers.get("Origin")
        if origin is not None and _origin_hostname(origin) not in hosts:
            return control_error(403, "forbidden_origin", f"Origin {origin!r} may not drive this mock.")
    if not token_accepted(request.headers):
        return control_error(
            401,
            "unauthorized",
            f"This mock needs its control token ({TOKEN_HEADER} or Authorization: Bearer).",
        )
    if request.method == "POST" and not _is_json(request.mimetype):
        # A form or text/plain POST is what a page may send cross-origin without asking (no CORS
        # preflight); JSON it cannot. So a control POST is JSON, with or without a body.
        return control_error(415, "unsupported_media_type", "Request body must be JSON (application/json).")
    return None


def _is_json(mimetype: str) -> bool:
    return mimetype == "application/json" or mimetype.endswith("+json")
