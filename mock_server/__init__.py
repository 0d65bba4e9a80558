"""A stateful local mock of the TurkeySMS v4 API: `create_app()` builds the Flask application."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flask import Flask

__all__ = ["DEFAULT_DATABASE", "create_app"]

from . import defaults

DEFAULT_DATABASE = defaults.DATABASE
DEFAULT_MAX_BODY_BYTES = defaults.MAX_BODY_BYTES


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the mock. Config keys: DATABASE (an SQLite path, ":memory:" or a postgresql:// URL), SEED (path or None for the demo
    account), DELIVERY_DELAY_S, MAX_CONTENT_LENGTH (bytes), CLOCK (a domain.clock.Clock; default:
    the offset shared through the database), WEBHOOK_TIMEOUT_S, WEBHOOK_MAX_ATTEMPTS,
    WEBHOOK_BACKOFF_S, and WEBHOOK_THREAD (send webhooks from a background thread of the serving
    process; without it they go out only when the clock is advanced through the control API),
    HOST (the address served, allowed in Host headers), ALLOWED_HOSTS (more host names control calls
    may name in Host and Origin; "*" for any) and CONTROL_TOKEN (required by control calls if set)."""
    # Imported here, not at the top: importing the package (e.g. for the pytest plugin, which every
    # pytest session of the environment loads) must not cost Flask and the contract (~0.4 s).
    from . import extra  # noqa: PLC0415

    extra.require("turkeysms_mock.create_app()")
    from flask import Flask  # noqa: PLC0415

    from .adapters.webhook_sender import Dispatcher  # noqa: PLC0415
    from .api import (  # noqa: PLC0415
        account,
        blacklist,
        control,
        docs,
        errors,
        fast_path,
        faults,
        groups,
        guard,
        inbox_page,
        overview,
        reports,
        sms,
        state_edits,
    )
    from .domain import seed  # noqa: PLC0415
    from .domain.backend import Backend  # noqa: PLC0415
    from .domain.clock import SharedClock  # noqa: PLC0415
    from .domain.state import example_key  # noqa: PLC0415
    from .domain.state import prepare as prepare_state  # noqa: PLC0415
    from .domain.webhooks import Policy  # noqa: PLC0415
    from .store.database import Database  # noqa: PLC0415

    app = Flask(__name__)
    app.config.update(
        DATABASE=DEFAULT_DATABASE,
        SEED=None,
        DELIVERY_DELAY_S=None,  # None: the seed's delivery_delay, else defaults.DELIVERY_DELAY_S
        MAX_CONTENT_LENGTH=DEFAULT_MAX_BODY_BYTES,
        CLOCK=None,
        WEBHOOK_TIMEOUT_S=defaults.WEBHOOK_TIMEOUT_S,
        WEBHOOK_MAX_ATTEMPTS=defaults.WEBHOOK_MAX_ATTEMPTS,
        WEBHOOK_BACKOFF_S=defaults.WEBHOOK_BACKOFF_S,
        WEBHOOK_THREAD=False,
        HOST=None,
        ALLOWED_HOSTS=(),
        CONTROL_TOKEN=None,
    )
    if config:
        app.config.update(config)
    app.config["ALLOWED_HOSTS"] = guard.allowed_hosts(app.config["HOST"], app.config["ALLOWED_HOSTS"])
    # /balance/ is documented with its slash and the rest without: accept both spellings of every
    # path instead of answering a redirect (whose body would be HTML).
    app.url_map.strict_slashes = False

    database = Database(str(app.config["DATABASE"]))
    seed_path = app.config["SEED"]
    loaded = seed.load(Path(seed_path) if seed_path else None)
    prepare_state(database, loaded)
    delay = app.config["DELIVERY_DELAY_S"]
    if delay is None:
        delay = defaults.DELIVERY_DELAY_S if loaded.delivery_delay_s is None else loaded.delivery_delay_s
    state = Backend(
        database=database,
        clock=app.config["CLOCK"] or SharedClock(database),
        delivery_delay_s=float(delay),
    )
    app.extensions["turkeysms_mock"] = state
    app.extensions[docs.EXAMPLE_KEY] = example_key(loaded)
    dispatcher = Dispatcher(
        state,
        Policy(
            timeout_s=float(app.config["WEBHOOK_TIMEOUT_S"]),
            max_attempts=int(app.config["WEBHOOK_MAX_ATTEMPTS"]),
            backoff_s=float(app.config["WEBHOOK_BACKOFF_S"]),
        ),
    )
    app.extensions[control.DISPATCHER_KEY] = dispatcher
    if app.config["WEBHOOK_THREAD"]:
        dispatcher.start()
    for module in (
        account,
        sms,
        groups,
        reports,
        blacklist,
        control,
        faults,
        state_edits,
        overview,
        docs,
        inbox_page,
    ):
        app.register_blueprint(module.blueprint)
    errors.init_app(app)
    fast_path.install(app, state)
    return app
