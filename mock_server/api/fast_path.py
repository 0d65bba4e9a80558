"""The public API's POSTs answered from the WSGI environ: the same pipeline, without Flask's request context,
routing and request object; anything unusual goes to Flask as before."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from flask import Flask
from flask.signals import got_request_exception, request_finished, request_started

from ..domain.backend import Backend
from . import errors, pipeline
from .faulty import HEADER
from .operations import Operation

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
_FAULT_HEADER_KEY = "HTTP_" + HEADER.upper().replace("-", "_")


Route = tuple[Operation, pipeline.Handler, str]


def _route(environ: Mapping[str, Any], routes: Mapping[str, Route]) -> Route | None:
    """The operation of a plain POST: no fault header (its token check reads Flask's app), no chunks."""
    if environ.get("REQUEST_METHOD") != "POST" or _FAULT_HEADER_KEY in environ:
        return None
    if "HTTP_TRANSFER_ENCODING" in environ:
        return None
    path: str = environ.get("PATH_INFO", "")
    # The app accepts every path with and without its trailing slash (strict_slashes is off).
    return routes.get(path) or (routes.get(path[:-1]) if path.endswith("/") else None)


def _length(environ: Mapping[str, Any], limit: int | None) -> int | None:
    """The body's declared length when it is one Flask would read as it is; None sends it to Flask
    (which answers a body over the limit with the 413 envelope)."""
    declared = environ.get("CONTENT_LENGTH")
    if not declared or not declared.isascii() or not declared.isdigit():
        return None
    length = int(declared)
    return None if limit is not None and length > limit else length


def _media_type(environ: Mapping[str, Any]) -> str:
    """What werkzeug's `request.mimetype` says: the type before any parameter, lower-cased."""
    content_type: str = environ.get("CONTENT_TYPE", "")
    return content_type.partition(";")[0].strip().lower()


def _unhooked(app: Flask, blueprint: str) -> bool:
    """No request hook or signal receiver would miss the request: none on the app or the route's
    blueprint (a test's recorder, a user's middleware added through Flask). Read per request, so a
    hook added after start-up sends every request through Flask from then on."""
    for hooks in (
        app.before_request_funcs,
        app.after_request_funcs,
        app.teardown_request_funcs,
        app.url_value_preprocessors,
    ):
        if hooks.get(None) or hooks.get(blueprint):
            return False
    return not (request_started.receivers or request_finished.receivers or got_request_exception.receivers)


def install(app: Flask, state: Backend) -> None:
    """Answer the pipeline's operations in front of `app`'s own WSGI callable; the rest goes through."""
    through: WsgiApp = app.wsgi_app
    routes = dict(pipeline.ROUTES)
    config = app.config

    def wsgi_app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        route = _route(environ, routes)
        # The limit read per request, as Flask reads it.
        length = None if route is None else _length(environ, config["MAX_CONTENT_LENGTH"])
        if route is None or length is None or not _unhooked(app, route[2]):
            return through(environ, start_response)
        operation, handler, _ = route
        try:
            raw = environ["wsgi.input"].read(length) if length else b""
            answer = pipeline.answer(state, operation, handler, media_type=_media_type(environ), raw=raw)
        except Exception as error:  # what Flask's handler would answer: the 500 envelope
            answer = errors.unexpected(error)
        # Outside the try, as in Flask: a dropped or hung fault ends the connection by raising here.
        result: Iterable[bytes] = answer(environ, start_response)
        return result

    app.wsgi_app = wsgi_app  # type: ignore[method-assign]
