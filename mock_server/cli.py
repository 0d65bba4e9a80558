"""`turkeysms-mock`: bind the port, prepare the database, say where it listens, then serve the mock."""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from . import create_app, defaults, extra, listener
from .store.database import MEMORY, Database, DatabaseUnavailableError, is_postgresql

DATABASE_ENV = "TURKEYSMS_MOCK_DB"
CONTROL_TOKEN_ENV = "TURKEYSMS_MOCK_CONTROL_TOKEN"  # noqa: S105  # a variable name
ALLOWED_HOSTS_ENV = "TURKEYSMS_MOCK_ALLOWED_HOSTS"
# What the start-up lines point at, after the address itself.
LINKS = (("inbox", "/"), ("API docs", "/docs"), ("messages", "/_mock/messages"))
# What create_app imports, imported before the fork: each worker would otherwise import them again
# after it, on its way to the first answer (scripts/bench-startup).
APP_MODULES = tuple(
    f".api.{name}"
    for name in (
        "account",
        "blacklist",
        "control",
        "docs",
        "errors",
        "faults",
        "groups",
        "inbox_page",
        "overview",
        "reports",
        "sms",
        "state_edits",
    )
)


def _server_error(status: int, message: str) -> tuple[str, bytes]:
    """What waitress answers itself (a body over the limit, a malformed request): the API's envelope."""
    body = {"result": False, "result_code": "TS-1033", "result_message": message}
    return "application/json", json.dumps(body).encode()


def _port(raw: str) -> int:
    if not raw.isascii() or not raw.isdigit() or int(raw) > 65535:
        raise argparse.ArgumentTypeError(f"{raw!r} is not a port from 0 to 65535")
    return int(raw)


