"""The `turkeysms` command line: send, otp, balance, status and bulk sends from a CSV."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from turkeysms._client import TurkeySMS
from turkeysms._exceptions import TurkeySMSError

__all__ = ["main"]

# Exit codes for shell scripts and cron: 0 done, 1 the API refused, 2 bad usage, 3 some bulk chunks refused.
EXIT_API_ERROR = 1
EXIT_USAGE = 2
EXIT_PARTIAL = 3


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="turkeysms", description="TurkeySMS v4 from the shell; answers print as JSON."
    )
    parser.add_argument("--api-key", help="API key (default: $TURKEYSMS_API_KEY)")
    parser.add_argument("--base-url", help="API root (default: $TURKEYSMS_BASE_URL, then production)")
    commands = parser.add_subparsers(dest="command", required=True)

    send = commands.add_parser("send", help="send one SMS")
    send.add_argument("--title", required=True, help="sender ID")
    send.add_argument("--to", required=True, help="recipient, international digits")
    send.add_argument("--text", required=True)
    send.add_argument("--sms-lang", type=int, choices=(0, 1, 2))

    otp = commands.add_parser("otp", help="send a one-time password")
    otp.add_argument("--to", required=True)
    otp.add_argument("--digits", type=int, choices=(4, 5, 6))

    commands.add_parser("balance", help="print the balance")

    status = commands.add_parser("status", help="print the delivery status of a send")
    status.add_argument("sms_id", type=int)

    bulk = commands.add_parser("bulk", help="send one text to every number of a CSV file, in chunks")
    bulk.add_argument("--title", required=True)
    bulk.add_argument("--text", required=True)
    bulk.add_argument("--csv", required=True, type=Path, help="CSV file with a header row")
    bulk.add_argument("--column", default="phone", help="column holding the numbers (default: phone)")
    bulk.add_argument("--chunk-size", type=int, default=1000)
    bulk.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    return parser


def _numbers(path: Path, column: str) -> Iterator[str]:
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames is None or column not in reader.fieldnames:
            raise ValueError(f"{path}: no column {column!r} (columns: {reader.fieldnames})")
        for row in reader:
            number = (row.get(column) or "").strip()
            if number:
                yield number


def _count(path: Path, column: str) -> int:
    # A first streaming pass gives the bar its total without holding the file in memory.
    return sum(1 for _ in _numbers(path, column))


def _progress(done: int, total: int, out: TextIO) -> None:
    width = 30
    filled = width * done // total if total else width
    percent = 100 * done // total if total else 100
    out.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {percent}%")
    out.flush()


def _bulk(client: TurkeySMS, args: argparse.Namespace) -> tuple[dict[str, Any], int]:
    total = _count(args.csv, args.column)
    sent = refused = 0
    sms_ids: list[int] = []
    errors: list[dict[str, Any]] = []
    show = not args.no_progress
    for result in client.send_bulk(
        args.title, _numbers(args.csv, args.column), args.text, chunk_size=args.chunk_size
    ):
        if result.response is not None:
            sent += len(result.recipients)
            sms_ids.append(result.response.sms_id)
        elif result.error is not None:
            refused += len(result.recipients)
            errors.append({"chunk": result.index, "code": result.error.code, "message": result.error.message})
        if show:
            _progress(sent + refused, total, sys.stderr)
    if show:
        sys.stderr.write("\n")
    summary = {"recipients": total, "sent": sent, "refused": refused, "sms_ids": sms_ids, "errors": errors}
    return summary, (EXIT_PARTIAL if refused else 0)


def _run(client: TurkeySMS, args: argparse.Namespace) -> tuple[Any, int]:
    if args.command == "send":
        return client.send_sms(args.title, args.to, args.text, sms_lang=args.sms_lang).to_dict(), 0
    if args.command == "otp":
        return client.send_otp(args.to, digits=args.digits).to_dict(), 0
    if args.command == "balance":
        return client.get_balance().to_dict(), 0
    if args.command == "status":
        return client.get_status(args.sms_id).to_dict(), 0
    return _bulk(client, args)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; print its answer as JSON on stdout and errors on stderr."""
    args = _parser().parse_args(argv)
    try:
        with TurkeySMS(args.api_key, base_url=args.base_url) as client:
            answer, code = _run(client, args)
    except TurkeySMSError as error:
        print(f"turkeysms: {error}", file=sys.stderr)
        return EXIT_API_ERROR
    except (ValueError, OSError) as error:
        print(f"turkeysms: {error}", file=sys.stderr)
        return EXIT_USAGE
    print(json.dumps(answer, ensure_ascii=False))
    return code


if __name__ == "__main__":
    sys.exit(main())
