"""`turkeysms-mock`: prepare the database, then serve the mock with gunicorn."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from gunicorn.app.base import BaseApplication

from . import DEFAULT_DATABASE, DEFAULT_MAX_BODY_BYTES, create_app
from .api.operations import operations
from .domain import seed
from .domain.backend import DEFAULT_DELIVERY_DELAY_S
from .domain.webhooks import DEFAULT_POLICY
from .store import schema
from .store.database import MEMORY, Database

# Path only, never the query string, and never a body: API keys travel in bodies, and a careless
# client may put one in the URL.
ACCESS_LOG_FORMAT = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(L)ss'


class _Server(BaseApplication):  # type: ignore[misc]  # gunicorn is untyped
    """gunicorn run in-process, so that options come from our flags and not a config file."""

    def __init__(self, factory: Callable[[], Any], options: Mapping[str, Any]) -> None:
        self._factory = factory
        self._options = options
        super().__init__()

    def load_config(self) -> None:
        for name, value in self._options.items():
            self.cfg.set(name, value)

    def load(self) -> Any:
        return self._factory()


def parser() -> argparse.ArgumentParser:
    ask = argparse.ArgumentParser(
        prog="turkeysms-mock", description="A stateful local mock of the TurkeySMS v4 API."
    )
    ask.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    ask.add_argument("--port", type=int, default=8080, help="port to listen on (default 8080)")
    ask.add_argument(
        "--db", default=DEFAULT_DATABASE, help=f"SQLite file, or :memory: (default {DEFAULT_DATABASE})"
    )
    ask.add_argument("--seed", type=Path, help="YAML seed file (default: the demo account, key test-key)")
    ask.add_argument("--workers", type=int, default=2, help="worker processes (default 2; 1 with :memory:)")
    ask.add_argument("--threads", type=int, default=1, help="threads per worker (default 1; 8 with :memory:)")
    ask.add_argument(
        "--delivery-delay",
        type=float,
        default=None,
        help="mock seconds until a message reaches its outcome"
        f" (default: the seed's delivery_delay, else {DEFAULT_DELIVERY_DELAY_S:g})",
    )
    ask.add_argument(
        "--webhook-timeout",
        type=float,
        default=DEFAULT_POLICY.timeout_s,
        help=f"seconds a webhook receiver has to answer (default {DEFAULT_POLICY.timeout_s:g})",
    )
    ask.add_argument(
        "--webhook-attempts",
        type=int,
        default=DEFAULT_POLICY.max_attempts,
        help=f"attempts per webhook event before giving up (default {DEFAULT_POLICY.max_attempts})",
    )
    ask.add_argument(
        "--webhook-backoff",
        type=float,
        default=DEFAULT_POLICY.backoff_s,
        help=f"mock seconds before the first retry, doubled after each (default {DEFAULT_POLICY.backoff_s:g})",
    )
    ask.add_argument(
        "--max-body-bytes", type=int, default=DEFAULT_MAX_BODY_BYTES, help="larger bodies answer 413"
    )
    ask.add_argument(
        "--access-log", help="write an access log (path, or - for stderr); bodies are never logged"
    )
    return ask


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        loaded = seed.load(args.seed)
    except (OSError, seed.SeedError) as error:
        print(f"turkeysms-mock: cannot use the seed {args.seed}: {error}", file=sys.stderr)
        return 2
    workers, threads = args.workers, args.threads
    if args.db == MEMORY:
        # Processes cannot share an in-memory database: one process serves it with threads.
        workers, threads = 1, max(threads, 8)
    else:
        database = Database(args.db)
        if not schema.prepare(database, loaded):
            print(
                f"turkeysms-mock: {args.db} already holds state; the seed is applied to new databases only."
            )
        database.close()
    if args.seed is None:
        print("turkeysms-mock: demo account loaded; API key: test-key")
    print(f"turkeysms-mock: serving on http://{args.host}:{args.port} (database {args.db})", flush=True)
    config = {
        "DATABASE": args.db,
        "SEED": str(args.seed) if args.seed else None,
        "DELIVERY_DELAY_S": args.delivery_delay,
        "WEBHOOK_TIMEOUT_S": args.webhook_timeout,
        "WEBHOOK_MAX_ATTEMPTS": args.webhook_attempts,
        "WEBHOOK_BACKOFF_S": args.webhook_backoff,
        "WEBHOOK_THREAD": True,  # each worker sweeps and sends in the background
        "MAX_CONTENT_LENGTH": args.max_body_bytes,
    }
    options: dict[str, Any] = {
        "bind": f"{args.host}:{args.port}",
        "workers": workers,
        "threads": threads,
        "worker_class": "gthread" if threads > 1 else "sync",
        "accesslog": args.access_log,
        "access_log_format": ACCESS_LOG_FORMAT,
        "errorlog": "-",
        "loglevel": "warning",
        "graceful_timeout": 5,
        "proc_name": "turkeysms-mock",
    }
    operations()  # compiled once here, inherited by every forked worker
    _Server(lambda: create_app(config), options).run()
    return 0