def parser() -> argparse.ArgumentParser:
    ask = argparse.ArgumentParser(
        prog="turkeysms-mock", description="A stateful local mock of the TurkeySMS v4 API."
    )
    ask.add_argument("--host", default=defaults.HOST, help=f"address to listen on (default {defaults.HOST})")
    ask.add_argument(
        "--port",
        type=_port,
        default=defaults.PORT,
        help=f"port to listen on (default {defaults.PORT}; 0 takes a free one)",
    )
    ask.add_argument(
        "--db",
        default=os.environ.get(DATABASE_ENV) or defaults.DATABASE,
        help=f"SQLite file, :memory:, or a postgresql://user:password@host/dbname URL shared by several"
        f" instances (default {defaults.DATABASE}; also ${DATABASE_ENV})",
    )
    ask.add_argument("--seed", type=Path, help="YAML seed file (default: the demo account, key test-key)")
    ask.add_argument(
        "--workers",
        type=int,
        default=defaults.WORKERS,
        help=f"worker processes (default {defaults.WORKERS}; 1 with :memory:)",
    )
    ask.add_argument(
        "--threads",
        type=int,
        default=defaults.THREADS,
        help=f"request threads per worker (default {defaults.THREADS}; at least {defaults.MEMORY_THREADS} with :memory:)",
    )
    ask.add_argument(
        "--delivery-delay",
        type=float,
        default=None,
        help="mock seconds until a message reaches its outcome"
        f" (default: the seed's delivery_delay, else {defaults.DELIVERY_DELAY_S:g})",
    )
    ask.add_argument(
        "--webhook-timeout",
        type=float,
        default=defaults.WEBHOOK_TIMEOUT_S,
        help=f"seconds a webhook receiver has to answer (default {defaults.WEBHOOK_TIMEOUT_S:g})",
    )
    ask.add_argument(
        "--webhook-attempts",
        type=int,
        default=defaults.WEBHOOK_MAX_ATTEMPTS,
        help=f"attempts per webhook event before giving up (default {defaults.WEBHOOK_MAX_ATTEMPTS})",
    )
    ask.add_argument(
        "--webhook-backoff",
        type=float,
        default=defaults.WEBHOOK_BACKOFF_S,
        help=f"mock seconds before the first retry, doubled after each (default {defaults.WEBHOOK_BACKOFF_S:g})",
    )
    ask.add_argument(
        "--max-body-bytes", type=int, default=defaults.MAX_BODY_BYTES, help="larger bodies answer 413"
    )
    ask.add_argument(
        "--access-log", help="write an access log (path, or - for stderr); bodies are never logged"
    )
    ask.add_argument(
        "--allowed-host",
        action="append",
        default=[],
        metavar="HOST",
        help="a host name control calls may carry in Host/Origin besides loopback and --host"
        f" (repeatable, * for any; also ${ALLOWED_HOSTS_ENV}, comma-separated)",
    )
    ask.add_argument(
        "--control-token",
        default=os.environ.get(CONTROL_TOKEN_ENV) or None,
        help=f"require this token on /_mock/ calls (X-Mock-Token or Authorization: Bearer; also ${CONTROL_TOKEN_ENV})",
    )
    return ask


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        extra.require("turkeysms-mock")
        if is_postgresql(args.db):
            extra.require_postgresql("turkeysms-mock --db postgresql://…")
    except (extra.MockExtraMissingError, extra.PostgresqlExtraMissingError) as missing:
        print(f"turkeysms-mock: {missing}", file=sys.stderr)
        return 2
    # Imported once the extra is known to be there (--help works without it).
    from .access_log import logged  # noqa: PLC0415

    # Imported before the fork (httpx and the SDK, about half a second), so every worker inherits it.
    from .adapters import webhook_sender  # noqa: F401, PLC0415
    from .api import guard  # noqa: PLC0415
    from .api.operations import operations  # noqa: PLC0415
    from .domain import seed, state  # noqa: PLC0415
    from .server import Limits, serve  # noqa: PLC0415

    for module in APP_MODULES:
        importlib.import_module(module, __package__)

    try:
        loaded = seed.load(args.seed)
    except (OSError, seed.SeedError) as error:
        print(f"turkeysms-mock: cannot use the seed {args.seed}: {error}", file=sys.stderr)
        return 2
    try:
        # Bound before anything is announced or served: a taken port is one line and exit 2, the
        # printed address is the real one (also for --port 0), and nothing was written to the database.
        bound = listener.bind(args.host, args.port)
    except listener.ListenError as refused:
        print(f"turkeysms-mock: {refused}", file=sys.stderr)
        return 2
    workers, threads = args.workers, args.threads
    described = MEMORY
    if args.db == MEMORY:
        # Processes cannot share an in-memory database: one process serves it with threads.
        workers, threads = 1, max(threads, defaults.MEMORY_THREADS)
    else:
        database = Database(args.db)
        described = database.describe()
        try:
            if not state.prepare(database, loaded):
                print(
                    f"turkeysms-mock: {described} already holds state; the seed is applied to new databases only."
                )
        except DatabaseUnavailableError as error:
            print(f"turkeysms-mock: cannot use the database {described}: {error}", file=sys.stderr)
            return 2
        finally:
            database.close()
    if args.seed is None:
        print("turkeysms-mock: demo account loaded; API key: test-key")
    if args.control_token is None and args.host not in guard.LOOPBACK_HOSTS:
        print(
            f"turkeysms-mock: WARNING: serving on {args.host}, beyond this machine's loopback, without"
            f" --control-token: anyone who reaches it can reset it and read its OTPs.",
            file=sys.stderr,
        )
    listener.announce(bound, LINKS, f"database {described}", sys.stdout)
    config = {
        "DATABASE": args.db,
        "SEED": str(args.seed) if args.seed else None,
        "DELIVERY_DELAY_S": args.delivery_delay,
        "WEBHOOK_TIMEOUT_S": args.webhook_timeout,
        "WEBHOOK_MAX_ATTEMPTS": args.webhook_attempts,
        "WEBHOOK_BACKOFF_S": args.webhook_backoff,
        "WEBHOOK_THREAD": True,  # each worker sweeps and sends in the background
        "MAX_CONTENT_LENGTH": args.max_body_bytes,
        "HOST": args.host,
        "ALLOWED_HOSTS": [*args.allowed_host, *os.environ.get(ALLOWED_HOSTS_ENV, "").split(",")],
        "CONTROL_TOKEN": args.control_token,
    }
    logging.basicConfig(level=logging.WARNING, format="turkeysms-mock: %(levelname)s %(name)s: %(message)s")
    # "Task queue depth is N" is a load report, not a fault: under a benchmark it would flood stderr.
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)
    log = _access_log(args.access_log)

    def factory() -> Any:
        app = create_app(config)
        return app if log is None else logged(app, log)

    operations()  # compiled once here, inherited by every forked worker
    serve(
        factory,
        bound,
        workers=workers,
        limits=Limits(threads=threads, max_body_bytes=args.max_body_bytes),
        error_body=_server_error,
    )
    return 0


def _access_log(target: str | None) -> IO[str] | None:
    if target is None:
        return None
    if target == "-":
        return sys.stderr
    return open(target, "a", encoding="utf-8", buffering=1)
