"""A stateful local mock of the TurkeySMS v4 API: `create_app()` builds the Flask application."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask

from mock_server.api import account, blacklist, control, errors, groups, reports, sms
from mock_server.domain import seed
from mock_server.domain.backend import DEFAULT_DELIVERY_DELAY_S, Backend
from mock_server.domain.clock import Clock
from mock_server.store import schema
from mock_server.store.database import Database

__all__ = ["DEFAULT_DATABASE", "create_app"]

DEFAULT_DATABASE = "turkeysms-mock.sqlite3"
DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the mock. Config keys: DATABASE (path or ":memory:"), SEED (path or None for the demo
    account), DELIVERY_DELAY_S, MAX_CONTENT_LENGTH (bytes), CLOCK (a domain.clock.Clock)."""
    app = Flask(__name__)
    app.config.update(
        DATABASE=DEFAULT_DATABASE,
        SEED=None,
        DELIVERY_DELAY_S=DEFAULT_DELIVERY_DELAY_S,
        MAX_CONTENT_LENGTH=DEFAULT_MAX_BODY_BYTES,
        CLOCK=None,
    )
    if config:
        app.config.update(config)
    # /balance/ is documented with its slash and the rest without: accept both spellings of every
    # path instead of answering a redirect (whose body would be HTML).
    app.url_map.strict_slashes = False

    database = Database(str(app.config["DATABASE"]))
    seed_path = app.config["SEED"]
    schema.prepare(database, seed.load(Path(seed_path) if seed_path else None))
    app.extensions["turkeysms_mock"] = Backend(
        database=database,
        clock=app.config["CLOCK"] or Clock(),
        delivery_delay_s=float(app.config["DELIVERY_DELAY_S"]),
    )
    for module in (account, sms, groups, reports, blacklist, control):
        app.register_blueprint(module.blueprint)
    errors.init_app(app)
    return app
