"""The web inbox at / and /inbox: one static page, its assets and its fault form's choices, under a strict CSP."""

from __future__ import annotations

import functools
import json
from pathlib import Path

from flask import Blueprint, Response, abort

from . import fault_form

blueprint = Blueprint("inbox_page", __name__)

ASSETS = Path(__file__).resolve().parent.parent / "inbox"
# Only these files are served: the folder holds nothing else, and a name outside the set is a 404.
_MEDIA_TYPES = {
    "index.html": "text/html; charset=utf-8",
    "inbox.css": "text/css; charset=utf-8",
    "inbox.js": "text/javascript; charset=utf-8",
    "favicon.svg": "image/svg+xml",
}
# The page needs nothing from elsewhere and runs no inline script or style: anything injected into
# it (a message text that slipped past textContent) could neither run nor load or send anything.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    # The assets change with the installed version only; a reload should still pick up a new one.
    "Cache-Control": "no-cache",
}


@functools.cache
def _read(name: str) -> bytes:
    return (ASSETS / name).read_bytes()


def _asset(name: str) -> Response:
    if name not in _MEDIA_TYPES:
        abort(404)
    response = Response(_read(name), content_type=_MEDIA_TYPES[name])
    response.headers.update(_HEADERS)
    return response


@blueprint.get("/")
@blueprint.get("/inbox")
def page() -> Response:
    return _asset("index.html")


@functools.cache
def _form_json() -> bytes:
    return json.dumps(fault_form.form(), separators=(",", ":")).encode()


@blueprint.get("/inbox/fault-form.json")
def form() -> Response:
    # Nothing secret (the control spec's own choices), so, like the page, it passes no control guard.
    response = Response(_form_json(), content_type="application/json")
    response.headers.update(_HEADERS)
    return response


@blueprint.get("/inbox/<name>")
def asset(name: str) -> Response:
    if name == "index.html":
        abort(404)  # the page has its own two addresses
    return _asset(name)
